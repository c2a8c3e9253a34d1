/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The package's own overhead per request and per item: each case in n8n's real engine against a plain fetch()
 * client with the same requests in flight, measured in the same run, interleaved, median of BENCH_RUNS ratios.
 *   getAll:   AD user.getAll of BENCH_USERS users with the server capping pages at 100 (500 requests);
 *   syncUser: 1,000 resolution syncUser items, the username from an expression (1,000 POSTs).
 * The node runs with the credential's default Connections (fetch, connections reused) and, as a second case, through
 * n8n's HTTP client (Connections: new per request).
 * Two more baselines, same run: n8n's request helper alone (bench/helperNode.ts: a bare node in the same engine doing
 * what the fetch client does through `helpers.httpRequestWithAuthentication` and the shared credential), the cost of
 * n8n's convention; and the fetch client opening a new connection per request (`Connection: close`), which is what
 * n8n's helper does (n8n-core 2.41 builds a new http.Agent for every request).
 * Run: npx tsx bench/overhead.bench.ts   (env: BENCH_USERS, BENCH_LATENCY_MS, BENCH_RUNS, BENCH_SYNC_ITEMS,
 *   BENCH_CASES=nodeSyncUser to run one case, e.g. under node --cpu-prof --import tsx)
 */
import { availableParallelism, cpus } from 'node:os';

import { PAGE_SIZE, type UsersPage } from '../nodes/AdAttributesSync/api';
import { mapConcurrent } from '../nodes/shared/concurrency';
import { DEFAULT_CONCURRENCY } from '../nodes/shared/constants';
import type { Route } from '../nodes/shared/send';
import { runNode } from '../test/harness/runNode';
import { runHelperNode } from './helperNode';
import { interleaved, median, ms, ratios } from './interleave';
import { ADMIN_BASIC, ADMIN_CREDENTIALS, startSimulatorProcess } from './simulatorProcess';

const USERS = Number(process.env.BENCH_USERS ?? 50000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SYNC_ITEMS = Number(process.env.BENCH_SYNC_ITEMS ?? 1000);
const SERVER_PAGE_CAP = 100;
/** Comma-separated case names to run (for profiling one of them), default all. */
const only = process.env.BENCH_CASES?.split(',');

const usernames = Array.from({ length: SYNC_ITEMS }, (_, i) => `user${String(i + 1).padStart(4, '0')}`);

function expect(count: number, wanted: number, what: string): void {
	if (count !== wanted) throw new Error(`${what}: ${count} results, expected ${wanted}`);
}

async function nodeGetAll(url: string, connections: Route = 'reuse'): Promise<void> {
	const run = await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'user', operation: 'getAll', returnAll: true },
		credentials: { baseUrl: url, ...ADMIN_CREDENTIALS, connections },
	});
	if (run.error) throw run.error;
	expect(run.items.length, USERS, 'node getAll');
}

const headers = (fresh: boolean, extra: Record<string, string> = {}) => ({
	Authorization: ADMIN_BASIC,
	Accept: 'application/json',
	...extra,
	...(fresh ? { Connection: 'close' } : {}),
});

async function fetchGetAll(url: string, fresh = false): Promise<void> {
	const page = async (n: number, size: number) => {
		const response = await fetch(`${url}/rest/intenso/ad/1.0/public/user?page=${n}&size=${size}`, { headers: headers(fresh) });
		if (response.status !== 200) throw new Error(`page ${n}: ${response.status}`);
		return JSON.parse(await response.text()) as UsersPage;
	};
	const first = await page(1, PAGE_SIZE);
	const rest = Array.from({ length: first.page.totalPages - 1 }, (_, i) => i + 2);
	const pages = await mapConcurrent(rest, DEFAULT_CONCURRENCY, async (n) => await page(n, first.page.pageSize));
	const items = [first, ...pages].flatMap((p) => p.elements.map((json) => ({ json })));
	expect(items.length, USERS, 'fetch getAll');
}

async function helperGetAll(url: string): Promise<void> {
	expect((await runHelperNode('getAll', { baseUrl: url, ...ADMIN_CREDENTIALS })).length, USERS, 'helper getAll');
}

async function helperSyncUser(url: string): Promise<void> {
	const items = await runHelperNode('syncUser', { baseUrl: url, ...ADMIN_CREDENTIALS }, usernames.map((username) => ({ username })));
	expect(items.length, SYNC_ITEMS, 'helper syncUser');
}

async function nodeSyncUser(url: string, connections: Route = 'reuse'): Promise<void> {
	const run = await runNode({
		node: 'resolutionSamlSso',
		parameters: { resource: 'connector', operation: 'syncUser', connectorId: '1', username: '={{ $json.username }}' },
		credentials: { baseUrl: url, ...ADMIN_CREDENTIALS, connections },
		input: usernames.map((username) => ({ username })),
	});
	if (run.error) throw run.error;
	expect(run.items.length, SYNC_ITEMS, 'node syncUser');
}

async function fetchSyncUser(url: string, fresh = false): Promise<void> {
	const items = await mapConcurrent(usernames, DEFAULT_CONCURRENCY, async (username) => {
		const response = await fetch(`${url}/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/${encodeURIComponent(username)}`, {
			method: 'POST',
			headers: headers(fresh, { 'X-Atlassian-Token': 'no-check' }),
		});
		if (response.status !== 200) throw new Error(`${username}: ${response.status}`);
		return { json: { connectorId: '1', username, ...(JSON.parse(await response.text()) as object) } };
	});
	expect(items.length, SYNC_ITEMS, 'fetch syncUser');
}

/** Requests per run of each case (getAll: page 1 asks for 1,000, the server answers 100, then the rest by 100). */
const REQUESTS = { GetAll: Math.ceil(USERS / SERVER_PAGE_CAP), SyncUser: SYNC_ITEMS };

async function main(): Promise<void> {
	const { url, child } = await startSimulatorProcess([
		'--port', '0', '--ad-users', String(USERS), '--latency-ms', String(LATENCY_MS), '--ad-max-page-size', String(SERVER_PAGE_CAP),
	]);
	try {
		const all: Record<string, () => Promise<void>> = {
			nodeGetAll: () => nodeGetAll(url),
			n8nClientGetAll: () => nodeGetAll(url, 'perRequest'),
			fetchGetAll: () => fetchGetAll(url),
			helperGetAll: () => helperGetAll(url),
			freshGetAll: () => fetchGetAll(url, true),
			nodeSyncUser: () => nodeSyncUser(url),
			n8nClientSyncUser: () => nodeSyncUser(url, 'perRequest'),
			fetchSyncUser: () => fetchSyncUser(url),
			helperSyncUser: () => helperSyncUser(url),
			freshSyncUser: () => fetchSyncUser(url, true),
		};
		// The client process's CPU time per run of each case (the simulator runs in its own process): on a machine
		// shared with other work, what a case costs in CPU says more than its wall time.
		const cpu: Record<string, number[]> = {};
		const cases = Object.fromEntries(
			Object.entries(all)
				.filter(([name]) => !only || only.includes(name))
				.map(([name, run]) => [
					name,
					async () => {
						const before = process.cpuUsage();
						await run();
						const used = process.cpuUsage(before);
						(cpu[name] ??= []).push((used.user + used.system) / 1000);
					},
				]),
		);
		const t = await interleaved(cases, RUNS);
		console.log(`overhead vs plain fetch, ${LATENCY_MS} ms per request, ${DEFAULT_CONCURRENCY} in flight, median of ${RUNS} (interleaved)`);
		console.log(`machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`);
		const line = (label: string, a: number[] | undefined, b: number[] | undefined, note = '') => {
			if (!a || !b) return;
			const r = ratios(a, b);
			console.log(`    ${label.padEnd(66)} ${ms(median(a))}  ratio ${median(r).toFixed(2)} (runs ${r.map((x) => x.toFixed(2)).join(', ')})${note}`);
		};
		for (const [what, key] of [[`getAll ${USERS} users, pages of ${SERVER_PAGE_CAP}`, 'GetAll'], [`syncUser ${SYNC_ITEMS} items, expression`, 'SyncUser']] as const) {
			const [node, fetch, helper, fresh, n8nClient] = ['node', 'fetch', 'helper', 'fresh', 'n8nClient'].map((c) => t[`${c}${key}`]);
			if (!fetch) continue;
			const perRequest = (c: string) => (cpu[`${c}${key}`] ? `${c} ${(median(cpu[`${c}${key}`].slice(1)) / REQUESTS[key]).toFixed(2)}` : '');
			console.log(`  ${what}: plain fetch ${ms(median(fetch))}; CPU ms per request: ${['node', 'n8nClient', 'helper', 'fetch', 'fresh'].map(perRequest).filter(Boolean).join(', ')}`);
			line('the node / plain fetch', node, fetch, '  target <= 1.15');
			line("the node through n8n's HTTP client / plain fetch", n8nClient, fetch, "  (Connections: new per request)");
			line("n8n's request helper alone / plain fetch", helper, fetch, "  (n8n's convention)");
			line("the node through n8n's HTTP client / n8n's request helper alone", n8nClient, helper, '  (the package on that route)');
			line('plain fetch, new connection per request / plain fetch', fresh, fetch);
		}
	} finally {
		child.kill('SIGTERM');
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
