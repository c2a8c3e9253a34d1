/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A Redis of the suite's own: Debian's redis-server as a plain process (its own process group) on
 * 127.0.0.1, on a free port, with its folder under the caller's temp dir, no persistence.
 * startRedis() returns once the server of OUR process group answers PING on the port (a port taken
 * meanwhile by someone else makes it try another: scripts/lib/n8n/owned-server.ts); stop() ends it.
 */
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { logger } from '../n8n/log';
import { startOwnedServer } from '../n8n/owned-server';
import { freePort, releasePorts } from '../n8n/ports';
import { type Group, spawnGroup, stopGroup } from '../n8n/processes';
import { ensureDebianPackages, findRedisServer, REDIS_PACKAGE } from './debian';

const log = logger('services');

export interface Redis {
	host: string;
	port: number;
	group: Group;
	logFile: string;
	/** Sends one inline command and returns the raw reply (e.g. `+PONG`). */
	command: (line: string) => Promise<string>;
	stop: () => Promise<void>;
}

/** One inline Redis command over a fresh connection; the reply's first line(s) as text. */
export async function redisCommand(port: number, line: string, timeoutMs = 2000): Promise<string> {
	return await new Promise((resolve, reject) => {
		const socket = connect({ host: '127.0.0.1', port });
		let reply = '';
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error('redis: timeout')));
		socket.on('connect', () => socket.write(`${line}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.endsWith('\r\n')) {
				socket.end();
				resolve(reply.trim());
			}
		});
		socket.on('error', reject);
	});
}

export async function startRedis(dir: string): Promise<Redis> {
	ensureDebianPackages([REDIS_PACKAGE]);
	const server = findRedisServer();
	if (!server) throw new Error('redis-server not found');
	mkdirSync(dir, { recursive: true });
	const logFile = join(dir, 'redis.log');
	const { group, ports } = await startOwnedServer({
		what: 'redis',
		logFile,
		timeoutMs: 15_000,
		log,
		choosePorts: async () => ({ port: await freePort() }),
		// The empty string as `save` turns snapshots off; no append-only file either.
		spawn: ({ port }) =>
			spawnGroup(
				'redis-server',
				server,
				[
					'--port',
					String(port),
					'--bind',
					'127.0.0.1',
					'--dir',
					dir,
					'--save',
					'',
					'--appendonly',
					'no',
				],
				{
					logFile,
				},
			),
		ready: async ({ port }) => (await redisCommand(port, 'PING').catch(() => '')) === '+PONG',
	});
	const { port } = ports;
	return {
		host: '127.0.0.1',
		port,
		group,
		logFile,
		command: async (line) => await redisCommand(port, line),
		stop: async () => {
			await stopGroup(group, 5000);
			releasePorts(port);
		},
	};
}
