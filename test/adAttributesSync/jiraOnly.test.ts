/**
 * AD Attributes Sync is a Jira app: on Confluence or Bitbucket its endpoints are missing, and the node
 * says that the app exists only for Jira (after one read of the product's applinks manifest).
 */
import { runNode } from '../harness/runNode';
import type { Product } from '../simulator/types';
import { adminBasic } from '../support/credentials';
import { useSimulator } from '../support/simulator';

const ctx = useSimulator({ contextPath: '' });
const PREFIX = '/rest/intenso/ad/1.0/public';

const operations: Array<[string, Record<string, unknown>, string]> = [
	[
		'connection.getAll',
		{ resource: 'connection', operation: 'getAll' },
		`GET ${PREFIX}/connection`,
	],
	[
		'user.update',
		{
			resource: 'user',
			operation: 'update',
			connectionId: '1',
			userKey: 'JIRAUSER10001',
			fields: { field: [{ name: 'title', value: 'x' }] },
		},
		`PUT ${PREFIX}/update`,
	],
];

describe.each([
	['confluence', 'Confluence'],
	['bitbucket', 'Bitbucket'],
] as Array<[Product, string]>)('on %s', (product, name) => {
	test.each(operations)(
		'%s: "exists only for Jira", after the app request and one manifest read',
		async (_label, parameters, request) => {
			const { sim } = ctx;
			sim.state.product = product;
			sim.state.installedApps = sim.state.installedApps.filter((app) => app !== 'deviniti');
			const r = await runNode({
				node: 'adAttributesSync',
				parameters: parameters as never,
				credentials: adminBasic(sim),
			});
			expect(r.error?.message).toBe(
				`AD Attributes Sync exists only for Jira: this instance is ${name}`,
			);
			expect(r.error?.description).toMatch(/is a Jira Data Center app; there is no version for/);
			expect(sim.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
				request,
				'GET /rest/applinks/1.0/manifest',
			]);
		},
	);
});

test('on Jira without the app: the error stays "Endpoint not found" (the app is not installed)', async () => {
	const { sim } = ctx;
	sim.state.installedApps = sim.state.installedApps.filter((app) => app !== 'deviniti');
	const r = await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'connection', operation: 'getAll' },
		credentials: adminBasic(sim),
	});
	expect(r.error?.message).toMatch(/^Endpoint not found/);
	expect(sim.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
		`GET ${PREFIX}/connection`,
		'GET /rest/applinks/1.0/manifest',
	]);
});

test('on Jira with the app: no manifest read', async () => {
	const { sim } = ctx;
	const r = await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'connection', operation: 'getAll' },
		credentials: adminBasic(sim),
	});
	expect(r.error).toBeUndefined();
	expect(sim.requests.map((q) => `${q.method} ${q.path}`)).toEqual([`GET ${PREFIX}/connection`]);
});
