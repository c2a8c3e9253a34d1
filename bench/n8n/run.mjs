// The workflow cases of scripts/bench.ts, against a running n8n (started by the script) and the simulator:
//   node bench/n8n/run.mjs N8N_URL EMAIL PASSWORD SIMULATOR_URL RUNS OUT_JSON FLATTED_MODULE
// Each repetition runs every case once, interleaved: the package's workflow, the HTTP Request
// workflow(s), and the raw lower bound (plain fetch in this process, outside n8n). A workflow is
// timed by its execution's own startedAt/stoppedAt (n8n's bookkeeping, no HTTP round trip of ours);
// the measured node's executionTime is recorded too. Every run is checked (item counts, statuses,
// the requests the simulator received) before it counts.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [n8n, email, password, sim, runsArg, outFile, flattedPath] = process.argv.slice(2);
const RUNS = Number(runsArg) || 5;
const { parse: parseFlatted } = createRequire(import.meta.url)(flattedPath);

const AD_USERS = Number(process.env.BENCH_AD_USERS ?? 50000);
const PAGE_SIZE = 1000;
const CONCURRENCY = 8; // the package's DEFAULT_CONCURRENCY (nodes/shared/constants.ts)
const SYNC_USERS = 1000;
const AUTH = `Basic ${Buffer.from('admin:admin-password').toString('base64')}`;
const log = (...a) => console.error('[bench]', ...a);

// ---- n8n REST (the editor's own API) ----
let cookie = '';
async function rest(method, path, body) {
	const res = await fetch(`${n8n}${path}`, {
		method,
		headers: { cookie, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
	if (res.headers.get('set-cookie')) cookie = res.headers.get('set-cookie').split(';')[0];
	return JSON.parse(text).data;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const simRequests = async () => await (await fetch(`${sim}/__simulator/requests`)).json();
const clearSimRequests = async () => await fetch(`${sim}/__simulator/requests`, { method: 'DELETE' });

const workflows = new Map();
async function runWorkflow(id) {
	if (!workflows.has(id)) workflows.set(id, await rest('GET', `/rest/workflows/${id}`));
	const workflowData = workflows.get(id);
	await clearSimRequests();
	const { executionId } = await rest('POST', `/rest/workflows/${id}/run`, { workflowData, triggerToStartFrom: { name: 'Start' } });
	let execution;
	for (;;) {
		await sleep(100);
		execution = await rest('GET', `/rest/executions/${executionId}`);
		if (execution.stoppedAt && !['new', 'running', 'waiting'].includes(execution.status)) break;
	}
	const data = parseFlatted(execution.data);
	const runData = data.resultData.runData;
	if (execution.status !== 'success') {
		throw new Error(`workflow ${id}: execution ${executionId} ${execution.status}: ${data.resultData.error?.message ?? ''}`);
	}
	const lastNode = data.resultData.lastNodeExecuted;
	const items = (n) => runData[n]?.[0]?.data?.main?.[0]?.map((i) => i.json) ?? [];
	return {
		ms: Date.parse(execution.stoppedAt) - Date.parse(execution.startedAt),
		nodeMs: runData.Measured[0].executionTime,
		output: items(lastNode),
		measured: items('Measured'),
		requests: await simRequests(),
	};
}

// ---- the raw lower bound: plain fetch, same page size, same concurrency ----
async function mapConcurrent(inputs, limit, fn) {
	const out = new Array(inputs.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, inputs.length) }, async () => {
			while (next < inputs.length) {
				const i = next++;
				out[i] = await fn(inputs[i]);
			}
		}),
	);
	return out;
}
async function getJson(method, path) {
	const res = await fetch(`${sim}${path}`, {
		method,
		headers: { Authorization: AUTH, Accept: 'application/json', ...(method === 'GET' ? {} : { 'X-Atlassian-Token': 'no-check' }) },
	});
	const text = await res.text();
	if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
	return JSON.parse(text);
}
async function rawGetAll() {
	const page = async (p) => await getJson('GET', `/rest/intenso/ad/1.0/public/user?page=${p}&size=${PAGE_SIZE}`);
	const first = await page(1);
	const rest = Array.from({ length: first.page.totalPages - 1 }, (_, i) => i + 2);
	const pages = [first, ...(await mapConcurrent(rest, CONCURRENCY, page))];
	return pages.flatMap((p) => p.elements);
}
const syncNames = Array.from({ length: SYNC_USERS }, (_, i) => `user${String(i + 1).padStart(4, '0')}`);
async function rawSync() {
	return await mapConcurrent(syncNames, CONCURRENCY, async (u) =>
		await getJson('POST', `/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/${encodeURIComponent(u)}`),
	);
}
async function runRaw(fn) {
	await clearSimRequests();
	const t0 = performance.now();
	const output = await fn();
	const ms = performance.now() - t0;
	return { ms, nodeMs: ms, output, measured: output, requests: await simRequests() };
}

// ---- the cases and their checks ----
const getAllCheck = (pages) => (r) => {
	if (r.output.length !== AD_USERS) return `${r.output.length} users, expected ${AD_USERS}`;
	if (new Set(r.output.map((u) => `${u.configurationName}/${u.username}`)).size !== AD_USERS) return 'duplicate users';
	const gets = r.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/public/user'));
	if (gets.length !== r.requests.length || !pages.includes(gets.length)) return `${r.requests.length} requests (${gets.length} GET /user)`;
	if (gets.some((q) => String(q.query.size) !== String(PAGE_SIZE))) return 'a page size other than 1000';
	return null;
};
const syncCheck = (r) => {
	if (r.measured.length !== SYNC_USERS) return `${r.measured.length} results, expected ${SYNC_USERS}`;
	const bad = r.measured.filter((x) => x.status !== 'DONE');
	if (bad.length) return `${bad.length} results not DONE, e.g. ${JSON.stringify(bad[0]).slice(0, 200)}`;
	if (r.requests.length !== SYNC_USERS || r.requests.some((q) => q.status !== 200)) return `${r.requests.length} requests, not all 200`;
	const names = new Set(r.requests.map((q) => decodeURIComponent(q.path.split('/').pop())));
	if (names.size !== SYNC_USERS) return `${names.size} distinct usernames sent`;
	return null;
};
const fullPages = Math.ceil(AD_USERS / PAGE_SIZE);
const CASES = [
	{ key: 'getall.package', run: () => runWorkflow('bench-getall-package'), check: getAllCheck([fullPages]) },
	// HTTP Request stops on page.current >= totalPages: the same pages.
	{ key: 'getall.http', run: () => runWorkflow('bench-getall-http'), check: getAllCheck([fullPages]) },
	{ key: 'getall.raw', run: () => runRaw(rawGetAll), check: getAllCheck([fullPages]) },
	{ key: 'sync.package', run: () => runWorkflow('bench-sync-package'), check: syncCheck },
	{ key: 'sync.httpBatch', run: () => runWorkflow('bench-sync-http-batch'), check: syncCheck },
	{ key: 'sync.httpAll', run: () => runWorkflow('bench-sync-http-all'), check: syncCheck },
	{ key: 'sync.raw', run: () => runRaw(rawSync), check: syncCheck },
];

async function main() {
	await rest('POST', '/rest/login', { emailOrLdapLoginId: email, email, password });
	const results = Object.fromEntries(CASES.map((c) => [c.key, { ms: [], nodeMs: [], requests: 0 }]));
	const once = async (c, record) => {
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
	writeFileSync(outFile, JSON.stringify({ runs: RUNS, adUsers: AD_USERS, pageSize: PAGE_SIZE, concurrency: CONCURRENCY, syncUsers: SYNC_USERS, results }, null, 2));
}

main().catch((error) => {
	console.error('[bench] FAILED:', error.message);
	process.exit(1);
});
