/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The package's own overhead per request and per item, on its one route (n8n's request helper): each job in n8n's
 * real engine, measured in the same run, interleaved, median of BENCH_RUNS per-round ratios (each round runs every case
 * twice, in mirrored order, so that a load that rises or falls during the round weighs on every case alike):
 *   getAll:   AD user.getAll of BENCH_USERS users with the server capping pages at BENCH_PAGE_CAP, default 100
 *             (500 requests; 1000 gives the package's own page size, 50 requests);
 *   syncUser: BENCH_SYNC_ITEMS resolution connector syncUser items, the username from an expression (1,000 POSTs).
 * Three clients do each job with 8 requests in flight:
 *   the node:           the package's node (transport, gate, retries, errors, item loop, parameters);
 *   n8n's helper alone: bench/helperNode.ts, a bare node in the same engine that sends the same requests through
 *                       `helpers.httpRequestWithAuthentication` with the shared credential and nothing else. The
 *                       baseline of the target: the node / the helper alone <= TARGET (1.10) for each job, else
 *                       the process exits TARGET_MISSED (3);
 *   plain fetch:        a raw client without n8n (fetch, connections kept open), for information: the route's cost.
 * Run: npx tsx bench/overhead.bench.ts   (env: BENCH_USERS, BENCH_LATENCY_MS, BENCH_RUNS, BENCH_SYNC_ITEMS, BENCH_PAGE_CAP,
 *   BENCH_CASES=nodeSyncUser to run some cases only (the target is then checked only for the jobs whose node and
 *   helper both ran), BENCH_CPU_PROFILE=DIR to write a CPU profile of every measured run of every case (not the
 *   warm-up) to DIR/<case>.<n>.cpuprofile; then: npx tsx bench/profileSummary.ts DIR/nodeGetAll.* -- DIR/helperGetAll.*)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

import { mapConcurrent, DEFAULT_CONCURRENCY } from '../nodes/shared/http';
import { runMain } from '../scripts/lib/n8n';
import { adUsersGetAll, syncUser } from '../test/support/nodeParameters';
import { envNumber, machine, TARGET_MISSED, withSimulator } from './benchmark';
import { HELPER_NODE_TYPE } from './helperNode';
import { interleavedMirrored, median, ms, ratios } from './interleave';
import { fetchEveryUserPage, fetchSyncUser, syncUsernames } from './jobs';
import { runInEngine } from './runInEngine';

const USERS = envNumber('BENCH_USERS', 50000);
const LATENCY_MS = envNumber('BENCH_LATENCY_MS', 20);
const RUNS = envNumber('BENCH_RUNS', 3);
const SYNC_ITEMS = envNumber('BENCH_SYNC_ITEMS', 1000);
/** The largest page the simulator answers (the package asks for 1,000): 100 gives 500 requests for 50,000 users. */
const SERVER_PAGE_CAP = envNumber('BENCH_PAGE_CAP', 100);
/** The target: the node takes at most this many times what n8n's helper alone takes for the same job. */
const TARGET = 1.1;
/** Comma-separated case names to run (for profiling one of them), default all. */
const only = process.env.BENCH_CASES?.split(',');
const PROFILE = process.env.BENCH_CPU_PROFILE;

/** Starts the V8 profiler (as node --cpu-prof does); the function it answers stops it and writes the profile to `file`. */
async function startProfile(file: string): Promise<() => Promise<void>> {
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	return async () => {
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(file, JSON.stringify(profile));
		session.disconnect();
	};
}

const usernames = syncUsernames(SYNC_ITEMS);
const syncInput = usernames.map((username) => ({ username }));

function expect(count: number, wanted: number, what: string): void {
	if (count !== wanted) throw new Error(`${what}: ${count} results, expected ${wanted}`);
}

async function nodeGetAll(url: string): Promise<void> {
	const items = await runInEngine('adAttributesSync', adUsersGetAll(), url);
	expect(items.length, USERS, 'node getAll');
}

async function helperGetAll(url: string): Promise<void> {
	const items = await runInEngine(HELPER_NODE_TYPE, { case: 'getAll' }, url);
	expect(items.length, USERS, 'helper getAll');
}

async function fetchGetAll(url: string): Promise<void> {
	const pages = await fetchEveryUserPage(url);
	const items = pages.flatMap((p) => p.elements.map((json) => ({ json })));
	expect(items.length, USERS, 'fetch getAll');
}

async function nodeSyncUser(url: string): Promise<void> {
	const items = await runInEngine(
		'resolutionSamlSso',
		syncUser('={{ $json.username }}'),
		url,
		syncInput,
	);
	expect(items.length, SYNC_ITEMS, 'node syncUser');
}

async function helperSyncUser(url: string): Promise<void> {
	const items = await runInEngine(HELPER_NODE_TYPE, { case: 'syncUser' }, url, syncInput);
	expect(items.length, SYNC_ITEMS, 'helper syncUser');
}

async function fetchSyncUsers(url: string): Promise<void> {
	const items = await mapConcurrent(usernames, DEFAULT_CONCURRENCY, async (username) => ({
		json: { connectorId: '1', username, ...(await fetchSyncUser(url, username)) },
	}));
	expect(items.length, SYNC_ITEMS, 'fetch syncUser');
}

/** Requests per run of each job (getAll: page 1 asks for 1,000, the server answers 100, then the rest by 100). */
const JOBS = [
	{
		key: 'GetAll',
		what: `getAll ${USERS} users, pages of ${SERVER_PAGE_CAP}`,
		requests: Math.ceil(USERS / SERVER_PAGE_CAP),
	},
	{ key: 'SyncUser', what: `syncUser ${SYNC_ITEMS} items, expression`, requests: SYNC_ITEMS },
] as const;

async function main(): Promise<number> {
	const failed: string[] = [];
	let checked = 0;
	const flags = {
		'ad-users': USERS,
		'latency-ms': LATENCY_MS,
		'ad-max-page-size': SERVER_PAGE_CAP,
	};
	await withSimulator(flags, async ({ url }) => {
		const all: Record<string, () => Promise<void>> = {
			nodeGetAll: () => nodeGetAll(url),
			helperGetAll: () => helperGetAll(url),
			fetchGetAll: () => fetchGetAll(url),
			nodeSyncUser: () => nodeSyncUser(url),
			helperSyncUser: () => helperSyncUser(url),
			fetchSyncUser: () => fetchSyncUsers(url),
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
						// The first run of each case is the warm-up: not profiled.
						const n = cpu[name]?.length ?? 0;
						const stopProfile =
							PROFILE && n > 0
								? await startProfile(join(PROFILE, `${name}.${n}.cpuprofile`))
								: undefined;
						const before = process.cpuUsage();
						await run();
						const used = process.cpuUsage(before);
						await stopProfile?.();
						(cpu[name] ??= []).push((used.user + used.system) / 1000);
					},
				]),
		);
		if (PROFILE) mkdirSync(PROFILE, { recursive: true });
		const t = await interleavedMirrored(cases, RUNS);
		if (PROFILE)
			console.log(`CPU profiles of every measured run: ${PROFILE}/<case>.<n>.cpuprofile`);
		console.log(
			`overhead: the node vs n8n's request helper alone, ${LATENCY_MS} ms per request, ${DEFAULT_CONCURRENCY} in flight, median of ${RUNS} interleaved rounds (each case twice per round, mirrored order; times per run)`,
		);
		console.log(machine());
		const line = (
			label: string,
			a: number[] | undefined,
			b: number[] | undefined,
			note = '',
		): number | undefined => {
			if (!a || !b) return undefined;
			const r = ratios(a, b);
			const m = median(r);
			console.log(
				`    ${label.padEnd(34)} ratio ${m.toFixed(2)} (rounds ${r.map((x) => x.toFixed(2)).join(', ')})${note}`,
			);
			return m;
		};
		for (const { key, what, requests } of JOBS) {
			const [node, helper, fetch] = ['node', 'helper', 'fetch'].map((c) => t[`${c}${key}`]);
			// A round holds two runs of each case.
			const took = (c: string, times: number[] | undefined) =>
				times ? `${c} ${ms(median(times) / 2).trim()}` : '';
			// The first CPU figure is the warm-up's.
			const perRequest = (c: string) =>
				cpu[`${c}${key}`]
					? `${c} ${(median(cpu[`${c}${key}`].slice(1)) / requests).toFixed(2)}`
					: '';
			if (!node && !helper && !fetch) continue;
			console.log(
				`  ${what}: ${[took('node', node), took('helper', helper), took('fetch', fetch)].filter(Boolean).join(', ')} (medians)`,
			);
			console.log(
				`    CPU ms per request: ${['node', 'helper', 'fetch'].map(perRequest).filter(Boolean).join(', ')}`,
			);
			const ratio = line(
				"the node / n8n's helper alone",
				node,
				helper,
				`  target <= ${TARGET.toFixed(2)}`,
			);
			line('the node / plain fetch', node, fetch, '  (information)');
			line("n8n's helper alone / plain fetch", helper, fetch, "  (the route's cost, information)");
			if (ratio !== undefined) checked++;
			if (ratio !== undefined && ratio > TARGET)
				failed.push(
					`${what}: the node / n8n's helper alone = ${ratio.toFixed(2)} > ${TARGET.toFixed(2)}`,
				);
		}
	});
	if (failed.length) {
		console.error(`overhead: TARGET MISSED\n  ${failed.join('\n  ')}`);
		return TARGET_MISSED;
	}
	if (checked) {
		console.log(
			`overhead: target met for ${checked === JOBS.length ? 'both jobs' : 'the job that ran'} (the node <= ${TARGET.toFixed(2)} x n8n's helper alone)`,
		);
	} else {
		console.log(
			'overhead: target not checked (BENCH_CASES ran no job with both the node and the helper)',
		);
	}
	return 0;
}

runMain('overhead', main);
