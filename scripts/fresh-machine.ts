/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
// The README's two commands in a fresh clone (`npm run test:fresh-machine`, CI's one full run): a clone of this
// repository's HEAD in a temporary folder with a fresh, empty home (npm's package cache is shared), then
//   1. `npm test`, to its end: it must pass, with the engine tests, the end-to-end, browser and queue-mode suites;
//   2. `npm run demo`, until the editor answers and its login works; then Ctrl-C, after which
//      nothing it started may be left.
// n8n's provisioned installs (Node 24, n8n 2.41.1 and 1.123.81, about 5 GB) come from this machine's cache when it
// has them, so that CI does not download n8n twice a run; on a new machine the clone provisions them into that
// cache, which is the cold start. FRESH_COLD=1 provisions them into the empty home instead, whatever the machine has.
// Prints the time of each step. FRESH_KEEP=1 keeps the folder for a look.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

import { CACHE, groupAlive, waitFor } from './lib/n8n';

const repo = resolve(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'fresh-machine-'));
const clone = join(work, 'repo');
const home = join(work, 'home');
const started = Date.now();

const cold = process.env.FRESH_COLD === '1';
const log = (line: string) => console.error(`[fresh-machine] ${line}`);
const seconds = (since: number) => `${Math.round((Date.now() - since) / 1000)} s`;

/** The environment of a new user's shell: no npm settings of this run, no project caches. */
function freshEnvironment(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (/^(npm_|NPM_CONFIG_|INIT_CWD$|N8N_|DEMO_|E2E_|XDG_)/.test(name)) continue;
		env[name] = value;
	}
	env.HOME = home;
	env.npm_config_cache = process.env.npm_config_cache ?? join(homedir(), '.npm');
	if (!cold) {
		env.N8N_DC_CACHE = CACHE;
		// The demo's user folder would otherwise be the cache's own (a developer's workflows).
		env.DEMO_HOME = join(home, 'demo');
	}
	env.PATH = (process.env.PATH ?? '')
		.split(delimiter)
		.filter((dir) => !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(dir))
		.join(delimiter);
	return env;
}

/** Runs a command in the clone; its output goes to a log file, our progress lines to the console. */
function run(
	label: string,
	args: string[],
	logFile: string,
): Promise<{ code: number | null; output: string }> {
	const out = createWriteStream(logFile);
	let output = '';
	return new Promise((done) => {
		const child = spawn('npm', args, {
			cwd: clone,
			env: freshEnvironment(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const echo = (chunk: Buffer) => {
			const text = chunk.toString();
			out.write(text);
			output += text;
			for (const line of text.split('\n')) {
				if (
					/^\[(deps|provision|e2e)\]|^\[browser\] (demo ready|coverage)|^(Tests|Test Suites):|^(e2e|browser|queue): \d+ passed/.test(
						line,
					)
				)
					log(`${label}: ${line}`);
			}
		};
		child.stdout.on('data', echo);
		child.stderr.on('data', echo);
		child.on('close', (code) => out.end(() => done({ code, output })));
	});
}

function tail(text: string, lines = 60): string {
	return text.split('\n').slice(-lines).join('\n');
}

async function theTestCommand(): Promise<void> {
	const t0 = Date.now();
	log(
		cold
			? 'npm test in the fresh clone (cold: it installs the dependencies, Node 24 and both n8n versions)...'
			: `npm test in the fresh clone (it installs the dependencies; n8n from ${CACHE}, provisioned there if missing)...`,
	);
	const { code, output } = await run('npm test', ['test'], join(work, 'npm-test.log'));
	const jest = /^Tests:\s+(\d+) passed, (\d+) total/m.exec(output);
	const e2e = /^e2e: (\d+) passed, (\d+) failed/m.exec(output);
	const browser = /^browser: (\d+) passed, (\d+) failed/m.exec(output);
	const queue = /^queue: (\d+) passed, (\d+) failed/m.exec(output);
	const suitesPassed = [e2e, browser, queue].every((suite) => suite && suite[2] === '0');
	if (code !== 0 || !jest || jest[1] !== jest[2] || !suitesPassed) {
		console.error(tail(output));
		throw new Error(
			`npm test failed in the fresh clone (exit ${code}; log: ${join(work, 'npm-test.log')})`,
		);
	}
	log(
		`npm test passed in ${seconds(t0)}: ${jest[1]} engine tests, e2e ${e2e![1]} passed, browser ${browser![1]} passed, queue ${queue![1]} passed`,
	);
}

async function theDemo(): Promise<void> {
	const t0 = Date.now();
	log('npm run demo in the fresh clone...');
	const logFile = join(work, 'demo.log');
	const out = createWriteStream(logFile);
	let output = '';
	// Its own process group, as a terminal's foreground job: Ctrl-C reaches every process in it.
	const demo = spawn('npm', ['run', 'demo'], {
		cwd: clone,
		env: freshEnvironment(),
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const collect = (chunk: Buffer) => {
		out.write(chunk);
		output += chunk.toString();
	};
	demo.stdout.on('data', collect);
	demo.stderr.on('data', collect);
	let exited = false;
	demo.on('exit', () => (exited = true));
	const pgid = demo.pid!;
	try {
		const editor = await waitFor(
			'the demo banner',
			{
				timeoutMs: 15 * 60_000,
				intervalMs: 1000,
				abort: () => (exited ? 'the demo exited before it was ready' : undefined),
			},
			() => /^\s+Editor:\s+(http\S+)/m.exec(output)?.[1],
		).catch((error) => {
			console.error(tail(output));
			throw error;
		});
		const page = await fetch(editor);
		const html = await page.text();
		if (!page.ok || !/<title>n8n/i.test(html))
			throw new Error(`the editor at ${editor} answered ${page.status}, not n8n's page`);
		const email = /Login:\s+(\S+) \/ (\S+)/.exec(output);
		if (!email) throw new Error('the banner prints no login');
		const login = await fetch(`${editor}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: email[1], password: email[2] }),
		});
		const cookie = login.headers.get('set-cookie')?.split(';')[0];
		if (!login.ok || !cookie) throw new Error(`login as ${email[1]} failed: ${login.status}`);
		const workflows = (await (
			await fetch(`${editor}/rest/workflows`, { headers: { cookie } })
		).json()) as {
			data: Array<{ id: string }>;
		};
		const examples = readdirSync(join(clone, 'examples')).filter((f) => f.endsWith('.json')).length;
		const imported = workflows.data.filter((w) => w.id.startsWith('demo-')).length;
		if (imported < examples)
			throw new Error(`the editor shows ${imported} of the ${examples} example workflows`);
		log(
			`demo ready in ${seconds(t0)}: the editor answers at ${editor}, login works, ${imported} examples are there`,
		);
	} finally {
		if (groupAlive(pgid)) process.kill(-pgid, 'SIGINT');
		await waitFor('the demo to stop after Ctrl-C', { timeoutMs: 60_000, intervalMs: 500 }, () =>
			exited ? true : undefined,
		);
		out.end();
	}
	await new Promise((r) => setTimeout(r, 1000));
	const left = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
		.stdout.split('\n')
		.filter((line) => line.includes(clone) || line.includes(home));
	if (left.length > 0) throw new Error(`processes left after Ctrl-C:\n${left.join('\n')}`);
	log('Ctrl-C stopped the demo and everything it started');
}

async function main(): Promise<void> {
	mkdirSync(home);
	const head = spawnSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], {
		encoding: 'utf8',
	}).stdout.trim();
	const cloned = spawnSync('git', ['clone', '--quiet', repo, clone], { stdio: 'inherit' });
	if (cloned.status !== 0) throw new Error('git clone failed');
	log(
		`cloned ${head} (committed work only) into ${clone}; HOME=${home}${cold ? ' (FRESH_COLD: n8n provisioned anew)' : ''}`,
	);
	await theTestCommand();
	await theDemo();
	log(`PASS in ${seconds(started)}`);
}

main()
	.catch((error: Error) => {
		log(`FAIL: ${error.message}`);
		process.exitCode = 1;
	})
	.finally(() => {
		if (process.env.FRESH_KEEP === '1') log(`kept ${work}`);
		else rmSync(work, { recursive: true, force: true });
	});
