/* eslint-disable no-console */
/**
 * Fetching every user of a 50,000-user AD Attributes Sync behind 20 ms per request, four ways, in one run:
 *   (a) this node's user.getAll with Return All, in n8n's real engine (test/harness/runNode), through n8n's
 *       request helper as every request of the package;
 *   (b) a plain sequential page loop with the same page size (what the HTTP Request node's pagination does);
 *   (c) the lower bound: a bare fetch() client with the same page size and the same concurrency;
 *   (d) the sequential loop at the API's default page size (no size parameter: 25), which is what following
 *       the vendor's example with the HTTP Request node's pagination gives. Only its first BENCH_D_PAGES
 *       pages are fetched and the time is extrapolated linearly to all pages (said so in the output).
 * After one warm-up run of each, BENCH_RUNS interleaved rounds; times and per-round ratios are medians.
 * For information (no target): the package's overhead target is checked by bench/overhead.bench.ts.
 * The simulator runs in its own process so that its work does not share the clients' main thread.
 * Run: npx tsx bench/adUsers.bench.ts   (env: BENCH_USERS, BENCH_LATENCY_MS, BENCH_RUNS, BENCH_D_PAGES)
 */
import { PAGE_SIZE } from '../nodes/AdAttributesSync/api';
import { DEFAULT_CONCURRENCY } from '../nodes/shared/http';
import { runMain } from '../scripts/lib/n8n';
import { adUsersGetAll } from '../test/support/nodeParameters';
import { envNumber, machine, withSimulator } from './benchmark';
import { interleaved, median, ms, ratios } from './interleave';
import { fetchEveryUserPage, fetchUsersPage } from './jobs';
import { runInEngine } from './runInEngine';

const USERS = envNumber('BENCH_USERS', 50000);
const LATENCY_MS = envNumber('BENCH_LATENCY_MS', 20);
const RUNS = envNumber('BENCH_RUNS', 5);
const D_PAGES = envNumber('BENCH_D_PAGES', 200);
/** The API's page size when the request gives none (Deviniti's documented default). */
const API_DEFAULT_SIZE = 25;

/** (a) the node in n8n's engine. */
async function viaNode(url: string): Promise<number> {
	return (await runInEngine('adAttributesSync', adUsersGetAll(), url)).length;
}

/** (b) one page after another until the last one. */
async function sequential(url: string): Promise<number> {
	const users: unknown[] = [];
	for (let page = 1; ; page++) {
		const answer = await fetchUsersPage(url, page, PAGE_SIZE);
		users.push(...answer.elements);
		if (answer.elements.length < answer.page.pageSize || page >= answer.page.totalPages) break;
	}
	return users.length;
}

/** Pages of the whole listing at the API's default size, seen by (d). */
let defaultSizeTotalPages = 0;

/** (d) like (b) without a size parameter, but only the first D_PAGES pages. */
async function sequentialDefaultSize(url: string): Promise<number> {
	let count = 0;
	for (let page = 1; page <= D_PAGES; page++) {
		const answer = await fetchUsersPage(url, page);
		if (answer.page.pageSize !== API_DEFAULT_SIZE)
			throw new Error(`default page size ${answer.page.pageSize}, expected ${API_DEFAULT_SIZE}`);
		defaultSizeTotalPages = answer.page.totalPages;
		count += answer.elements.length;
		if (answer.elements.length < answer.page.pageSize || page >= answer.page.totalPages) break;
	}
	return count;
}

/** (c) page 1, then the rest DEFAULT_CONCURRENCY at a time: the lower bound for the node. */
async function rawConcurrent(url: string): Promise<number> {
	const pages = await fetchEveryUserPage(url);
	return pages.reduce((n, p) => n + p.elements.length, 0);
}

function expect(count: number, wanted: number, what: string): void {
	if (count !== wanted) throw new Error(`${what} fetched ${count} users, expected ${wanted}`);
}

async function main(): Promise<void> {
	await withSimulator({ 'ad-users': USERS, 'latency-ms': LATENCY_MS }, async ({ url }) => {
		const dUsers = Math.min(USERS, D_PAGES * API_DEFAULT_SIZE);
		const t = await interleaved(
			{
				a: async () => expect(await viaNode(url), USERS, '(a)'),
				b: async () => expect(await sequential(url), USERS, '(b)'),
				c: async () => expect(await rawConcurrent(url), USERS, '(c)'),
				d: async () => expect(await sequentialDefaultSize(url), dUsers, '(d)'),
			},
			RUNS,
		);
		const dPages = Math.min(D_PAGES, defaultSizeTotalPages);
		const dFactor = defaultSizeTotalPages / dPages;
		const d = t.d.map((x) => x * dFactor);
		const r = (a: number[], b: number[]) => median(ratios(a, b)).toFixed(2);
		console.log(
			`${USERS} users, ${LATENCY_MS} ms per request, page size ${PAGE_SIZE}, concurrency ${DEFAULT_CONCURRENCY}, median of ${RUNS} interleaved rounds`,
		);
		console.log(machine());
		console.log(`  (a) node user.getAll, n8n engine      ${ms(median(t.a))}`);
		console.log(`  (b) sequential page loop (fetch)      ${ms(median(t.b))}`);
		console.log(`  (c) raw fetch, same concurrency       ${ms(median(t.c))}`);
		console.log(
			`  (d) sequential loop, default size ${API_DEFAULT_SIZE}  ${ms(median(d))}  extrapolated linearly: ${dPages} of ${defaultSizeTotalPages} pages took ${median(t.d).toFixed(0)} ms, x ${dFactor.toFixed(2)}`,
		);
		console.log(
			`  a/c = ${r(t.a, t.c)}   b/a = ${r(t.b, t.a)}   d/a = ${r(d, t.a)}   (medians of the rounds' ratios; for information)`,
		);
	});
}

runMain('adUsers', main);
