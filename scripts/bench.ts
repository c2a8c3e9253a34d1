/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * npm run bench: the package in a real n8n 2.41.1 against the simulator with 20 ms per request,
 * every case next to n8n's own HTTP Request node and a raw lower bound, measured in the same run;
 * prints a table and writes bench/n8n/results.md.
 *
 *   1. all users of a 50,000-user AD Attributes Sync directory: adAttributesSync user.getAll (Return
 *      All) vs HTTP Request v4.2 with its pagination (page/size, page size 1000 as the package,
 *      complete when page.current >= page.totalPages, + Split Out for one item per user) vs plain
 *      fetch, page size 1000, 8 at a time (the package's concurrency);
 *   2. 1,000 resolution syncUser items (connector 1, user0001..user1000): the package (8 in flight)
 *      vs HTTP Request with batching 8 items / 20 ms and without batching vs plain fetch, 8 at a time;
 *   3. cold load: n8n's start-up time to readiness with and without the package installed, the
 *      package's own require time, and the tarball's size.
 * Before those, the benchmarks in n8n's engine (bench/*.bench.ts, printed as they run): the
 * 50,000-user list vs a sequential loop and raw fetch; the package's overhead per request and per
 * item (getAll with pages capped at 100, 1,000 syncUser items from an expression) against n8n's
 * request helper driven by a bare node with the same requests in flight (bench/helperNode.ts),
 * plain fetch beside it for information; 2,000 syncUser items against a rate-limited server
 * (paced vs Retry-After only); scale (100,000 users, 10,000 items with Combine Items: time and
 * peak memory).
 * The overhead target: the package takes at most 1.10x the bare helper node for either job (median
 * of the run's interleaved rounds). A benchmark that misses its target exits TARGET_MISSED (3): the
 * other benchmarks still run and report, and npm run bench exits 1 at the end.
 * BENCH_ENGINE=0 skips the engine part, BENCH_N8N=0 the real-n8n part.
 *
 * Workflows run in a started n8n through its REST API (as the editor's "Execute workflow" does)
 * and are timed by the execution's own startedAt/stoppedAt, so neither n8n's start nor our polling
 * counts. Environment: BENCH_RUNS (default 5), BENCH_COLD_RUNS (default 5), BENCH_AD_USERS
 * (default 50000), BENCH_LATENCY_MS (default 20), BENCH_RESULTS (default bench/n8n/results.md;
 * "-" to skip writing).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';

import {
	createInstance,
	logger,
	N8N2_VERSION,
	packRepo,
	provisionN8n,
	removeAtExit,
	REPO,
	run,
	runMain,
	runOk,
	secondsSince,
	startSimulator,
	type CredentialInput,
	type N8nInstance,
	type WorkflowInput,
} from './lib/n8n';
import { runProbe } from './lib/n8n/probes/run';

const log = logger('bench');
const temp = (prefix: string) => {
	const dir = mkdtempSync(join(process.env.TMPDIR || tmpdir(), prefix));
	removeAtExit(dir);
	return dir;
};

const TSX = join(REPO, 'node_modules', '.bin', 'tsx');

/** The exit code of an engine benchmark that ran to its end but missed its target (overhead, rate limit). */
const TARGET_MISSED = 3;

/** The benchmarks in n8n's engine, printed as they run; answers the targets they missed. */
async function engineBenchmarks(): Promise<string[]> {
	const missed: string[] = [];
	// n8n-core writes an encryption key into N8N_USER_FOLDER (by default ~/.n8n): keep it in a temporary folder.
	const home = temp('n8n-bench-engine.');
	for (const bench of ['adUsers', 'overhead', 'rateLimit', 'scale']) {
		log(`engine: bench/${bench}.bench.ts`);
		const result = await run(TSX, [`bench/${bench}.bench.ts`], {
			cwd: REPO,
			env: {
				...process.env,
				N8N_USER_FOLDER: home,
				BENCH_RUNS: process.env.BENCH_ENGINE_RUNS || '3',
			},
			inherit: true,
		});
		if (result.code === TARGET_MISSED)
			missed.push(`bench/${bench}.bench.ts: target missed (see its output above)`);
		else if (result.code !== 0)
			throw new Error(`bench/${bench}.bench.ts failed (exit ${result.code})`);
	}
	return missed;
}

/** The run's exit code: 1 when a target was missed, after everything else ran and reported. */
function verdict(missed: string[], code = 0): number {
	for (const line of missed) log(`TARGET MISSED: ${line}`);
	return missed.length ? 1 : code;
}

/** Milliseconds from `n8n start` to readiness (/healthz/readiness and /rest/settings, polled every 50 ms); stops it. */
async function readyMs(instance: N8nInstance): Promise<number> {
	const main = await instance.start({ login: false, pollMs: 50, timeoutMs: 180_000 });
	const ms = main.readyMs;
	await main.stop();
	return ms;
}

runMain('bench', async () => {
	const t0 = Date.now();
	const runs = process.env.BENCH_RUNS || '5';
	const coldRuns = Number(process.env.BENCH_COLD_RUNS || 5);
	const adUsers = process.env.BENCH_AD_USERS || '50000';
	const latency = process.env.BENCH_LATENCY_MS || '20';
	const resultsMd = process.env.BENCH_RESULTS || join(REPO, 'bench', 'n8n', 'results.md');
	process.env.BENCH_AD_USERS = adUsers;
	process.env.N8NI_LOG_LEVEL ||= 'warn';

	const missed = process.env.BENCH_ENGINE !== '0' ? await engineBenchmarks() : [];
	if (process.env.BENCH_N8N === '0') return verdict(missed);
	const work = temp('n8n-bench.');
	const install = await provisionN8n(N8N2_VERSION);

	// The tarball, as published.
	const tgz = await packRepo(REPO, join(work, 'pack'));

	// ---- 1 and 2: workflows in a running n8n ----
	// The simulator in its own process (its work does not share n8n's main thread).
	log(`simulator: ${adUsers} AD users, ${latency} ms per request`);
	const sim = await startSimulator({
		logFile: join(work, 'simulator.log'),
		args: ['--ad-users', adUsers, '--latency-ms', latency],
	});
	const instance = await createInstance({ version: N8N2_VERSION });
	const packageDir = await instance.installPackage(tgz);
	await runOk(TSX, [join(REPO, 'bench', 'n8n', 'workflows.ts'), join(work, 'import'), sim.url], {
		cwd: REPO,
	});
	const main = await instance.start({ timeoutMs: 180_000 });
	const wanted = await instance.declaredTypes(packageDir, 'nodes');
	const known = await main.rest.nodeTypes();
	if (wanted.some((t) => !known.includes(t)) || main.packageLoadErrors().length) {
		throw new Error(
			`n8n did not load the package: ${main.packageLoadErrors().join(' ')} (log: ${main.logFile})`,
		);
	}
	const credentials = JSON.parse(
		readFileSync(join(work, 'import', 'credentials.json'), 'utf8'),
	) as CredentialInput[];
	const credentialIds: Record<string, string> = {};
	for (const credential of credentials)
		credentialIds[credential.id ?? credential.name] = await main.rest.createCredential(credential);
	const wfDir = join(work, 'import', 'workflows');
	for (const file of readdirSync(wfDir).filter((f) => f.endsWith('.json'))) {
		await main.rest.importWorkflow(
			JSON.parse(readFileSync(join(wfDir, file), 'utf8')) as WorkflowInput,
			credentialIds,
		);
	}
	log(`workflow cases: warm-up, then ${runs} interleaved repetitions (a few minutes)`);
	const cases = await run(
		install.node,
		[
			// Under n8n's own Node, TypeScript through tsx (resolved from the repository, the working directory).
			'--import',
			'tsx',
			join(REPO, 'bench', 'n8n', 'run.ts'),
			main.url,
			instance.owner.email,
			instance.owner.password,
			sim.url,
			runs,
			join(work, 'workflows.json'),
			join(install.modules, 'flatted'),
		],
		{ cwd: REPO, inherit: true },
	);
	if (cases.code !== 0) throw new Error(`bench/n8n/run.ts failed (exit ${cases.code})`);
	await main.stop();
	await sim.stop();

	// ---- 3: cold load ----
	// Two fresh instances, identical but for the package.
	const withPkg = await createInstance({ version: N8N2_VERSION });
	await withPkg.installPackage(tgz);
	const withoutPkg = await createInstance({ version: N8N2_VERSION });
	log(
		`cold load: one start of each to create the databases, then ${coldRuns} interleaved starts of each`,
	);
	for (const instance of [withPkg, withoutPkg]) await readyMs(instance);
	const first = await withPkg.start({ login: false, timeoutMs: 180_000 });
	const loadErrors = first.packageLoadErrors();
	await first.stop();
	if (loadErrors.length)
		throw new Error(`n8n reported package load errors: ${loadErrors.join(' ')}`);
	const cold = { with: [] as number[], without: [] as number[] };
	for (let i = 1; i <= coldRuns; i++) {
		const order = i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const);
		for (const which of order)
			cold[which].push(await readyMs(which === 'with' ? withPkg : withoutPkg));
		log(
			`start ${i}/${coldRuns}: with the package ${cold.with.at(-1)} ms, without ${cold.without.at(-1)} ms`,
		);
	}

	// The package's own load: every node and credential file of its package.json, with n8n's
	// modules on the path (as n8n does), in a fresh Node 24, run from the user folder so that
	// `n8n-workflow` resolves to n8n's copy (from the repo it would be the repo's copy).
	const installed = join(withPkg.nodesDir, 'node_modules', basename(packageDir));
	const requireMs: number[] = [];
	for (let i = 1; i <= coldRuns; i++) {
		const result = await runProbe(install.node, 'require-time', [installed], {
			cwd: withPkg.home,
			env: {
				NODE_PATH: `${install.modules}${delimiter}${join(install.modules, 'n8n', 'node_modules')}`,
			},
		});
		if (result.code !== 0) throw new Error(`require time: ${result.output}`);
		requireMs.push(Number(result.stdout.trim()));
	}

	const listing = await runOk('tar', ['-tzvf', tgz]);
	const entries = listing.split('\n').filter(Boolean);
	const unpackedBytes = entries.reduce(
		(sum, line) => sum + Number(line.trim().split(/\s+/)[2] || 0),
		0,
	);
	writeFileSync(
		join(work, 'cold.json'),
		JSON.stringify(
			{
				with: cold.with,
				without: cold.without,
				requireMs,
				tarball: {
					file: basename(tgz),
					bytes: statSync(tgz).size,
					unpackedBytes,
					files: entries.length,
				},
			},
			null,
			2,
		),
	);

	// ---- report ----
	const nodeVersion = (await runOk(install.node, ['--version'])).trim();
	const report = await run(
		TSX,
		[
			join(REPO, 'bench', 'n8n', 'report.ts'),
			join(work, 'workflows.json'),
			join(work, 'cold.json'),
			resultsMd,
			`n8n ${N8N2_VERSION} on Node ${nodeVersion}`,
			latency,
			String(secondsSince(t0)),
		],
		{ cwd: REPO, inherit: true },
	);
	return verdict(missed, report.code === 0 ? 0 : 1);
});
