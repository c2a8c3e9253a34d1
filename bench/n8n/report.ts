/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * Prints the benchmark table and writes it as Markdown (used by scripts/bench.ts):
 *   tsx bench/n8n/report.ts WORKFLOWS_JSON COLD_JSON RESULTS_MD|- RUNTIME LATENCY_MS SECONDS
 * WORKFLOWS_JSON is what bench/n8n/run.ts wrote, COLD_JSON the cold-load measurements of scripts/bench.ts.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

import type { WorkflowResults } from './run';

/** scripts/bench.ts's cold-load measurements (milliseconds, bytes). */
interface ColdResults {
	with: number[];
	without: number[];
	requireMs: number[];
	tarball: { file: string; bytes: number; unpackedBytes: number; files: number };
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const best = (xs: number[]) => Math.min(...xs);
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const sh = (cmd: string) => {
	try {
		return execSync(cmd, { encoding: 'utf8' }).trim();
	} catch {
		return '?';
	}
};

/**
 * Prints the tables, ratios and machine, and writes the Markdown to OUT_FILE (unless it is "-" or
 * empty). RUNTIME names n8n's Node, LATENCY the simulator's milliseconds per request, SECONDS the whole run.
 */
export function report(options: {
	wf: WorkflowResults;
	cold: ColdResults;
	outFile?: string;
	runtime: string;
	latency: string;
	seconds: string;
}): void {
	const { wf, cold, outFile, runtime, latency, seconds } = options;
	const r = wf.results;
	const med = (k: string) => median(r[k].ms);

	const rows = [
		[
			'getall.package',
			`this package: AD Attributes Sync user.getAll, Return All (page size ${wf.pageSize}, ${wf.concurrency} pages at a time)`,
		],
		[
			'getall.http',
			`HTTP Request v4.2 pagination (page/size, size ${wf.pageSize}, page after page) + Split Out`,
		],
		[
			'getall.raw',
			`lower bound: plain fetch outside n8n, size ${wf.pageSize}, ${wf.concurrency} at a time`,
		],
		[
			'sync.package',
			`this package: resolution SAML SSO connector syncUser (${wf.concurrency} in flight)`,
		],
		['sync.httpBatch', 'HTTP Request v4.2, batching 8 items / 20 ms interval'],
		['sync.httpAll', 'HTTP Request v4.2, no batching (all 1,000 requests at once)'],
		['sync.raw', `lower bound: plain fetch outside n8n, ${wf.concurrency} at a time`],
	];
	const table = [
		`| case | way | requests | median | best | node alone (median) | ÷ this package |`,
		`|---|---|--:|--:|--:|--:|--:|`,
		...rows.map(([k, label]) => {
			const pkg = k.startsWith('getall') ? 'getall.package' : 'sync.package';
			const what = k.startsWith('getall')
				? `${wf.adUsers.toLocaleString('en-US')} AD users`
				: `${wf.syncUsers.toLocaleString('en-US')} × syncUser`;
			return `| ${what} | ${label} | ${r[k].requests} | ${ms(med(k))} | ${ms(best(r[k].ms))} | ${k.endsWith('raw') ? '–' : ms(median(r[k].nodeMs))} | ${ratio(med(k), med(pkg))} |`;
		}),
	];
	const coldWith = median(cold.with);
	const coldWithout = median(cold.without);
	const coldTable = [
		`| cold load | median | all starts |`,
		`|---|--:|---|`,
		`| n8n start to ready, without the package | ${ms(coldWithout)} | ${cold.without.join(', ')} |`,
		`| n8n start to ready, with the package installed | ${ms(coldWith)} | ${cold.with.join(', ')} |`,
		`| difference (with − without) | ${ms(coldWith - coldWithout)} | |`,
		`| the package's own load (require + construct its 4 nodes and credential, fresh Node) | ${median(cold.requireMs).toFixed(1)} ms | ${cold.requireMs.join(', ')} |`,
		`| packed tarball \`${cold.tarball.file}\` | ${kb(cold.tarball.bytes)} | ${cold.tarball.files} files, ${kb(cold.tarball.unpackedBytes)} unpacked |`,
	];
	const ratios = [
		`- AD users getAll: HTTP Request pagination takes **${ratio(med('getall.http'), med('getall.package'))}** the package's time; the package takes **${ratio(med('getall.package'), med('getall.raw'))}** the raw lower bound's.`,
		`- syncUser × 1,000: HTTP Request with batching 8 / 20 ms takes **${ratio(med('sync.httpBatch'), med('sync.package'))}** the package's time (without batching ${ratio(med('sync.httpAll'), med('sync.package'))}, with 1,000 requests in flight at once); the package takes **${ratio(med('sync.package'), med('sync.raw'))}** the raw lower bound's.`,
		`- Cold load: with the package installed n8n is ready in ${ms(coldWith)}, without it in ${ms(coldWithout)} (median of ${cold.with.length} starts each): ${coldWith - coldWithout > 0 ? `${ms(coldWith - coldWithout)} more` : 'no slower'}, within the noise of n8n's own start; the package's own load is ${median(cold.requireMs).toFixed(1)} ms; the tarball is ${kb(cold.tarball.bytes)}.`,
	];

	const machine = [
		`${os.cpus().length} CPUs (nproc ${sh('nproc')}, ${os.cpus()[0]?.model ?? '?'})`,
		`${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
		`${runtime} (the lower bound runs on it too); simulator on Node ${process.version}`,
		`${os.type()} ${os.release()}`,
		new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
	].join(' · ');

	const text = `## n8n benchmarks

Measured by \`npm run bench\` (scripts/bench.ts) in a real n8n, the package installed from its packed tarball
into the user folder as users install community nodes, against the simulator (its own process) with
**${latency} ms per request**. Workflows run in a started n8n through its REST API (as the editor's *Execute workflow*)
and are timed by the execution's own \`startedAt\`/\`stoppedAt\`; the lower bound runs outside n8n, in a plain
Node process. Every case runs once as a warm-up, then ${wf.runs} times, interleaved (each repetition in the other
order); every run is checked (item count, statuses, the requests the simulator received) before it counts.

Machine: ${machine}. Whole run: ${seconds} s.

${table.join('\n')}

${coldTable.join('\n')}

${ratios.join('\n')}

Fairness notes:
- HTTP Request uses the package's page size (\`size=1000\`) and the same Basic auth; its pagination requests
  page after page ("update a parameter in each request", \`page = $pageCount + 1\`), complete when
  \`$response.body.page.current >= $response.body.page.totalPages\` (the API answers an object, never an empty
  body, so "response is empty" cannot end it). It outputs one item per page: a Split Out node makes one item
  per user, as the package outputs; "node alone" is the HTTP Request node's own time.
- HTTP Request's batching only spaces the *start* of requests (batch size items, then the interval); it never
  waits for answers. 8 items per 20 ms is the rate of 8 requests in flight at 20 ms each, the package's bound.
  Without batching it starts all 1,000 requests at once: faster against a simulator that only sleeps, but
  1,000 concurrent requests on a real Data Center node.
- Reproduce: \`npm ci && npm run bench\` (BENCH_RUNS, BENCH_COLD_RUNS, BENCH_AD_USERS, BENCH_LATENCY_MS).
`;

	console.log(
		`\n${table.join('\n')}\n\n${coldTable.join('\n')}\n\n${ratios.join('\n')}\n\nMachine: ${machine}\n`,
	);
	if (outFile && outFile !== '-') {
		writeFileSync(outFile, `${text}`);
		console.error(`[bench] written to ${outFile}`);
	}
}

if (require.main === module) {
	const [wfFile, coldFile, outFile, runtime, latency, seconds] = process.argv.slice(2);
	const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
	report({
		wf: readJson<WorkflowResults>(wfFile),
		cold: readJson<ColdResults>(coldFile),
		outFile,
		runtime,
		latency,
		seconds,
	});
}
