import type { INodeParameters } from 'n8n-workflow';

import { listSearch, loadOptions } from '../harness/nodeMethods';
import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic, adminToken } from '../support/credentials';

const OKTA = '8xKQm2LpZr4TvW9sYb1E';
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const names = (result: { results: Array<{ name: string }> }) => result.results.map((r) => r.name);

describe('Kantega SSO', () => {
	const kantega = { node: 'kantegaSso', credentials: {} };
	const search = async (method: string, parameters: INodeParameters, filter?: string) =>
		await listSearch({ ...kantega, credentials: adminBasic(sim), method, parameters, filter });

	test('identity providers: the simulator’s, by name, with their ids; search by name', async () => {
		const all = await search('searchIdentityProviders', {
			resource: 'managedGroup',
			operation: 'getAll',
		});
		expect(all.results).toEqual([
			{ name: 'AD FS', value: '1ncq3jsPC74BGuNnfZPl' },
			{ name: 'Okta', value: OKTA },
			{ name: 'Azure AD (inactive)', value: 'Qm7tY2uV5wX8zA1bC4dE' },
		]);
		expect(names(await search('searchIdentityProviders', {}, 'OKT'))).toEqual(['Okta']);
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
			Array(2).fill('GET /rest/ksso/api/idp/1.0/idp/ids'),
		);
	});

	test.each([
		['a locator', rl(OKTA)],
		['a plain string', OKTA],
		['an ID typed in', rl(OKTA, 'id')],
	])('managed groups of the chosen IdP, given as %s; search', async (_, idpId) => {
		const parameters = { resource: 'managedGroup', operation: 'check', idpId };
		expect(names(await search('searchManagedGroups', parameters))).toEqual([
			'confluence-users',
			'sales team',
		]);
		expect(names(await search('searchManagedGroups', parameters, 'sales'))).toEqual(['sales team']);
	});

	test('managed groups without an IdP: says what to do first', async () => {
		await expect(
			search('searchManagedGroups', {
				resource: 'managedGroup',
				operation: 'check',
				idpId: rl(''),
			}),
		).rejects.toThrow(/Choose the identity provider first/);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Atlassian DC SSO', () => {
	const search = async (filter?: string, paginationToken?: string) =>
		await listSearch({
			node: 'atlassianDcSso',
			method: 'searchIdentityProviders',
			credentials: adminToken(sim),
			parameters: { resource: 'identityProvider', operation: 'get' },
			filter,
			paginationToken,
		});

	test('identity providers by name, with type and id; search filters by name', async () => {
		const all = await search();
		expect(names(all)).toEqual([
			'SAML SSO',
			'Another SAML SSO',
			'Okta OIDC',
			'Crowd SSO',
			'Keycloak staging',
			'ADFS customers',
		]);
		expect(all.results[2]).toEqual({ name: 'Okta OIDC', value: '3', description: 'OIDC · ID 3' });
		expect(all.paginationToken).toBeUndefined();
		expect(names(await search('saml'))).toEqual(['SAML SSO', 'Another SAML SSO']);
	});

	test('pages: one page per call without a search, every page with one', async () => {
		const seed = sim.state.authconfig.idps[0];
		for (let id = 7; id <= 80; id++)
			sim.state.authconfig.idps.push({ ...seed, id, name: `Tenant ${id}` });
		const first = await search();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await search(undefined, first.paginationToken);
		expect(second.results).toHaveLength(30);
		expect(second.results[29].name).toBe('Tenant 80');
		expect(second.paginationToken).toBeUndefined();
		sim.requests.length = 0;
		expect(names(await search('tenant 8'))).toEqual(['Tenant 8', 'Tenant 80']);
		expect(sim.requests.map((r) => r.query)).toEqual([
			{ start: '0', limit: '50' },
			{ start: '50', limit: '50' },
		]);
	});
});

describe('AD Attributes Sync', () => {
	const call = { node: 'adAttributesSync' };

	test('connections by name; search', async () => {
		const parameters = { resource: 'user', operation: 'get' };
		const all = await listSearch({
			...call,
			method: 'searchConnections',
			credentials: adminBasic(sim),
			parameters,
		});
		expect(all.results).toEqual([
			{ name: 'LDAP_server_23', value: 'LDAP_server_23' },
			{ name: 'Active_Directory_server', value: 'Active_Directory_server' },
		]);
		const found = await listSearch({
			...call,
			method: 'searchConnections',
			credentials: adminBasic(sim),
			parameters,
			filter: 'active',
		});
		expect(names(found)).toEqual(['Active_Directory_server']);
	});

	test.each([
		['a locator', rl('Active_Directory_server')],
		['a plain string', 'Active_Directory_server'],
	])('fields of the chosen connection, given as %s', async (_, connection) => {
		const fields = await loadOptions({
			...call,
			method: 'getConnectionFields',
			credentials: adminBasic(sim),
			parameters: { resource: 'user', operation: 'getField', connection },
		});
		expect(fields.map((f) => f.value)).toEqual([
			'company',
			'department',
			'departmentNumber',
			'directReports',
			'displayName',
			'mail',
			'title',
			'whenCreated',
		]);
	});

	test('fields of every connection when none is chosen; connection names', async () => {
		const parameters = { resource: 'user', operation: 'getAll', connection: rl('') };
		const fields = await loadOptions({
			...call,
			method: 'getConnectionFields',
			credentials: adminBasic(sim),
			parameters,
		});
		expect(fields.map((f) => f.value)).toEqual(
			expect.arrayContaining(['wWWHomePage', 'departmentNumber', 'mail']),
		);
		expect(new Set(fields.map((f) => f.value)).size).toBe(fields.length);
		expect(fields).toHaveLength(15);
		const connections = await loadOptions({
			...call,
			method: 'getConnectionNames',
			credentials: adminBasic(sim),
			parameters,
		});
		expect(connections).toEqual([
			{ name: 'Active_Directory_server', value: 'Active_Directory_server' },
			{ name: 'LDAP_server_23', value: 'LDAP_server_23' },
		]);
	});
});

describe('a list that cannot load says what to fix, as the operations do', () => {
	/** The operation reading a list and the editor's search of the same list: the run and the search's error. */
	const operationAndList = async (
		node: string,
		method: string,
		parameters: INodeParameters,
		credentials: ReturnType<typeof adminBasic>,
	) => {
		const run = await runNode({ node, parameters, credentials });
		const listError = (await listSearch({ node, method, credentials, parameters }).catch(
			(e: Error) => e,
		)) as Error & { description?: string };
		return { run, listError };
	};

	test('wrong password: the same message as the operation reading the same list', async () => {
		const { run, listError } = await operationAndList(
			'kantegaSso',
			'searchIdentityProviders',
			{ resource: 'identityProvider', operation: 'getAll' },
			adminBasic(sim, { password: 'wrong' }),
		);
		expect(run.error?.message).toMatch(/^Authentication failed/);
		expect(listError.message).toBe(run.error?.message);
		expect(listError.description).toBe(run.error?.description);
	});

	test('app not installed: the same message as the operation', async () => {
		sim.state.installedApps = sim.state.installedApps.filter((app) => app !== 'deviniti');
		const { run, listError } = await operationAndList(
			'adAttributesSync',
			'searchConnections',
			{ resource: 'connection', operation: 'getAll' },
			adminBasic(sim),
		);
		expect(run.error?.message).toMatch(/^Endpoint not found: the app is not installed/);
		expect(listError.message).toBe(run.error?.message);
	});
});

describe('every list of the editor fails as its operations do', () => {
	/** Each list method (a search, or else options), the parameters it is opened with, and an operation that reads the same thing. */
	const list = (
		node: string,
		method: string,
		parameters: INodeParameters,
		operation: INodeParameters,
	) => ({
		node,
		method,
		kind: method.startsWith('search') ? ('search' as const) : ('options' as const),
		parameters,
		operation,
	});
	const AD_CONNECTIONS = { resource: 'connection', operation: 'getAll' };
	const LISTS = [
		list(
			'kantegaSso',
			'searchIdentityProviders',
			{ resource: 'managedGroup', operation: 'check' },
			{ resource: 'identityProvider', operation: 'getAll' },
		),
		list(
			'kantegaSso',
			'searchManagedGroups',
			{ resource: 'managedGroup', operation: 'check', idpId: rl(OKTA) },
			{ resource: 'managedGroup', operation: 'getAll', idpId: rl(OKTA) },
		),
		list(
			'atlassianDcSso',
			'searchIdentityProviders',
			{ resource: 'identityProvider', operation: 'get' },
			{ resource: 'identityProvider', operation: 'getAll', returnAll: true },
		),
		list(
			'adAttributesSync',
			'searchConnections',
			{ resource: 'user', operation: 'get' },
			AD_CONNECTIONS,
		),
		list(
			'adAttributesSync',
			'getConnectionFields',
			{ resource: 'user', operation: 'getField', connection: rl('Active_Directory_server') },
			AD_CONNECTIONS,
		),
		list(
			'adAttributesSync',
			'getConnectionNames',
			{ resource: 'user', operation: 'getAll' },
			AD_CONNECTIONS,
		),
	];
	const FAULTS: Array<[string, () => ReturnType<typeof adminBasic>, RegExp]> = [
		['a wrong password', () => adminBasic(sim, { password: 'wrong' }), /^Authentication failed/],
		[
			'a wrong token',
			() => ({ ...adminToken(sim), personalAccessToken: 'wrong-token' }),
			/^(Authentication failed|Not authorized)/,
		],
		[
			'a user who is not an administrator',
			() => adminBasic(sim, { username: 'user', password: 'user-password' }),
			/administrator|permission|Not authorized|403/i,
		],
	];

	test.each(
		LISTS.flatMap((list) =>
			FAULTS.map(
				([fault, credentials, expected]) =>
					[`${list.node} ${list.method} with ${fault}`, list, credentials, expected] as const,
			),
		),
	)('%s: the operation’s message and description', async (_, list, credentials, expected) => {
		const run = await runNode({
			node: list.node,
			parameters: list.operation,
			credentials: credentials(),
		});
		const call = {
			node: list.node,
			method: list.method,
			credentials: credentials(),
			parameters: list.parameters,
		};
		const error = (await (list.kind === 'search' ? listSearch(call) : loadOptions(call)).then(
			() => undefined,
			(e: Error) => e,
		)) as (Error & { description?: string }) | undefined;
		expect(run.error?.message).toMatch(expected);
		expect(error?.message).toBe(run.error?.message);
		expect(error?.description).toBe(run.error?.description);
	});
});
