/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Demo {
	n8nUrl: string;
	simUrl: string;
	email: string;
	password: string;
	/** Stops n8n and the simulator (Ctrl-C of the demo) and answers whether everything it started is gone. */
	stop(): Promise<boolean>;
}

const REPO = join(__dirname, '..', '..');
const EMAIL = 'demo@example.com';
const PASSWORD = 'Demo-Passw0rd';

/** Free loopback ports, held together so that they differ, then released for the demo to take. */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(
		Array.from({ length: count }, async () => {
			const server = createServer();
			await new Promise<void>((resolve, reject) =>
				server.once('error', reject).listen(0, '127.0.0.1', resolve),
			);
			return server;
		}),
	);
	const ports = servers.map((s) => (s.address() as { port: number }).port);
	await Promise.all(servers.map(async (s) => await new Promise((resolve) => s.close(resolve))));
	return ports;
}

/** Whether something still listens on a loopback port. */
export async function listening(port: number): Promise<boolean> {
	const server = createServer();
	return await new Promise<boolean>((resolve) => {
		server.once('error', () => resolve(true));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
	});
}

const exitedWithin = async (exited: Promise<void>, ms: number) =>
	await Promise.race([
		exited.then(() => true),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
	]);

/**
 * `npm run demo` in a throw-away user folder on free ports of its own (the cached n8n 2.41.1 is
 * reused): a real n8n with the packed package, the simulator, the credential and the examples.
 * BROWSER_N8N_URL and BROWSER_SIM_URL use a demo that is already running instead.
 */
export async function startDemo(
	log: (line: string) => void,
	startLimitMs: number,
	onSpawn: (stop: () => Promise<boolean>) => void,
): Promise<Demo> {
	const { BROWSER_N8N_URL, BROWSER_SIM_URL } = process.env;
	if (BROWSER_N8N_URL && BROWSER_SIM_URL) {
		return {
			n8nUrl: BROWSER_N8N_URL,
			simUrl: BROWSER_SIM_URL,
			email: EMAIL,
			password: PASSWORD,
			stop: async () => true,
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'browser-suite-'));
	const logFile = join(dir, 'demo.log');
	const [n8nPort, simPort] = await freePorts(2);
	const env = {
		...process.env,
		DEMO_HOME: join(dir, 'home'),
		DEMO_N8N_PORT: String(n8nPort),
		DEMO_SIM_PORT: String(simPort),
		DEMO_EMAIL: EMAIL,
		DEMO_PASSWORD: PASSWORD,
		DEMO_AD_USERS: '200',
	};
	// `npm run demo` without its dependency check (scripts/demo.ts), in its own process group, like a
	// terminal's job: Ctrl-C of the group stops n8n and the simulator.
	const out = openSync(logFile, 'a');
	const child: ChildProcess = spawn(
		join(REPO, 'node_modules', '.bin', 'tsx'),
		['scripts/demo.ts'],
		{
			cwd: REPO,
			env,
			detached: true,
			stdio: ['ignore', out, out],
		},
	);
	closeSync(out);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let stopped: Promise<boolean> | undefined;
	const signal = (name: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, name);
		} catch {
			// already gone
		}
	};
	const readLog = () => {
		try {
			return readFileSync(logFile, 'utf8');
		} catch {
			return '';
		}
	};
	const stop = async () =>
		(stopped ??= (async () => {
			if (child.exitCode === null && child.signalCode === null) {
				signal('SIGINT');
				if (!(await exitedWithin(exited, 60_000))) {
					log('the demo did not stop within 60 s of Ctrl-C: TERM');
					signal('SIGTERM');
					if (!(await exitedWithin(exited, 20_000))) signal('SIGKILL');
				}
			}
			const left = [];
			for (const port of [n8nPort, simPort]) if (await listening(port)) left.push(port);
			if (left.length)
				log(`still listening after the demo stopped: ports ${left.join(', ')} (log: ${logFile})`);
			else rmSync(dir, { recursive: true, force: true });
			return left.length === 0;
		})());
	onSpawn(stop);
	log(`starting the demo: n8n on port ${n8nPort}, simulator on port ${simPort} (log: ${logFile})`);
	const started = Date.now();
	for (;;) {
		const text = readLog();
		const editor = /^ {2}Editor: +(http\S+)/m.exec(text)?.[1];
		const sim = /^ {2}Simulator: +(http\S+)/m.exec(text)?.[1];
		if (editor && sim && text.includes('Stop:  ')) {
			log(
				`demo ready in ${Math.round((Date.now() - started) / 1000)} s: n8n ${editor}, simulator ${sim}`,
			);
			return { n8nUrl: editor, simUrl: sim, email: EMAIL, password: PASSWORD, stop };
		}
		if (
			child.exitCode !== null ||
			child.signalCode !== null ||
			Date.now() - started > startLimitMs
		) {
			await stop();
			throw new Error(
				`the demo did not start within ${Math.round(startLimitMs / 1000)} s:\n${readLog().slice(-3000)}`,
			);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
}
