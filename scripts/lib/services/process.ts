/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
/**
 * A server process the suite owns (Redis, PostgreSQL): started in its own process group with its
 * output in a log file, stopped by signalling the whole group (SIGKILL after a grace period), and
 * killed when this process exits, whatever the reason, so nothing is left behind.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const owned = new Set<ServiceProcess>();
let exitHookInstalled = false;

/** Last resort: a synchronous SIGKILL to every group still running when node exits. */
function installExitHook(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const service of owned) service.kill('SIGKILL');
	});
}

export class ServiceProcess {
	readonly exited: Promise<number | null>;
	private exitCode: number | null | undefined;

	constructor(
		readonly name: string,
		readonly pid: number,
		readonly logFile: string,
		exited: Promise<number | null>,
	) {
		this.exited = exited.then((code) => {
			this.exitCode = code;
			owned.delete(this);
			return code;
		});
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	/** The end of its log (for error messages). */
	logTail(lines = 30): string {
		try {
			return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
		} catch {
			return '';
		}
	}

	/** Signals the process group (no-op once it exited). */
	kill(signal: NodeJS.Signals): void {
		if (!this.running) return;
		try {
			process.kill(-this.pid, signal);
		} catch {
			// already gone
		}
	}

	/** Signals the group and waits for the leader to exit; SIGKILL after graceMs. */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
		if (!this.running) return;
		this.kill(signal);
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<'timeout'>((resolve) => {
			timer = setTimeout(() => resolve('timeout'), graceMs);
		});
		const result = await Promise.race([this.exited, timeout]);
		clearTimeout(timer);
		if (result === 'timeout') {
			this.kill('SIGKILL');
			await this.exited;
		}
		// Children that outlived the leader (same group) go too.
		try {
			process.kill(-this.pid, 'SIGKILL');
		} catch {
			// none left
		}
	}
}

export function startProcess(
	name: string,
	command: string,
	args: string[],
	options: { logFile: string; cwd?: string; env?: NodeJS.ProcessEnv },
): ServiceProcess {
	installExitHook();
	const fd = openSync(options.logFile, 'a');
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', fd, fd],
	});
	closeSync(fd);
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
		child.on('error', () => resolve(127));
	});
	if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
	const service = new ServiceProcess(name, child.pid, options.logFile, exited);
	owned.add(service);
	return service;
}

/** A loopback port free right now (the caller starts its server on it and retries on a clash). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Polls probe until it returns true; throws after deadlineMs or when the process exited. */
export async function waitUntil(
	what: string,
	deadlineMs: number,
	probe: () => Promise<boolean>,
	service?: ServiceProcess,
): Promise<void> {
	const until = Date.now() + deadlineMs;
	for (;;) {
		if (await probe().catch(() => false)) return;
		if (service && !service.running)
			throw new Error(`${what}: ${service.name} exited\n${service.logTail()}`);
		if (Date.now() > until)
			throw new Error(
				`${what}: not ready after ${Math.round(deadlineMs / 1000)} s\n${service?.logTail() ?? ''}`,
			);
		await sleep(200);
	}
}
