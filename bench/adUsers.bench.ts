/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * Fetching every user of a 50,000-user AD Attributes Sync behind 20 ms per request, three ways, in one run:
 *   (a) this node's user.getAll with Return All, in n8n's real engine (test/harness/runNode);
 *   (b) a plain sequential page loop with the same page size (what the HTTP Request node's pagination does);
 *   (c) the lower bound: a bare fetch() client with the same page size and the same concurrency.
 * The simulator runs in its own process so that its work does not share the clients' main thread.
 * Run: npx tsx bench/adUsers.bench.ts   (env: BENCH_USERS, BENCH_LATENCY_MS, BENCH_RUNS)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { PAGE_SIZE, type UsersPage } from '../nodes/AdAttributesSync/api';
import { DEFAULT_CONCURRENCY } from '../nodes/shared/constants';
import { mapConcurrent } from '../nodes/shared/concurrency';
import { runNode } from '../test/harness/runNode';

const USERS = Number(process.env.BENCH_USERS ?? 50000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 18090);
const AUTH = `Basic ${Buffer.from('admin:admin-password').toString('base64')}`;

async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
	const root = join(__dirname, '..');
	const child = spawn(
		join(root, 'node_modules', '.bin', 'tsx'),
		['test/simulator/main.ts', '--port', String(PORT), '--ad-users', String(USERS), '--latency-ms', String(LATENCY_MS)],
		{ cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on (\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
	});
	return { url, child };
}

async function getPage(url: string, page: number, size: number): Promise<UsersPage> {
	const response = await fetch(`${url}/rest/intenso/ad/1.0/public/user?page=${page}&size=${size}`, {
		headers: { Authorization: AUTH, Accept: 'application/json' },
	});
	if (response.status !== 200) throw new Error(`page ${page}: ${response.status}`);
	return JSON.parse(await response.text()) as UsersPage;
}

/** (a) the node in n8n's engine. */
async function viaNode(url: string): Promise<number> {
	const run = await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'user', operation: 'getAll', returnAll: true },
		credentials: { baseUrl: url, authentication: 'basicAuth', username: 'admin', password: 'admin-password' },
	});
	if (run.error) throw run.error;
	return run.json.length;
}

/** (b) one page after another until the last one. */
async function sequential(url: string): Promise<number> {
	const users: unknown[] = [];
	for (let page = 1; ; page++) {
		const answer = await getPage(url, page, PAGE_SIZE);
		users.push(...answer.elements);
		if (answer.elements.length < answer.page.pageSize || page >= answer.page.totalPages) break;
	}
	return users.length;
}

/** (c) page 1, then the rest DEFAULT_CONCURRENCY at a time: the lower bound for the node. */
async function rawConcurrent(url: string): Promise<number> {
	const first = await getPage(url, 1, PAGE_SIZE);
	const rest = Array.from({ length: first.page.totalPages - 1 }, (_, i) => i + 2);
	const pages = await mapConcurrent(rest, DEFAULT_CONCURRENCY, async (page) => await getPage(url, page, first.page.pageSize));
	return [first, ...pages].reduce((n, p) => n + p.elements.length, 0);
}

async function time(fn: () => Promise<number>): Promise<{ ms: number; count: number }> {
	const started = performance.now();
	const count = await fn();
	return { ms: performance.now() - started, count };
}

async function main(): Promise<void> {
	const { url, child } = await startSimulatorProcess();
	try {
		const ways = { a: () => viaNode(url), b: () => sequential(url), c: () => rawConcurrent(url) };
		// Warm-up: JIT, connection pools, the engine's first load.
		for (const fn of Object.values(ways)) await fn();
		const best: Record<string, number> = { a: Infinity, b: Infinity, c: Infinity };
		for (let i = 0; i < RUNS; i++) {
			for (const [name, fn] of Object.entries(ways)) {
				const { ms, count } = await time(fn);
				if (count !== USERS) throw new Error(`${name} fetched ${count} users, expected ${USERS}`);
				best[name] = Math.min(best[name], ms);
			}
		}
		const f = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
		console.log(`${USERS} users, ${LATENCY_MS} ms per request, page size ${PAGE_SIZE}, concurrency ${DEFAULT_CONCURRENCY}, best of ${RUNS} (interleaved)`);
		console.log(`  (a) node user.getAll, n8n engine      ${f(best.a)}`);
		console.log(`  (b) sequential page loop (fetch)      ${f(best.b)}`);
		console.log(`  (c) raw fetch, same concurrency       ${f(best.c)}`);
		console.log(`  a/c = ${(best.a / best.c).toFixed(2)} (target <= 1.25)   b/a = ${(best.b / best.a).toFixed(2)} (target >= 4)`);
	} finally {
		child.kill('SIGTERM');
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
