/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A Redis of the suite's own: Debian's redis-server as a plain process on 127.0.0.1, on a free
 * port, with its folder under the caller's temp dir, no persistence. startRedis() returns when it
 * answers PING; stop() ends it.
 */
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

import { ensureDebianPackages, findRedisServer, REDIS_PACKAGE } from './debian';
import { freePort, type ServiceProcess, startProcess, waitUntil } from './process';

export interface Redis {
	host: string;
	port: number;
	process: ServiceProcess;
	/** Sends one inline command and returns the raw reply (e.g. `+PONG`). */
	command: (line: string) => Promise<string>;
	stop: () => Promise<void>;
}

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

export async function startRedis(dir: string, attempts = 3): Promise<Redis> {
	ensureDebianPackages([REDIS_PACKAGE]);
	const server = findRedisServer();
	if (!server) throw new Error('redis-server not found');
	mkdirSync(dir, { recursive: true });
	let lastError: Error | undefined;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		const port = await freePort();
		const redis = startProcess(
			'redis',
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
				'--daemonize',
				'no',
			],
			{ logFile: join(dir, 'redis.log') },
		);
		try {
			// Ready when OUR process answers: a clash on the port makes it exit, and we take another.
			await waitUntil(
				`redis on port ${port}`,
				15_000,
				async () => (await redisCommand(port, 'PING')) === '+PONG',
				redis,
			);
			return {
				host: '127.0.0.1',
				port,
				process: redis,
				command: async (line) => await redisCommand(port, line),
				stop: async () => await redis.stop('SIGTERM', 5000),
			};
		} catch (error) {
			lastError = error as Error;
			await redis.stop('SIGKILL', 1000);
		}
	}
	throw lastError ?? new Error('redis did not start');
}
