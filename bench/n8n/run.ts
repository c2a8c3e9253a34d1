/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The workflow cases of scripts/bench.ts, against a running n8n (started by the script) and the
 * simulator, run under n8n's own Node (the raw lower bound runs on it too) with tsx as a loader:
 *   node --import tsx bench/n8n/run.ts N8N_URL EMAIL PASSWORD SIMULATOR_URL RUNS OUT_JSON FLATTED_MODULE
 * Each repetition runs every case once, interleaved: the package's workflow, the HTTP Request
 * workflow(s), and the raw lower bound (plain fetch in this process, outside n8n). A workflow is
 * timed by its execution's own startedAt/stoppedAt (n8n's bookkeeping, no HTTP round trip of ours);
 * the measured node's executionTime is recorded too. Every run is checked (item counts, statuses,
 * the requests the simulator received) before it counts.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { DEFAULT_CONCURRENCY, mapConcurrent } from '../../nodes/shared/http';
import { N8nRest, nodeOutput } from '../../scripts/lib/n8n';
import type { RecordedRequest } from '../../test/simulator';
import { fetchEveryUserPage, fetchSyncUser, syncUsernames } from '../jobs';
import { PAGE_SIZE, SYNC_USERS } from './workflows';

const [n8n, email, password, sim, runsArg, outFile, flattedPath] = process.argv.slice(2);
const RUNS = Number(runsArg) || 5;
const { parse: parseFlatted } = createRequire(__filename)(flattedPath) as {
	parse: (text: string) => unknown;
};

const AD_USERS = Number(process.env.BENCH_AD_USERS ?? 50000);
const CONCURRENCY = DEFAULT_CONCURRENCY;
const log = (...a: unknown[]) => console.error('[bench]', ...a);
/** A workflow run that has not finished by then fails the benchmark. */
const RUN_TIMEOUT_MS = 30 * 60_000;

type Item = Record<string, unknown>;
/** One run of a case: its time, the measured node's (or the whole raw run's) time, its items, what the simulator received. */
interface CaseRun {
	ms: number;
	nodeMs: number;
	output: Item[];
	measured: Item[];
	requests: RecordedRequest[];
}

// ---- n8n REST (the editor's own API) ----
const rest = new N8nRest(n8n, { major: 2, parseFlatted });
const simRequests = async () =>
	(await (await fetch(`${sim}/__simulator/requests`)).json()) as RecordedRequest[];
const clearSimRequests = async () =>
	await fetch(`${sim}/__simulator/requests`, { method: 'DELETE' });

async function runWorkflow(id: string): Promise<CaseRun> {
	await clearSimRequests();
	const execution = await rest.runAndWait(id, 'Start', RUN_TIMEOUT_MS);
	const data = execution.data;
	if (execution.status !== 'success') {
		throw new Error(
			`workflow ${id}: execution ${execution.id} ${execution.status}: ${data.resultData.error?.message ?? ''}`,
		);
	}
	const lastNode = data.resultData.lastNodeExecuted ?? '';
	const items = (n: string) => nodeOutput(data, n) ?? [];
	const measured = data.resultData.runData.Measured as Array<{ executionTime: number }>;
	return {
		ms: Date.parse(execution.stoppedAt ?? '') - Date.parse(execution.startedAt),
		nodeMs: measured[0].executionTime,
		output: items(lastNode),
		measured: items('Measured'),
		requests: await simRequests(),
	};
}

// ---- the raw lower bound: plain fetch, same page size, same concurrency ----
async function rawGetAll(): Promise<Item[]> {
	return (await fetchEveryUserPage(sim)).flatMap((p) => p.elements as unknown as Item[]);
}
const syncNames = syncUsernames(SYNC_USERS);
async function rawSync(): Promise<Item[]> {
	return await mapConcurrent(
		syncNames,
		CONCURRENCY,
		async (u) => await fetchSyncUser<Item>(sim, u),
	);
}
async function runRaw(fn: () => Promise<Item[]>): Promise<CaseRun> {
	await clearSimRequests();
	const t0 = performance.now();
	const output = await fn();
	const ms = performance.now() - t0;
	return { ms, nodeMs: ms, output, measured: output, requests: await simRequests() };
}

// ---- the cases and their checks ----
/** null when the run is right, else what is wrong with it. */
type Check = (r: CaseRun) => string | null;
const getAllCheck =
	(pages: number[]): Check =>
	(r) => {
		if (r.output.length !== AD_USERS) return `${r.output.length} users, expected ${AD_USERS}`;
		if (
			new Set(r.output.map((u) => `${String(u.configurationName)}/${String(u.username)}`)).size !==
			AD_USERS
		)
			return 'duplicate users';
		const gets = r.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/public/user'));
		if (gets.length !== r.requests.length || !pages.includes(gets.length))
			return `${r.requests.length} requests (${gets.length} GET /user)`;
		if (gets.some((q) => String(q.query.size) !== String(PAGE_SIZE)))
			return 'a page size other than 1000';
		return null;
	};
const syncCheck: Check = (r) => {
	if (r.measured.length !== SYNC_USERS)
		return `${r.measured.length} results, expected ${SYNC_USERS}`;
	const bad = r.measured.filter((x) => x.status !== 'DONE');
	if (bad.length)
		return `${bad.length} results not DONE, e.g. ${JSON.stringify(bad[0]).slice(0, 200)}`;
	if (r.requests.length !== SYNC_USERS || r.requests.some((q) => q.status !== 200))
		return `${r.requests.length} requests, not all 200`;
	const names = new Set(r.requests.map((q) => decodeURIComponent(q.path.split('/').pop() ?? '')));
	if (names.size !== SYNC_USERS) return `${names.size} distinct usernames sent`;
	return null;
};
const fullPages = Math.ceil(AD_USERS / PAGE_SIZE);
const CASES: Array<{ key: string; run: () => Promise<CaseRun>; check: Check }> = [
	{
		key: 'getall.package',
		run: async () => await runWorkflow('bench-getall-package'),
		check: getAllCheck([fullPages]),
	},
	// HTTP Request stops on page.current >= totalPages: the same pages.
	{
		key: 'getall.http',
		run: async () => await runWorkflow('bench-getall-http'),
		check: getAllCheck([fullPages]),
	},
	{ key: 'getall.raw', run: async () => await runRaw(rawGetAll), check: getAllCheck([fullPages]) },
	{
		key: 'sync.package',
		run: async () => await runWorkflow('bench-sync-package'),
		check: syncCheck,
	},
	{
		key: 'sync.httpBatch',
		run: async () => await runWorkflow('bench-sync-http-batch'),
		check: syncCheck,
	},
	{
		key: 'sync.httpAll',
		run: async () => await runWorkflow('bench-sync-http-all'),
		check: syncCheck,
	},
	{ key: 'sync.raw', run: async () => await runRaw(rawSync), check: syncCheck },
];

/** What bench/n8n/report.ts reads (OUT_JSON). */
export interface WorkflowResults {
	runs: number;
	adUsers: number;
	pageSize: number;
	concurrency: number;
	syncUsers: number;
	results: Record<string, { ms: number[]; nodeMs: number[]; requests: number }>;
}

async function main() {
	await rest.login({ email, password });
	const results: WorkflowResults['results'] = Object.fromEntries(
		CASES.map((c) => [c.key, { ms: [], nodeMs: [], requests: 0 }]),
	);
	const once = async (c: (typeof CASES)[number], record: boolean) => {
		const r = await c.run();
		const problem = c.check(r);
		if (problem) throw new Error(`${c.key}: ${problem}`);
		if (record) {
			results[c.key].ms.push(Math.round(r.ms));
			results[c.key].nodeMs.push(Math.round(r.nodeMs));
			results[c.key].requests = r.requests.length;
		}
		return r;
	};
	log('warm-up: every case once (not counted)');
	for (const c of CASES) await once(c, false);
	for (let rep = 1; rep <= RUNS; rep++) {
		// Interleaved, and each repetition in another order, so drift hits every case alike.
		const order = rep % 2 ? CASES : [...CASES].reverse();
		const line = [];
		for (const c of order) {
			const r = await once(c, true);
			line.push(`${c.key} ${Math.round(r.ms)} ms`);
		}
		log(`run ${rep}/${RUNS}: ${line.join(', ')}`);
	}
	const written: WorkflowResults = {
		runs: RUNS,
		adUsers: AD_USERS,
		pageSize: PAGE_SIZE,
		concurrency: CONCURRENCY,
		syncUsers: SYNC_USERS,
		results,
	};
	writeFileSync(outFile, JSON.stringify(written, null, 2));
}

main().catch((error: Error) => {
	console.error('[bench] FAILED:', error.message);
	process.exit(1);
});
