import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';
import { adUserUpdate, syncUser } from '../support/nodeParameters';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const syncedNames = () =>
	sim.requests.map((r) => decodeURIComponent(r.path.split('/').pop() ?? ''));

describe("parameters per item: the same values as n8n's expression engine", () => {
	test.each([
		['={{ $json.username }}', [{ username: 'user0001' }, { username: 'user0002' }]],
		['={{$json.who.name}}', [{ who: { name: 'user0001' } }, { who: { name: 'user0002' } }]],
		['={{ $json["user name"] }}', [{ 'user name': 'user0001' }, { 'user name': 'user0002' }]],
		['=user{{ $json.n }}', [{ n: '0001' }, { n: '0002' }]],
		['={{ $json.username.toLowerCase() }}', [{ username: 'USER0001' }, { username: 'USER0002' }]],
		['={{ "user" + String($json.n).padStart(4, "0") }}', [{ n: 1 }, { n: 2 }]],
	])('%s', async (expression, input) => {
		const run = await runNode({
			node: 'resolutionSamlSso',
			parameters: syncUser(expression),
			credentials: adminBasic(sim),
			input,
		});
		expect(run.error).toBeUndefined();
		expect(syncedNames()).toEqual(['user0001', 'user0002']);
		expect(run.json.map((j) => j.username)).toEqual(['user0001', 'user0002']);
	});

	test('a missing field or an object fails the item as an empty parameter, naming it', async () => {
		for (const input of [[{}], [{ username: { first: 'x' } }]]) {
			const run = await runNode({
				node: 'resolutionSamlSso',
				parameters: syncUser('={{ $json.username }}'),
				credentials: adminBasic(sim),
				input,
			});
			expect(run.error?.message).toContain('The parameter "username" is empty');
		}
		expect(sim.requests).toHaveLength(0);
	});

	test('a fixed connector and a per-item expression in the same run', async () => {
		const run = await runNode({
			node: 'resolutionSamlSso',
			parameters: syncUser('={{ $json.u }}', '2'),
			credentials: adminBasic(sim),
			input: [{ u: 'user0003' }, { u: 'user0004' }, { u: 'user0005' }],
		});
		expect(run.error).toBeUndefined();
		expect(sim.requests.map((r) => r.path)).toEqual(
			['user0003', 'user0004', 'user0005'].map(
				(u) => `/rest/samlsso-admin/1.0/usersync/connector/2/syncsingle/${u}`,
			),
		);
	});

	test('a dry-run option from an expression is read per item', async () => {
		const run = await runNode({
			node: 'resolutionSamlSso',
			parameters: { ...syncUser('={{ $json.u }}'), options: { dryRun: '={{ $json.dry }}' } },
			credentials: adminBasic(sim),
			input: [
				{ u: 'user0001', dry: true },
				{ u: 'user0002', dry: false },
			],
		});
		expect(run.error).toBeUndefined();
		expect(run.json[0].dryRun).toBe(true);
		expect(syncedNames()).toEqual(['user0002']);
	});
});

test('values inside a collection: fixed names, values from the item', async () => {
	const run = await runNode({
		node: 'adAttributesSync',
		parameters: adUserUpdate([
			{ name: 'department', value: '={{ $json.dept }}' },
			{ name: 'title', value: '={{ $json.title.toUpperCase() }}' },
		]),
		credentials: adminBasic(sim),
		input: [
			{ key: 'JIRAUSER10100', dept: 'Ops', title: 'lead' },
			{ key: 'JIRAUSER10101', dept: 42, title: 'dev' },
		],
	});
	expect(run.error).toBeUndefined();
	expect(sim.requests).toHaveLength(1);
	expect(JSON.parse(sim.requests[0].body).update[0].data).toEqual([
		{ userKey: 'JIRAUSER10100', fields: [{ department: 'Ops' }, { title: 'LEAD' }] },
		{ userKey: 'JIRAUSER10101', fields: [{ department: '42' }, { title: 'DEV' }] },
	]);
});
