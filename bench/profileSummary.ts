/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * Where a benchmark's CPU time went: reads a `node --cpu-prof` profile and prints its self time by part
 * (n8n's request helper, Node's HTTP, credential, parameters, JSON, output items, the engine, the package, GC).
 * Run: BENCH_CASES=nodeSyncUser BENCH_RUNS=3 node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/overhead.bench.ts
 *      npx tsx bench/profileSummary.ts /tmp/prof/<file>.cpuprofile [runs, default 4: warm-up + 3]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** The first rule that matches a frame names its part (order matters). */
const PARTS: Array<[string, (fn: string, url: string) => boolean]> = [
	['idle', (fn) => fn === '(idle)'],
	['GC', (fn) => fn === '(garbage collector)'],
	['module loading (tsx, require)', (_fn, url) => /tsx|esbuild|node:internal\/modules|get-tsconfig/.test(url)],
	['credential (authenticate, credential helper)', (fn, url) => /credentials|authentication\.js/.test(url) || fn === 'authenticate'],
	['parameters per item (getNodeParameter, expressions, getNode copies)', (fn, url) => /itemParameter|parameters\.ts|expression|workflow-data-proxy|deep-copy|node-parameters|get-node-parameter|extensions\//.test(url) || fn === 'deepCopy'],
	['JSON parsing', (fn, url) => /httpAnswer|json\.ts/.test(url) || fn === 'parse'],
	["n8n's request helper (backend-network, axios, follow-redirects)", (_fn, url) => /backend-network|axios|follow-redirects|proxy-from-env|form-data|request-helpers|node_modules\/qs\//.test(url)],
	["Node's HTTP and sockets (node:http, net, stream)", (_fn, url) => /^node:/.test(url)],
	['output items (item loop, paging, pairing)', (_fn, url) => /itemLoop|paging|concurrency\.ts/.test(url)],
	['the package: transport, gate, retries', (_fn, url) => /nodes\/shared|nodes\/[A-Z]/.test(url)],
	["n8n's engine (n8n-core, n8n-workflow)", (_fn, url) => /n8n-core|n8n-workflow|@n8n/.test(url)],
	['benchmark and simulator client (fetch, undici)', (_fn, url) => /bench\/|undici|node:internal\/deps/.test(url)],
	['program (native, unattributed)', (fn) => fn === '(program)' || fn === '(root)'],
	['other', () => true],
];

function main(): void {
	const [file, runsArg] = process.argv.slice(2);
	const runs = Number(runsArg ?? 4);
	const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	// A sample below a require() is module loading (once per process), whatever Node code it ran.
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const loading = new Map<number, boolean>();
	const isLoading = (id: number): boolean => {
		let known = loading.get(id);
		if (known === undefined) {
			const node = byId.get(id);
			const up = parent.get(id);
			known = node?.callFrame.functionName === 'Module._load' || (up !== undefined && isLoading(up));
			loading.set(id, known);
		}
		return known;
	};
	const totals = new Map<string, number>();
	const frames = new Map<string, number>();
	profile.samples.forEach((id, i) => {
		const node = byId.get(id);
		if (!node) return;
		const { functionName: fn, url } = node.callFrame;
		const part = isLoading(id) ? PARTS[2][0] : (PARTS.find(([, match]) => match(fn, url))?.[0] ?? 'other');
		const us = profile.timeDeltas[i] ?? 0;
		totals.set(part, (totals.get(part) ?? 0) + us);
		const frame = `${fn || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(nodes|bench|test)\//, '$1/')}`;
		frames.set(frame, (frames.get(frame) ?? 0) + us);
	});
	const busy = [...totals].filter(([part]) => part !== 'idle' && !part.startsWith('module')).reduce((sum, [, us]) => sum + us, 0);
	console.log(`${file}: CPU busy ${(busy / 1000 / runs).toFixed(0)} ms per run (${runs} runs), by part (self time):`);
	for (const [part, us] of [...totals].sort((a, b) => b[1] - a[1])) {
		console.log(`  ${((us / 1000) / runs).toFixed(0).padStart(6)} ms  ${part}`);
	}
	console.log('  top frames:');
	for (const [frame, us] of [...frames].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
		console.log(`  ${((us / 1000) / runs).toFixed(1).padStart(7)} ms  ${frame.slice(0, 130)}`);
	}
}

main();
