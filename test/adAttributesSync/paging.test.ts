import { freezeClock, until } from '../harness/frozenClock';
import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

const PREFIX = '/rest/intenso/ad/1.0/public';
let sim: Simulator;
let creds: ReturnType<typeof adminBasic>;

beforeAll(async () => {
	sim = await startSimulator({ adUsers: 60 });
	creds = adminBasic(sim);
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const getAll = async (parameters: Record<string, unknown> = {}) =>
	await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'user', operation: 'getAll', returnAll: true, ...parameters } as never,
		credentials: creds,
	});

const pageRequests = () =>
	sim.requests.map((r) => ({ path: r.path, page: r.query.page, size: r.query.size }));
const names = (json: Array<Record<string, unknown>>) => json.map((j) => j.username);
const usernamesInState = () => sim.state.deviniti.users.map((u) => u.username);

test('one page: a large page size asked, one request, every user in order', async () => {
	const expected = usernamesInState();
	const r = await getAll();
	expect(r.error).toBeUndefined();
	expect(pageRequests()).toEqual([{ path: `${PREFIX}/user`, page: '1', size: '1000' }]);
	expect(names(r.json)).toEqual(expected);
	expect(r.json[0]).toEqual({
		username: 'sophie2',
		configurationName: 'Active_Directory_server',
		fields: sim.state.deviniti.users[0].fields,
	});
	expect(r.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
});

test('empty result: one request, no items, no error', async () => {
	const r = await getAll({ filters: { usernames: 'nobody' } });
	expect(r.error).toBeUndefined();
	expect(r.json).toEqual([]);
	expect(sim.requests).toHaveLength(1);
});

test('the page size the server caps to is used; exact multiple of it: no extra request', async () => {
	sim.state.deviniti.maxPageSize = 20;
	const expected = usernamesInState();
	const r = await getAll();
	expect(names(r.json)).toEqual(expected);
	expect(pageRequests().map((p) => [p.page, p.size])).toEqual([
		['1', '1000'],
		['2', '20'],
		['3', '20'],
	]);
});

test('not a multiple: last page short', async () => {
	sim.state.deviniti.maxPageSize = 25;
	const expected = usernamesInState();
	const r = await getAll();
	expect(names(r.json)).toEqual(expected);
	expect(sim.requests).toHaveLength(3);
});

test('limit across a page boundary fetches only the pages it needs', async () => {
	sim.state.deviniti.maxPageSize = 10;
	const expected = usernamesInState();
	const r = await getAll({ returnAll: false, limit: 25 });
	expect(names(r.json)).toEqual(expected.slice(0, 25));
	expect(pageRequests().map((p) => [p.page, p.size])).toEqual([
		['1', '25'],
		['2', '10'],
		['3', '10'],
	]);

	sim.requests.length = 0;
	const exact = await getAll({ returnAll: false, limit: 20 });
	expect(names(exact.json)).toEqual(expected.slice(0, 20));
	expect(sim.requests).toHaveLength(2);

	sim.requests.length = 0;
	const small = await getAll({ returnAll: false, limit: 5 });
	expect(names(small.json)).toEqual(expected.slice(0, 5));
	expect(pageRequests()).toEqual([{ path: `${PREFIX}/user`, page: '1', size: '5' }]);
});

test('filters pass through as comma-separated values; connection in the path', async () => {
	const r = await getAll({
		connection: 'Active_Directory_server',
		filters: {
			usernames: ' John, mario ,',
			userkeys: 'JIRAUSER10106',
			configurationIds: '2',
			configurationNames: 'Active_Directory_server',
			fields: 'mail,department',
		},
	});
	expect(r.error).toBeUndefined();
	expect(sim.requests[0].path).toBe(`${PREFIX}/connection/Active_Directory_server/user`);
	expect(sim.requests[0].query).toEqual({
		usernames: 'John,mario',
		userkeys: 'JIRAUSER10106',
		configurationIds: '2',
		configurationNames: 'Active_Directory_server',
		fields: 'mail,department',
		page: '1',
		size: '1000',
	});
	expect(r.json).toEqual([
		{
			username: 'John',
			configurationName: 'Active_Directory_server',
			fields: { mail: 'john@test.com' },
		},
		{
			username: 'Mario',
			configurationName: 'Active_Directory_server',
			fields: { mail: 'mario@test.com' },
		},
		{
			username: 'nwalters',
			configurationName: 'Active_Directory_server',
			fields: { mail: 'nellie.walters@dtest.com', department: 'HR' },
		},
	]);

	sim.requests.length = 0;
	const ldap = await getAll({ filters: { configurationNames: 'LDAP_server_23' } });
	expect(ldap.json.every((j) => j.configurationName === 'LDAP_server_23')).toBe(true);
	expect(ldap.json).toHaveLength(
		sim.state.deviniti.users.filter((u) => u.connectionId === '1').length,
	);
});

test('users added while paging: every user once, none missing', async () => {
	sim.state.deviniti.maxPageSize = 10;
	sim.state.deviniti.pagingChurn = { insertPerPage: 3, deletePerPage: 0 };
	const before = usernamesInState();
	const r = await getAll();
	expect(r.error).toBeUndefined();
	const got = names(r.json);
	expect(new Set(got).size).toBe(got.length);
	for (const name of before) expect(got).toContain(name);
	// The fast pass (page 1 tells 60 users: pages 2 to 6 of 10) saw the total change, and a sequential pass ran
	// until a short page: 3 users come in front with every page served, so page 11 is the first that is short.
	const pages = (from: number, to: number) =>
		Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
	expect(pageRequests().map((q) => q.page)).toEqual([...pages(1, 6), ...pages(1, 11)]);
});

test('users removed while paging: no duplicates, users present throughout are output', async () => {
	sim.state.deviniti.maxPageSize = 10;
	sim.state.deviniti.pagingChurn = { insertPerPage: 0, deletePerPage: 1 };
	const before = usernamesInState();
	const r = await getAll();
	expect(r.error).toBeUndefined();
	const got = names(r.json);
	expect(new Set(got).size).toBe(got.length);
	const after = new Set(usernamesInState());
	const missing = before.filter((n) => after.has(n) && !got.includes(n));
	// Offset paging cannot promise this when users are deleted before the read position; report what happened.
	expect(missing.length).toBeLessThanOrEqual(Math.ceil(before.length / 10));
});

test('a limit with a changing total still gives the first users, each once', async () => {
	sim.state.deviniti.maxPageSize = 10;
	sim.state.deviniti.pagingChurn = { insertPerPage: 2, deletePerPage: 0 };
	const r = await getAll({ returnAll: false, limit: 25 });
	const got = names(r.json);
	expect(got).toHaveLength(25);
	expect(new Set(got).size).toBe(25);
});

describe('pages fetched concurrently', () => {
	let big: Simulator | undefined;
	// Closed here, not at the test's end: also when it fails while the node still waits for the clock.
	afterEach(async () => {
		await big?.close();
		big = undefined;
	});

	test('come out in order (latency, many pages): page 1 alone, then 8 in flight at a time', async () => {
		const server = (big = await startSimulator({
			adUsers: 2500,
			adMaxPageSize: 100,
			latencyMs: 10,
		}));
		// Every answer waits for a clock that stands still until the test moves it: the requests that reach the
		// server before it moves are the ones the node has in flight at once, however loaded the machine is.
		const clock = freezeClock();
		const running = runNode({
			node: 'adAttributesSync',
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
			credentials: {
				baseUrl: server.url,
				authentication: 'personalAccessToken',
				personalAccessToken: 'admin-pat-token',
			},
		});
		// Page 1 alone (it tells the total), then 8 at a time: the 24 other pages in three rounds.
		const arrived: number[] = [];
		for (const expected of [1, 1 + 8, 1 + 16, 1 + 24]) {
			await until(
				() => server.requests.length >= expected,
				`${expected} page requests at the server`,
			);
			arrived.push(server.requests.length);
			await clock.advance(10);
		}
		expect(arrived).toEqual([1, 9, 17, 25]);
		const r = await running;
		expect(names(r.json)).toEqual(server.state.deviniti.users.map((u) => u.username));
		expect(new Set(server.requests.map((q) => q.query.page)).size).toBe(25);
	});
});

test('an answer that is not a page is an error, not data', async () => {
	sim.setFault({ kind: 'truncatedJson', times: 1 });
	const r = await getAll();
	expect(r.error?.message).toMatch(/not valid JSON/);
});
