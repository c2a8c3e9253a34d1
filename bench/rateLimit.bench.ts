/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * 2,000 resolution syncUser items against a Data Center that rate-limits the user (token bucket: 50 requests
 * per second, bursts of 100; 20 ms per request), in n8n's engine, two ways, interleaved, median of BENCH_RUNS:
 *   paced: the server sends X-RateLimit-* headers and the node follows its bucket;
 *   fixed: the server sends only 429 + Retry-After (no headers): the node keeps 8 requests in flight and waits
 *          Retry-After after each 429, which is exactly what it did for every server before pacing existed.
 * Both run with "continue on fail": an item still refused after the transport's last retry is counted, not fatal.
 * Ideal: the burst at once, then the fill rate: (items - burst) / rate.
 * Run: npx tsx bench/rateLimit.bench.ts   (env: BENCH_RUNS, BENCH_SYNC_ITEMS, BENCH_RATE, BENCH_BURST)
 */
import { availableParallelism, cpus } from 'node:os';

import { runNode } from '../test/harness/runNode';
import type { RecordedRequest } from '../test/simulator';
import { median, ms } from './interleave';
import { ADMIN_CREDENTIALS, startSimulatorProcess } from './simulatorProcess';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ITEMS = Number(process.env.BENCH_SYNC_ITEMS ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const BURST = Number(process.env.BENCH_BURST ?? 100);
const LATENCY_MS = 20;

const input = Array.from({ length: ITEMS }, (_, i) => ({ username: `user${String((i % 2000) + 1).padStart(4, '0')}` }));

async function control(url: string, method: string, action: string, body?: object): Promise<unknown> {
	const response = await fetch(`${url}/__simulator/${action}`, { method, body: body && JSON.stringify(body) });
	const text = await response.text();
	return text ? JSON.parse(text) : undefined;
}

interface Outcome {
	ms: number;
	refused: number;
	sent: number;
	failed: number;
}

async function run(url: string, headers: boolean): Promise<Outcome> {
	await control(url, 'POST', 'reset');
	if (!headers) await control(url, 'POST', 'state', { rateLimit: { headers: false } });
	const started = performance.now();
	const result = await runNode({
		node: 'resolutionSamlSso',
		parameters: { resource: 'connector', operation: 'syncUser', connectorId: '1', username: '={{ $json.username }}' },
		credentials: { baseUrl: url, ...ADMIN_CREDENTIALS },
		input,
		continueOnFail: true,
	});
	const elapsed = performance.now() - started;
	if (result.error) throw result.error;
	if (result.items.length !== ITEMS) throw new Error(`${result.items.length} items, expected ${ITEMS}`);
	const requests = (await control(url, 'GET', 'requests')) as RecordedRequest[];
	const failed = result.json.filter((j) => j.error !== undefined).length;
	return { ms: elapsed, refused: requests.filter((r) => r.status === 429).length, sent: requests.length, failed };
}

async function main(): Promise<void> {
	const { url, child } = await startSimulatorProcess(['--port', '0', '--latency-ms', String(LATENCY_MS), '--rate-limit', `${RATE}/1:${BURST}`]);
	try {
		const results: Record<'paced' | 'fixed', Outcome[]> = { paced: [], fixed: [] };
		for (let round = 0; round < RUNS; round++) {
			const order: Array<'paced' | 'fixed'> = round % 2 ? ['fixed', 'paced'] : ['paced', 'fixed'];
			for (const way of order) results[way].push(await run(url, way === 'paced'));
		}
		const ideal = (Math.max(0, ITEMS - BURST) / RATE) * 1000 + LATENCY_MS;
		console.log(`rate limit: ${ITEMS} syncUser items, bucket ${RATE}/s burst ${BURST}, ${LATENCY_MS} ms per request, median of ${RUNS} (interleaved)`);
		console.log(`machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}; ideal ${ms(ideal)}`);
		for (const [way, label] of [['paced', 'X-RateLimit headers, paced   '], ['fixed', 'Retry-After only, 8 in flight']] as const) {
			const list = results[way];
			const time = median(list.map((r) => r.ms));
			const refused = list.map((r) => `${((100 * r.refused) / r.sent).toFixed(1)}%`).join(', ');
			const failed = list.map((r) => r.failed).join(', ');
			console.log(`  ${label}  ${ms(time)}  ${(time / ideal).toFixed(2)}x ideal  429s ${refused} of requests  items failed ${failed}  (target <= 1.1x, <= 1%)`);
		}
	} finally {
		child.kill('SIGTERM');
	}
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
