/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * Scale, in n8n's engine, each measurement in a fresh process (so that its peak memory is its own):
 *   getAll: AD user.getAll of 25,000 / 50,000 / 100,000 users (pages of 1,000, 20 ms each);
 *   update: 2,500 / 5,000 / 10,000 items through AD user.update with Combine Items (100 users per PUT),
 *           user key and a field from expressions.
 * Printed: time, the process's peak RSS during the run above what it had before (sampled every 5 ms), and the
 * output's JSON size; for getAll also a plain fetch client keeping the same users (the data's own weight).
 * Memory that grows like the output is expected (n8n keeps every item); faster is a leak or a quadratic copy.
 * Run: npx tsx bench/scale.bench.ts   (env: BENCH_SCALE_SIZES_GETALL, BENCH_SCALE_SIZES_UPDATE)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { PAGE_SIZE } from '../nodes/AdAttributesSync/api';
import { mapConcurrent, DEFAULT_CONCURRENCY } from '../nodes/shared/http';
import { runMain } from '../scripts/lib/n8n';
import { runNode } from '../test/harness/runNode';
import { adminBasic } from '../test/support/credentials';
import { adUserUpdate, adUsersGetAll } from '../test/support/nodeParameters';
import { machine, withSimulator } from './benchmark';
import { fetchUsersPage } from './jobs';

const GETALL_SIZES = (process.env.BENCH_SCALE_SIZES_GETALL ?? '25000,50000,100000')
	.split(',')
	.map(Number);
const UPDATE_SIZES = (process.env.BENCH_SCALE_SIZES_UPDATE ?? '2500,5000,10000')
	.split(',')
	.map(Number);
const LATENCY_MS = 20;

interface Measurement {
	ms: number;
	peakMb: number;
	outputMb: number;
	items: number;
}

/** The user keys of the first `n` users of connection 2 (Active_Directory_server) in the simulator's population. */
function connection2Keys(n: number): string[] {
	const keys: string[] = [];
	for (let i = 0; keys.length < n; i++) if (i < 7 || i % 5 !== 0) keys.push(`JIRAUSER${10100 + i}`);
	return keys;
}

async function measure(kind: string, size: number, url: string): Promise<Measurement> {
	const credentials = adminBasic({ url });
	const runOf = async (count: number): Promise<{ items: unknown[]; error?: Error }> =>
		kind === 'raw'
			? { items: await rawUsers(url, count) }
			: kind === 'getAll'
				? runNode({ node: 'adAttributesSync', parameters: adUsersGetAll(count), credentials })
				: runNode({
						node: 'adAttributesSync',
						parameters: adUserUpdate([{ name: 'department', value: '={{ $json.department }}' }]),
						credentials,
						input: connection2Keys(count).map((key, i) => ({ key, department: `Dept ${i % 40}` })),
					});
	// Warm the engine and the modules with a small run of the same kind (the code it loads and compiles is not the
	// operation's memory), then measure from what the process has then.
	const warm = await runOf(10);
	if (warm.error) throw warm.error;
	global.gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	const started = performance.now();
	const result = await runOf(size);
	const ms = performance.now() - started;
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	if (result.error) throw result.error;
	const outputMb = Buffer.byteLength(JSON.stringify(result.items)) / 2 ** 20;
	return { ms, peakMb: (peak - before) / 2 ** 20, outputMb, items: result.items.length };
}

/** The lower bound for getAll's memory: every page fetched (8 at a time) and its users kept, nothing else. */
async function rawUsers(url: string, count: number): Promise<unknown[]> {
	const pages = Array.from({ length: Math.ceil(count / PAGE_SIZE) }, (_, i) => i + 1);
	const lists = await mapConcurrent(
		pages,
		DEFAULT_CONCURRENCY,
		async (page) => (await fetchUsersPage(url, page, PAGE_SIZE)).elements,
	);
	return lists
		.flat()
		.slice(0, count)
		.map((json) => ({ json }));
}

async function child(): Promise<void> {
	const [, , , kind, size, url] = process.argv;
	console.log(JSON.stringify(await measure(kind, Number(size), url)));
}

async function main(): Promise<void> {
	const users = Math.max(...GETALL_SIZES, 15000);
	await withSimulator({ 'ad-users': users, 'latency-ms': LATENCY_MS }, async ({ url }) => {
		console.log(
			`scale: in n8n's engine, ${LATENCY_MS} ms per request, one fresh process per measurement (peak RSS above the warmed process)`,
		);
		console.log(machine({ memory: true }));
		const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
		const cases = [
			['getAll', GETALL_SIZES, 'users, getAll'],
			['raw', GETALL_SIZES, 'users, plain fetch (reference)'],
			['update', UPDATE_SIZES, 'items, update + Combine Items'],
		] as const;
		for (const [kind, sizes, label] of cases) {
			for (const size of sizes) {
				const out = execFileSync(
					tsx,
					['--expose-gc', __filename, '--child', kind, String(size), url],
					{ encoding: 'utf8', cwd: join(__dirname, '..') },
				);
				const m = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
				if (m.items !== size) throw new Error(`${kind} ${size}: ${m.items} items`);
				console.log(
					`  ${String(size).padStart(7)} ${label.padEnd(30)} ${m.ms.toFixed(0).padStart(6)} ms   peak +${m.peakMb.toFixed(0).padStart(4)} MB   output ${m.outputMb.toFixed(1).padStart(5)} MB JSON   (${(m.peakMb / m.outputMb).toFixed(1)} MB per MB of output)`,
				);
			}
		}
	});
}

runMain('scale', process.argv[2] === '--child' ? child : main);
