/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The Data Center simulator (test/simulator/main.ts) in a process and process group of its own,
 * on a loopback port it owns, and its control endpoints (/__simulator/...).
 */
import { join } from 'node:path';

import { logger, secondsSince } from './log';
import { pickPort, releasePorts } from './ports';
import { spawnGroup, stopGroup, type Group } from './processes';
import { startOwnedServer } from './owned-server';
import { answers } from './wait';

const REPO = join(__dirname, '..', '..', '..');
const log = logger('simulator');

export interface SimulatorProcess {
	/** Base URL with the context path, e.g. http://127.0.0.1:41234/jira */
	url: string;
	port: number;
	group: Group;
	logFile: string;
	/** A control endpoint: `control('POST', 'reset')`, `control('PATCH', 'state', patch)`; the parsed answer. */
	control<T = unknown>(method: string, action: string, body?: unknown): Promise<T>;
	stop(): Promise<void>;
}

export interface SimulatorOptions {
	logFile: string;
	/** Preferred port (taken when free, e.g. the demo's 8090); else a free one. */
	port?: number;
	contextPath?: string;
	product?: 'jira' | 'confluence' | 'bitbucket';
	/** More flags of test/simulator/main.ts, e.g. ['--ad-users', '1200', '--latency-ms', '20']. */
	args?: string[];
	timeoutMs?: number;
}

export async function startSimulator(options: SimulatorOptions): Promise<SimulatorProcess> {
	const t0 = Date.now();
	const contextPath = options.contextPath ?? '';
	const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
	const { group, ports } = await startOwnedServer({
		what: 'the simulator',
		logFile: options.logFile,
		timeoutMs: options.timeoutMs ?? 60_000,
		log,
		choosePorts: async (attempt) => ({
			port: await pickPort(attempt === 1 ? options.port : undefined),
		}),
		spawn: ({ port }) =>
			spawnGroup(
				'simulator',
				tsx,
				[
					'test/simulator/main.ts',
					'--port',
					String(port),
					'--context-path',
					contextPath,
					'--product',
					options.product ?? 'jira',
					...(options.args ?? []),
				],
				{
					cwd: REPO,
					env: process.env,
					logFile: options.logFile,
				},
			),
		ready: async ({ port }) =>
			await answers(`http://127.0.0.1:${port}${contextPath}/__simulator/state`),
	});
	const url = `http://127.0.0.1:${ports.port}${contextPath}`;
	log(`at ${url} (pid ${group.pid}, ${secondsSince(t0)}s)`);
	return {
		url,
		port: ports.port,
		group,
		logFile: options.logFile,
		async control<T>(method: string, action: string, body?: unknown): Promise<T> {
			const response = await fetch(`${url}/__simulator/${action}`, {
				method,
				headers: body === undefined ? {} : { 'content-type': 'application/json' },
				body:
					body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok)
				throw new Error(`simulator ${method} ${action}: ${response.status} ${text.slice(0, 200)}`);
			return (text ? JSON.parse(text) : undefined) as T;
		},
		async stop() {
			await stopGroup(group, 10_000);
			releasePorts(ports.port);
		},
	};
}
