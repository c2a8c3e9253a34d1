/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Demo {
	n8nUrl: string;
	simUrl: string;
	email: string;
	password: string;
	stop(): Promise<void>;
}

const REPO = join(__dirname, '..', '..');
const EMAIL = 'demo@example.com';
const PASSWORD = 'Demo-Passw0rd';

/**
 * `npm run demo` in a throw-away user folder (the cached n8n 2.41.1 is reused): a real n8n with the
 * packed package, the simulator, the credential and the examples. BROWSER_N8N_URL and BROWSER_SIM_URL
 * use a demo that is already running instead.
 */
export async function startDemo(log: (line: string) => void): Promise<Demo> {
	const { BROWSER_N8N_URL, BROWSER_SIM_URL } = process.env;
	if (BROWSER_N8N_URL && BROWSER_SIM_URL) {
		return { n8nUrl: BROWSER_N8N_URL, simUrl: BROWSER_SIM_URL, email: EMAIL, password: PASSWORD, stop: async () => {} };
	}
	const dir = mkdtempSync(join(tmpdir(), 'browser-suite-'));
	const logFile = join(dir, 'demo.log');
	const env = {
		...process.env,
		DEMO_HOME: join(dir, 'home'),
		DEMO_N8N_PORT: process.env.BROWSER_N8N_PORT ?? '5691',
		DEMO_SIM_PORT: process.env.BROWSER_SIM_PORT ?? '8191',
		DEMO_EMAIL: EMAIL,
		DEMO_PASSWORD: PASSWORD,
	};
	// Its own process group, like a terminal's job: stopping it stops n8n and the simulator.
	const child: ChildProcess = spawn('bash', ['-c', `exec bash scripts/demo.sh >${JSON.stringify(logFile)} 2>&1`], { cwd: REPO, env, detached: true, stdio: 'ignore' });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		try {
			process.kill(-child.pid!, 'SIGINT');
		} catch {
			// already gone
		}
		await Promise.race([exited, new Promise((r) => setTimeout(r, 30000))]);
		rmSync(dir, { recursive: true, force: true });
	};
	log(`starting the demo (log: ${logFile})`);
	const started = Date.now();
	for (;;) {
		const text = (() => {
			try {
				return readFileSync(logFile, 'utf8');
			} catch {
				return '';
			}
		})();
		const editor = /^ {2}Editor: +(http\S+)/m.exec(text)?.[1];
		const sim = /^ {2}Simulator: +(http\S+)/m.exec(text)?.[1];
		if (editor && sim && text.includes('Stop:  ')) {
			log(`demo ready in ${Math.round((Date.now() - started) / 1000)} s: n8n ${editor}, simulator ${sim}`);
			return { n8nUrl: editor, simUrl: sim, email: EMAIL, password: PASSWORD, stop };
		}
		if (child.exitCode !== null || Date.now() - started > 900_000) {
			await stop();
			throw new Error(`the demo did not start:\n${text.slice(-3000)}`);
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
}
