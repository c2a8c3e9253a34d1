/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * Child processes in process groups of their own (n8n starts a task runner; stopping n8n must
 * stop it too), stopped with SIGTERM and then SIGKILL after a bound, and a cleanup that runs
 * when the script ends: normally, on an uncaught error, or on Ctrl-C / SIGTERM.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';

import { sleep } from './wait';

export interface Group {
	readonly name: string;
	readonly pid: number;
	readonly child: ChildProcess;
	/** Exit code or signal, once the leader exited. */
	exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
	readonly exited: Promise<void>;
}

const groups = new Set<Group>();
const folders = new Set<string>();
type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];

/** Whether any process of process group `pgid` is left. */
export function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// gone already
	}
}

/**
 * Starts `command` as the leader of a new process group (like `setsid`), its stdout and stderr
 * appended to `logFile` (or ignored). The group is stopped by `stopAll()` and killed at exit.
 */
export function spawnGroup(
	name: string,
	command: string,
	args: string[],
	options: {
		cwd?: string;
		env?: NodeJS.ProcessEnv;
		logFile?: string;
		stdio?: SpawnOptions['stdio'];
	},
): Group {
	installExitHandlers();
	const fd = options.logFile ? openSync(options.logFile, 'a') : undefined;
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: options.stdio ?? ['ignore', fd ?? 'ignore', fd ?? 'ignore'],
	});
	if (fd !== undefined) closeSync(fd);
	const group: Group = {
		name,
		pid: child.pid ?? -1,
		child,
		exit: undefined,
		exited: new Promise<void>((resolve) => {
			child.once('exit', (code, signal) => {
				group.exit = { code, signal };
				resolve();
			});
			child.once('error', () => {
				group.exit ??= { code: 127, signal: null };
				resolve();
			});
		}),
	};
	if (group.pid > 0) groups.add(group);
	return group;
}

/** Whether the group's leader still runs. */
export const running = (group: Group): boolean => group.exit === undefined && group.pid > 0;

/**
 * SIGTERM to the whole group; SIGKILL to what is left after `graceMs` (and to the rest of the
 * group, e.g. a task runner, once the leader is gone).
 */
export async function stopGroup(group: Group, graceMs = 20_000): Promise<void> {
	if (group.pid <= 0) return;
	if (groupAlive(group.pid)) {
		signalGroup(group.pid, 'SIGTERM');
		const deadline = Date.now() + graceMs;
		while (groupAlive(group.pid) && running(group) && Date.now() < deadline) await sleep(100);
		signalGroup(group.pid, 'SIGKILL');
	}
	await Promise.race([group.exited, sleep(5000)]);
	groups.delete(group);
}

/** SIGKILL to the whole group at once (a crash, as `kill -9` would). */
export async function killGroup(group: Group): Promise<void> {
	signalGroup(group.pid, 'SIGKILL');
	await Promise.race([group.exited, sleep(5000)]);
	groups.delete(group);
}

/** A folder deleted at exit (after every group is stopped). */
export function removeAtExit(folder: string): void {
	installExitHandlers();
	folders.add(folder);
}

export function keepFolder(folder: string): void {
	folders.delete(folder);
}

/** Runs before the groups are stopped at exit (e.g. copying logs, printing where things are). */
export function atExit(cleanup: Cleanup): void {
	installExitHandlers();
	cleanups.push(cleanup);
}

let cleaning: Promise<void> | undefined;
/** Runs the registered cleanups, stops every group, deletes the folders. Idempotent. */
export async function cleanupAll(): Promise<void> {
	cleaning ??= (async () => {
		for (const cleanup of cleanups.splice(0).reverse()) {
			try {
				await cleanup();
			} catch (error) {
				console.error(`[cleanup] ${(error as Error).message}`);
			}
		}
		await Promise.all([...groups].map(async (group) => await stopGroup(group)));
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
		folders.clear();
	})();
	await cleaning;
}

let installed = false;
function installExitHandlers(): void {
	if (installed) return;
	installed = true;
	// A terminal's Ctrl-C reaches every process of the foreground group: npm, tsx and this script
	// can each pass it on, so the same signal arrives more than once. The first starts the cleanup;
	// the others must not kill us in the middle of it (an unhandled SIGINT would, leaving n8n running).
	const onSignal = (signal: NodeJS.Signals, code: number) => {
		process.on(signal, () => {
			if (cleaning) return;
			void cleanupAll().finally(() => process.exit(code));
		});
	};
	onSignal('SIGINT', 130);
	onSignal('SIGTERM', 143);
	onSignal('SIGHUP', 129);
	// Last resort (process.exit without cleanupAll): nothing may be left running.
	process.once('exit', () => {
		for (const group of groups) signalGroup(group.pid, 'SIGKILL');
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});
}

/**
 * Runs a script's main function: exit code 0 when it resolves, 1 when it throws (message on
 * stderr), cleanup in both cases.
 */
export function runMain(tag: string, main: () => Promise<number | void>): void {
	installExitHandlers();
	main()
		.then(
			(code) => (typeof code === 'number' ? code : 0),
			(error: Error) => {
				console.error(`[${tag}] ERROR: ${error?.message ?? String(error)}`);
				if (process.env.N8N_TOOLCHAIN_DEBUG === '1') console.error(error?.stack);
				return 1;
			},
		)
		.then(async (code) => {
			await cleanupAll();
			process.exit(code);
		});
}

/** Runs a command to its end (in its own group), its output captured; never throws for a non-zero exit. */
export async function run(
	command: string,
	args: string[],
	options: {
		cwd?: string;
		env?: NodeJS.ProcessEnv;
		timeoutMs?: number;
		input?: string;
		/** Copy its stdout and stderr to our stderr as it runs (still captured). */
		echo?: boolean;
		/** Its stdout and stderr go to ours, not captured. */
		inherit?: boolean;
	} = {},
): Promise<{ code: number | null; output: string; stdout: string }> {
	const group = spawnGroup(command, command, args, {
		cwd: options.cwd,
		env: options.env,
		stdio: [
			options.input === undefined ? 'ignore' : 'pipe',
			options.inherit ? 'inherit' : 'pipe',
			options.inherit ? 'inherit' : 'pipe',
		],
	});
	let output = '';
	let stdout = '';
	group.child.stdout?.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		stdout += chunk.toString();
		if (options.echo) process.stderr.write(chunk);
	});
	group.child.stderr?.on('data', (chunk: Buffer) => {
		output += chunk.toString();
		if (options.echo) process.stderr.write(chunk);
	});
	if (options.input !== undefined) group.child.stdin?.end(options.input);
	const timer = options.timeoutMs
		? setTimeout(() => signalGroup(group.pid, 'SIGKILL'), options.timeoutMs)
		: undefined;
	await group.exited;
	if (timer) clearTimeout(timer);
	// What the command left behind in its group (a crashed n8n's task runner) goes with it.
	signalGroup(group.pid, 'SIGKILL');
	groups.delete(group);
	return { code: group.exit?.code ?? null, output, stdout };
}

/** Like `run`, but throws with the output's last lines when the exit code is not 0. */
export async function runOk(
	command: string,
	args: string[],
	options: Parameters<typeof run>[2] = {},
): Promise<string> {
	const result = await run(command, args, options);
	if (result.code !== 0) {
		const tail = result.output.trim().split('\n').slice(-20).join('\n');
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.code}):\n${tail}`);
	}
	return result.stdout;
}
