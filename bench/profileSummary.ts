/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * Where a benchmark's CPU time went: reads V8 CPU profiles and prints their self time by part (n8n's request helper,
 * Node's HTTP, credential, parameters, JSON, output items, the engine, the package, GC), then the top frames, per run.
 * Given two sets of profiles separated by `--` (the node's runs, then the bare helper node's), it prints both side by
 * side and the frames where the first spends more: the package's own overhead.
 * Run: BENCH_CPU_PROFILE=/tmp/prof npx tsx bench/overhead.bench.ts   (one profile per measured run of every case)
 *      npx tsx bench/profileSummary.ts /tmp/prof/nodeGetAll.* -- /tmp/prof/helperGetAll.*
 * A profile of a whole process (node --cpu-prof --import tsx ...) works too, with the number of runs it holds:
 *      npx tsx bench/profileSummary.ts FILE.cpuprofile --runs 4   (module loading is then shown apart)
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
	[
		'module loading (tsx, require)',
		(_fn, url) => /tsx|esbuild|node:internal\/modules|get-tsconfig/.test(url),
	],
	[
		'credential (authenticate, credential helper)',
		(fn, url) => /credentials|authentication\.js/.test(url) || fn === 'authenticate',
	],
	[
		'parameters per item (getNodeParameter, expressions, getNode copies)',
		(fn, url) =>
			/itemParameter|parameters\.ts|expression|workflow-data-proxy|deep-copy|node-parameters|get-node-parameter|extensions\//.test(
				url,
			) || fn === 'deepCopy',
	],
	['JSON parsing', (fn, url) => /httpAnswer|json\.ts/.test(url) || fn === 'parse'],
	[
		"n8n's request helper (backend-network, axios, follow-redirects)",
		(_fn, url) =>
			/backend-network|axios|follow-redirects|proxy-from-env|form-data|request-helpers|node_modules\/qs\//.test(
				url,
			),
	],
	["Node's HTTP and sockets (node:http, net, stream)", (_fn, url) => /^node:/.test(url)],
	[
		'output items (item loop, paging, pairing)',
		(_fn, url) => /itemLoop|paging|concurrency\.ts/.test(url),
	],
	['the package: transport, gate, retries', (_fn, url) => /nodes\/shared|nodes\/[A-Z]/.test(url)],
	["n8n's engine (n8n-core, n8n-workflow)", (_fn, url) => /n8n-core|n8n-workflow|@n8n/.test(url)],
	[
		'the bare helper node (bench/helperNode.ts: JSON.parse of the answers, its items)',
		(_fn, url) => /bench\/helperNode/.test(url),
	],
	[
		'benchmark and simulator client (fetch, undici)',
		(_fn, url) => /bench\/|undici|node:internal\/deps/.test(url),
	],
	['program (native, unattributed)', (fn) => fn === '(program)' || fn === '(root)'],
	[
		'native code called from JS (connect, socket writes, close)',
		(fn, url) => url === '' && fn !== '',
	],
	['other', () => true],
];

interface Summary {
	file: string;
	runs: number;
	/** Microseconds per part and per frame, summed over the runs. */
	totals: Map<string, number>;
	frames: Map<string, number>;
}

/** The self time of `files` (each one run, or together `runs` runs) by part and by frame. */
function summarise(files: string[], runs = files.length): Summary {
	const totals = new Map<string, number>();
	const frames = new Map<string, number>();
	for (const file of files) add(JSON.parse(readFileSync(file, 'utf8')) as Profile, totals, frames);
	return {
		file: files.length === 1 ? files[0] : `${files[0]} and ${files.length - 1} more`,
		runs,
		totals,
		frames,
	};
}

function add(profile: Profile, totals: Map<string, number>, frames: Map<string, number>): void {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	// A sample below a require() is module loading (once per process), whatever Node code it ran.
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const loading = new Map<number, boolean>();
	const isLoading = (id: number): boolean => {
		let known = loading.get(id);
		if (known === undefined) {
			const node = byId.get(id);
			const up = parent.get(id);
			known =
				node?.callFrame.functionName === 'Module._load' || (up !== undefined && isLoading(up));
			loading.set(id, known);
		}
		return known;
	};
	profile.samples.forEach((id, i) => {
		const node = byId.get(id);
		if (!node) return;
		const { functionName: fn, url } = node.callFrame;
		const part = isLoading(id)
			? PARTS[2][0]
			: (PARTS.find(([, match]) => match(fn, url))?.[0] ?? 'other');
		const us = profile.timeDeltas[i] ?? 0;
		totals.set(part, (totals.get(part) ?? 0) + us);
		const frame = `${fn || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(nodes|bench|test)\//, '$1/')}`;
		frames.set(frame, (frames.get(frame) ?? 0) + us);
	});
}

const perRun = (s: Summary, us: number | undefined) => (us ?? 0) / 1000 / s.runs;
const busy = (s: Summary) =>
	perRun(
		s,
		[...s.totals]
			.filter(([part]) => part !== 'idle' && !part.startsWith('module'))
			.reduce((sum, [, us]) => sum + us, 0),
	);

function printOne(s: Summary): void {
	console.log(
		`${s.file}: CPU busy ${busy(s).toFixed(0)} ms per run (${s.runs} runs), by part (self time):`,
	);
	for (const [part, us] of [...s.totals].sort((a, b) => b[1] - a[1]))
		console.log(`  ${perRun(s, us).toFixed(0).padStart(6)} ms  ${part}`);
	console.log('  top frames:');
	for (const [frame, us] of [...s.frames].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
		console.log(`  ${perRun(s, us).toFixed(1).padStart(7)} ms  ${frame.slice(0, 130)}`);
	}
}

/** Two profiles side by side: by part, then the frames where the first spends the most more than the second. */
function printBoth(a: Summary, b: Summary): void {
	console.log(`first:  ${a.file}: CPU busy ${busy(a).toFixed(0)} ms per run (${a.runs} runs)`);
	console.log(`second: ${b.file}: CPU busy ${busy(b).toFixed(0)} ms per run (${b.runs} runs)`);
	console.log('  ms per run, self time       first  second  first - second');
	const parts = [...new Set([...a.totals.keys(), ...b.totals.keys()])].filter(
		(part) => part !== 'idle',
	);
	const rows = parts.map(
		(part) => [part, perRun(a, a.totals.get(part)), perRun(b, b.totals.get(part))] as const,
	);
	for (const [part, x, y] of rows.sort((p, q) => q[1] + q[2] - (p[1] + p[2]))) {
		console.log(
			`  ${x.toFixed(0).padStart(33)} ${y.toFixed(0).padStart(7)} ${(x - y).toFixed(0).padStart(15)}  ${part}`,
		);
	}
	console.log('  frames where the first spends more    first  second  first - second');
	const frames = [...new Set([...a.frames.keys(), ...b.frames.keys()])].filter(
		(frame) => !frame.startsWith('(idle)'),
	);
	const diffs = frames.map(
		(frame) => [frame, perRun(a, a.frames.get(frame)), perRun(b, b.frames.get(frame))] as const,
	);
	for (const [frame, x, y] of diffs.sort((p, q) => q[1] - q[2] - (p[1] - p[2])).slice(0, 25)) {
		console.log(
			`  ${x.toFixed(1).padStart(43)} ${y.toFixed(1).padStart(7)} ${(x - y).toFixed(1).padStart(15)}  ${frame.slice(0, 100)}`,
		);
	}
}

function main(): void {
	// Piped into head: stop quietly when the reader has had enough.
	process.stdout.on('error', () => process.exit(0));
	const args = process.argv.slice(2);
	const runsAt = args.indexOf('--runs');
	const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : undefined;
	const split = args.indexOf('--');
	const [first, second] = split >= 0 ? [args.slice(0, split), args.slice(split + 1)] : [args, []];
	if (!first.length)
		throw new Error(
			'usage: profileSummary.ts FILE.cpuprofile... [-- FILE.cpuprofile...] [--runs N]',
		);
	if (second.length) printBoth(summarise(first, runs), summarise(second, runs));
	else printOne(summarise(first, runs));
}

main();
