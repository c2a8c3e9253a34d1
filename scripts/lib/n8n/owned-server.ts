/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error */
/**
 * Starting a server on ports it owns: choose ports, start, wait for readiness over HTTP with a
 * deadline; when the server fails because a port was taken meanwhile (EADDRINUSE), or a port turns
 * out to be answered by a process outside the server's process group, stop it and try again with
 * other ports.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';

import { portOwnedBy, releasePorts } from './ports';
import { running, stopGroup, type Group } from './processes';
import { waitFor, WaitError } from './wait';

export interface OwnedServerOptions<P extends Record<string, number>> {
	/** For messages: "n8n 2.41.1 main", "the simulator". */
	what: string;
	/** Chooses the ports of one attempt (the first attempt may prefer fixed ones). */
	choosePorts: (attempt: number) => Promise<P>;
	/** Starts the server on those ports (in a process group of its own, logging to `logFile`). */
	spawn: (ports: P) => Group;
	/** Ready when this resolves true (polled until the deadline). */
	ready: (ports: P) => Promise<boolean>;
	/** The log the server writes (read for EADDRINUSE after a failed start, and quoted). */
	logFile: string;
	timeoutMs: number;
	/** Pause between readiness probes (default 250 ms). */
	intervalMs?: number;
	attempts?: number;
	log?: (line: string) => void;
}

const PORT_TAKEN =
	/EADDRINUSE|address already in use|port \d+ is already in use|is already in use/i;

function logSince(file: string, offset: number): string {
	if (!existsSync(file)) return '';
	return readFileSync(file, 'utf8').slice(offset);
}

export function tail(text: string, lines = 30): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export async function startOwnedServer<P extends Record<string, number>>(
	options: OwnedServerOptions<P>,
): Promise<{ group: Group; ports: P; readyMs: number; logOffset: number }> {
	const attempts = options.attempts ?? 5;
	for (let attempt = 1; ; attempt++) {
		const ports = await options.choosePorts(attempt);
		const offset = existsSync(options.logFile) ? statSync(options.logFile).size : 0;
		const t0 = Date.now();
		const group = options.spawn(ports);
		let collision = '';
		try {
			await waitFor(
				`${options.what} ready`,
				{
					timeoutMs: options.timeoutMs,
					intervalMs: options.intervalMs ?? 250,
					abort: () =>
						running(group)
							? undefined
							: `it exited (${group.exit?.signal ?? `code ${group.exit?.code}`}) before it was ready`,
				},
				async () => {
					if (!(await options.ready(ports))) return undefined;
					// Ready: but is it our server that answers?
					for (const [name, port] of Object.entries(ports)) {
						if (portOwnedBy(port, group.pid) === 'other') {
							collision = `port ${port} (${name}) is held by another process`;
							return true;
						}
					}
					return running(group) ? true : undefined;
				},
			);
		} catch (error) {
			const text = logSince(options.logFile, offset);
			await stopGroup(group, 5000);
			releasePorts(...Object.values(ports));
			const taken =
				PORT_TAKEN.test(text) ||
				Object.values(ports).some((port) => portOwnedBy(port, group.pid) === 'other');
			if (error instanceof WaitError && error.aborted && taken && attempt < attempts) {
				options.log?.(
					`${options.what}: a port was taken meanwhile (${JSON.stringify(ports)}): again with others`,
				);
				continue;
			}
			throw new Error(`${(error as Error).message} (log: ${options.logFile})\n${tail(text)}`);
		}
		if (collision) {
			await stopGroup(group, 5000);
			if (attempt >= attempts) throw new Error(`${options.what}: ${collision}, ${attempts} times`);
			options.log?.(`${options.what}: ${collision}: again with other ports`);
			continue;
		}
		return { group, ports, readyMs: Date.now() - t0, logOffset: offset };
	}
}
