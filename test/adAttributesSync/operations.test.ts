import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';

const PREFIX = '/rest/intenso/ad/1.0/public';
let sim: Simulator;
let creds: Record<string, string>;

beforeAll(async () => {
	sim = await startSimulator({ contextPath: '/jira', adUsers: 60 });
	creds = {
		baseUrl: `${sim.url}/`,
		authentication: 'personalAccessToken',
		personalAccessToken: 'admin-pat-token',
	};
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const run = async (
	parameters: Record<string, unknown>,
	extra: { input?: IDataObject[]; continueOnFail?: boolean } = {},
) =>
	await runNode({
		node: 'adAttributesSync',
		parameters: parameters as never,
		credentials: creds,
		...extra,
	});

const puts = () =>
	sim.requests
		.filter((r) => r.method === 'PUT')
		.map((r) => ({ path: r.path, body: JSON.parse(r.body) as unknown }));

describe('connection', () => {
	test('getAll: one item per enabled connection with its attribute names', async () => {
		const r = await run({ resource: 'connection', operation: 'getAll' });
		expect(r.error).toBeUndefined();
		expect(r.json.map((j) => j.connection)).toEqual(['LDAP_server_23', 'Active_Directory_server']);
		expect(r.json[1].fields).toEqual(sim.state.deviniti.connections[1].attributes);
		expect(sim.requests.map((q) => `${q.method} ${q.path}`)).toEqual([`GET ${PREFIX}/connection`]);
	});

	test('update: only the set fields, exact body, state after', async () => {
		const r = await run({
			resource: 'connection',
			operation: 'update',
			connectionId: '2',
			updateFields: { userDn: 'CN=new,DC=ad' },
		});
		expect(r.error).toBeUndefined();
		expect(puts()).toEqual([
			{
				path: `${PREFIX}/update`,
				body: { connectionId: '2', update: [{ connection: [{ userDn: 'CN=new,DC=ad' }] }] },
			},
		]);
		expect(sim.requests[0].headers['x-atlassian-token']).toBe('no-check');
		expect(sim.state.deviniti.connections[1]).toMatchObject({
			name: 'Active_Directory_server',
			userDn: 'CN=new,DC=ad',
		});
		expect(r.json).toEqual([{ connectionId: '2', userDn: 'CN=new,DC=ad', updated: true }]);

		sim.requests.length = 0;
		await run({
			resource: 'connection',
			operation: 'update',
			connectionId: '1',
			updateFields: { name: 'LDAP new', userDn: 'CN=x' },
		});
		expect(puts()[0].body).toEqual({
			connectionId: '1',
			update: [{ connection: [{ name: 'LDAP new', userDn: 'CN=x' }] }],
		});
		expect(sim.state.deviniti.connections[0].name).toBe('LDAP new');
	});

	test('update: empty update refused, nothing sent; dry run sends nothing', async () => {
		const r = await run({
			resource: 'connection',
			operation: 'update',
			connectionId: '2',
			updateFields: { name: '  ' },
		});
		expect(r.error?.message).toMatch(/Nothing to update/);
		expect(sim.requests).toHaveLength(0);
		const d = await run({
			resource: 'connection',
			operation: 'update',
			connectionId: '2',
			updateFields: { name: 'N' },
			options: { dryRun: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(d.json).toEqual([
			{
				dryRun: true,
				method: 'PUT',
				url: `${sim.url}${PREFIX}/update`,
				body: { connectionId: '2', update: [{ connection: [{ name: 'N' }] }] },
			},
		]);
		expect(JSON.stringify(d.json)).not.toContain('admin-pat-token');
	});
});

describe('user get / getField', () => {
	test('get without connection: one item per connection', async () => {
		const r = await run({ resource: 'user', operation: 'get', user: 'John' });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([
			{
				user: 'John',
				connection: 'Active_Directory_server',
				fields: sim.state.deviniti.users[2].fields,
			},
		]);
		expect(sim.requests[0].path).toBe(`${PREFIX}/user/John`);
	});

	test('get with connection, by key; ids are one encoded segment', async () => {
		// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
		sim.state.variants.allowEncodedSlash = true;
		const r = await run({
			resource: 'user',
			operation: 'get',
			user: 'JIRAUSER10100',
			connection: 'Active_Directory_server',
		});
		expect(r.json).toEqual([
			{
				user: 'JIRAUSER10100',
				connection: 'Active_Directory_server',
				fields: sim.state.deviniti.users[0].fields,
			},
		]);
		expect(sim.requests[0].path).toBe(
			`${PREFIX}/connection/Active_Directory_server/user/JIRAUSER10100`,
		);
		sim.requests.length = 0;
		const missing = await run({ resource: 'user', operation: 'get', user: 'a/b', connection: '2' });
		expect(sim.requests[0].path).toBe(`${PREFIX}/connection/2/user/a%2Fb`);
		expect(missing.error?.message).toMatch(/Not found/);
	});

	test('getField', async () => {
		const r = await run({
			resource: 'user',
			operation: 'getField',
			connection: '2',
			user: 'nwalters',
			field: 'department',
		});
		expect(r.json).toEqual([
			{ connection: '2', user: 'nwalters', field: 'department', value: 'HR' },
		]);
		expect(sim.requests[0].path).toBe(`${PREFIX}/connection/2/user/nwalters/field/department`);
		const blank = await run({
			resource: 'user',
			operation: 'getField',
			connection: '2',
			user: 'nwalters',
			field: ' ',
		});
		expect(blank.error?.message).toMatch(/"field" is empty/);
	});
});

describe('user update', () => {
	const fields = (...pairs: Array<[string, string]>) => ({
		field: pairs.map(([name, value]) => ({ name, value })),
	});

	test('one item: exact body of the vendor page example, state after, output', async () => {
		const r = await run({
			resource: 'user',
			operation: 'update',
			connectionId: '2',
			userKey: 'JIRAUSER10106',
			fields: fields(['departmentNumber', '124567'], ['title', 'Boss']),
		});
		expect(r.error).toBeUndefined();
		expect(puts()).toEqual([
			{
				path: `${PREFIX}/update`,
				body: {
					connectionId: '2',
					update: [
						{
							data: [
								{
									userKey: 'JIRAUSER10106',
									fields: [{ departmentNumber: '124567' }, { title: 'Boss' }],
								},
							],
						},
					],
				},
			},
		]);
		expect(sim.state.deviniti.users[6].fields).toMatchObject({
			departmentNumber: '124567',
			title: 'Boss',
			department: 'HR',
		});
		expect(r.items).toEqual([
			{
				json: {
					connectionId: '2',
					userKey: 'JIRAUSER10106',
					fields: [{ departmentNumber: '124567' }, { title: 'Boss' }],
					updated: true,
					usersInRequest: 1,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('no fields: refused, nothing sent', async () => {
		const r = await run({
			resource: 'user',
			operation: 'update',
			connectionId: '2',
			userKey: 'JIRAUSER10106',
			fields: {},
		});
		expect(r.error?.message).toMatch(/Nothing to update/);
		expect(sim.requests).toHaveLength(0);
	});

	const input = [
		{ c: '2', k: 'JIRAUSER10101', v: 'a' },
		{ c: '1', k: 'JIRAUSER10110', v: 'b' },
		{ c: '2', k: 'JIRAUSER10102', v: 'c' },
		{ c: '2', k: 'JIRAUSER10103', v: 'd' },
		{ c: '2', k: 'JIRAUSER10104', v: 'e' },
	];
	const byExpression = {
		resource: 'user',
		operation: 'update',
		connectionId: '={{ $json.c }}',
		userKey: '={{ $json.k }}',
		fields: { field: [{ name: 'title', value: '={{ $json.v }}' }] },
	};

	test('without combining: one PUT per item', async () => {
		const r = await run(byExpression, { input });
		expect(r.error).toBeUndefined();
		expect(puts()).toHaveLength(5);
		expect(r.json.map((j) => j.userKey)).toEqual(input.map((i) => i.k));
	});

	test('combineItems + batchSize: one PUT per connection and batch, per-item outputs paired', async () => {
		const r = await run(
			{ ...byExpression, options: { combineItems: true, batchSize: 2 } },
			{ input },
		);
		expect(r.error).toBeUndefined();
		const data = (keys: string[]) =>
			keys.map((k) => ({ userKey: k, fields: [{ title: input.find((i) => i.k === k)?.v }] }));
		expect(puts().map((p) => p.body)).toEqual([
			{ connectionId: '2', update: [{ data: data(['JIRAUSER10101', 'JIRAUSER10102']) }] },
			{ connectionId: '1', update: [{ data: data(['JIRAUSER10110']) }] },
			{ connectionId: '2', update: [{ data: data(['JIRAUSER10103', 'JIRAUSER10104']) }] },
		]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(r.json.map((j) => [j.userKey, j.usersInRequest])).toEqual([
			['JIRAUSER10101', 2],
			['JIRAUSER10110', 1],
			['JIRAUSER10102', 2],
			['JIRAUSER10103', 2],
			['JIRAUSER10104', 2],
		]);
		expect(sim.state.deviniti.users[4].fields.title).toBe('e');
	});

	test('combined: a failing batch fails its items only with continueOnFail; bad items never sent', async () => {
		const bad = [
			...input.slice(0, 3),
			{ c: '2', k: 'JIRAUSER99999', v: 'x' },
			{ c: '2', k: '', v: 'y' },
		];
		const r = await run(
			{ ...byExpression, options: { combineItems: true, batchSize: 2 } },
			{ input: bad, continueOnFail: true },
		);
		expect(r.error).toBeUndefined();
		expect(puts()).toHaveLength(3);
		expect(r.json.map((j) => (j.error ? 'error' : j.userKey))).toEqual([
			'JIRAUSER10101',
			'JIRAUSER10110',
			'JIRAUSER10102',
			'error',
			'error',
		]);
		expect(String(r.json[3].error)).toMatch(/Request rejected/);
		expect(String(r.json[4].error)).toMatch(/"userKey" is empty/);
		expect(r.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));

		sim.reset();
		const stop = await run(
			{ ...byExpression, options: { combineItems: true, batchSize: 10 } },
			{ input: bad.slice(0, 4) },
		);
		expect(stop.error?.message).toMatch(/Request rejected/);
		expect(sim.state.deviniti.users[1].fields.title).toBe('test'); // the server applied nothing of the rejected body
	});

	test('combined dry run: nothing sent, every item shows its batch request', async () => {
		const r = await run(
			{ ...byExpression, options: { combineItems: true, dryRun: true } },
			{ input: input.slice(0, 3) },
		);
		expect(sim.requests).toHaveLength(0);
		expect(r.json[0]).toEqual(r.json[2]);
		expect(r.json[0]).toMatchObject({
			dryRun: true,
			method: 'PUT',
			body: {
				connectionId: '2',
				update: [{ data: [{ userKey: 'JIRAUSER10101' }, { userKey: 'JIRAUSER10102' }] }],
			},
		});
		expect(r.json[1]).toMatchObject({ body: { connectionId: '1' } });
	});
});
