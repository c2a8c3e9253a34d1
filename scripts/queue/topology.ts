/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * n8n in queue mode on this machine: a PostgreSQL and a Redis of our own (scripts/lib/services),
 * one n8n main (`n8n start`) and N workers (`n8n worker`), each n8n process with a user folder of
 * its own (as separate containers or hosts would have) and the packed package installed into
 * every one of them (<user folder>/.n8n/nodes: the way n8n 2.41.1 supports community packages in
 * queue mode, see the README's "Queue mode"). Used by the queue-mode suite (scripts/queue/main.ts)
 * and `npm run demo -- --queue`:
 *
 *   const queue = await startQueueTopology({ tgz, dir });
 *   await queue.main.rest.runWorkflow(id, trigger);     // a manual run, executed by a worker
 *   queue.executionsRunBy(queue.workers[0]);            // execution ids that worker ran
 *   await queue.stop();                                  // also done at exit (Ctrl-C included)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import {
	atExit,
	instanceFor,
	logger,
	provisionN8n,
	secondsSince,
	type N8nInstance,
	type N8nProcess,
} from '../lib/n8n';
import { startPostgres, type Postgres } from '../lib/services/postgres';
import { startRedis, type Redis } from '../lib/services/redis';

const log = logger('queue');

export interface QueueTopologyOptions {
	/** The packed package (.tgz) installed on every n8n process. */
	tgz: string;
	/** A folder for everything (databases, user folders, logs); the caller removes it. */
	dir: string;
	/** Number of workers (default 2). */
	workers?: number;
	/** `n8n worker --concurrency` (default 5, n8n's advice for production; the suite uses less). */
	concurrency?: number;
	/** Preferred port of the main (the demo's 5678); a free one otherwise. */
	mainPort?: number;
	/** N8N_LOG_LEVEL of every process (default info: workers log each job they take at info). */
	logLevel?: string;
	/** More environment for every n8n process. */
	env?: Record<string, string>;
	/** Workers (1-based) left WITHOUT the package, to see what users see then (the suite must fail). */
	workersWithoutPackage?: number[];
}

export interface QueueTopology {
	postgres: Postgres;
	redis: Redis;
	main: N8nProcess;
	workers: N8nProcess[];
	/**
	 * The node types the package folder of a process's user folder declares, loaded under n8n's
	 * Node as n8n loads them ([] when that user folder has no package).
	 */
	packageNodeTypes: (process: N8nProcess) => Promise<string[]>;
	/** The environment every n8n process of this topology shares (queue, database, key). */
	sharedEnv: Record<string, string>;
	/**
	 * The ids of the executions a worker took, from that worker's own log: n8n 2.41.1 stores no
	 * worker id with an execution (see executionsRunBy in the README's "Queue mode"); each worker
	 * logs `Worker started execution <id> (job <n>)` when it takes a job from the queue.
	 */
	executionsRunBy: (worker: N8nProcess) => string[];
	/** The worker that ran an execution (by its log), or undefined. */
	workerOf: (executionId: string) => N8nProcess | undefined;
	/** Stops the n8n processes, then Redis and PostgreSQL. Idempotent. */
	stop: () => Promise<void>;
}

const STARTED = /Worker started execution (\d+) \(job [^)]*\)/g;

export function executionsInWorkerLog(text: string): string[] {
	return [...text.matchAll(STARTED)].map((match) => match[1]);
}

export async function startQueueTopology(options: QueueTopologyOptions): Promise<QueueTopology> {
	const t0 = Date.now();
	const workerCount = options.workers ?? 2;
	mkdirSync(options.dir, { recursive: true });
	const install = await provisionN8n();
	const [postgres, redis] = await Promise.all([
		startPostgres(join(options.dir, 'postgres')),
		startRedis(join(options.dir, 'redis')),
	]);
	log(
		`PostgreSQL on 127.0.0.1:${postgres.port}, Redis on 127.0.0.1:${redis.port} (${secondsSince(t0)}s)`,
	);
	let stopped = false;
	const processes: N8nProcess[] = [];
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		await Promise.all(processes.map(async (p) => await p.stop()));
		await Promise.all([redis.stop(), postgres.stop()]);
	};
	atExit(stop);

	const sharedEnv: Record<string, string> = {
		EXECUTIONS_MODE: 'queue',
		// 2.x runs manual executions (the editor's "Execute workflow") on the main unless told
		// otherwise; n8n 3.0 always sends them to workers. The suite's runs must reach the workers.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_DATABASE: postgres.database,
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Every process must decrypt the credentials the main stored.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		...options.env,
	};
	const instance = (name: string): N8nInstance => {
		const home = join(options.dir, name);
		mkdirSync(home, { recursive: true });
		return instanceFor(install, {
			home,
			encryptionKey: sharedEnv.N8N_ENCRYPTION_KEY,
			logLevel: options.logLevel ?? 'info',
			env: sharedEnv,
		});
	};

	// One user folder per process, the package installed into each (in parallel).
	const mainInstance = instance('main');
	const workerInstances = Array.from({ length: workerCount }, (_, i) =>
		instance(`worker-${i + 1}`),
	);
	const skipped = new Set((options.workersWithoutPackage ?? []).map((n) => workerInstances[n - 1]));
	if (skipped.size)
		log(
			`NOT installing the package on worker ${options.workersWithoutPackage?.join(', ')} (asked for)`,
		);
	const withPackage = [mainInstance, ...workerInstances].filter((i) => !skipped.has(i));
	const packageDirs = new Map<N8nInstance, string>();
	await Promise.all(
		withPackage.map(async (i) => packageDirs.set(i, await i.installPackage(options.tgz))),
	);

	// The main first: it creates the database schema the workers read.
	const main = await mainInstance.start({
		port: options.mainPort,
		logFile: join(options.dir, 'main.log'),
	});
	processes.push(main);
	const workers = await Promise.all(
		workerInstances.map(
			async (wi, i) =>
				await wi.start({
					command: 'worker',
					args: [`--concurrency=${options.concurrency ?? 5}`],
					logFile: join(options.dir, `worker-${i + 1}.log`),
				}),
		),
	);
	processes.push(...workers);
	log(`queue mode ready: main at ${main.url}, ${workers.length} workers (${secondsSince(t0)}s)`);

	const executionsRunBy = (worker: N8nProcess) => executionsInWorkerLog(worker.log());
	return {
		postgres,
		redis,
		main,
		workers,
		sharedEnv,
		packageNodeTypes: async (p) => {
			const dir = packageDirs.get(p.instance);
			return dir ? await p.instance.declaredTypes(dir, 'nodes') : [];
		},
		executionsRunBy,
		workerOf: (id) => workers.find((w) => executionsRunBy(w).includes(id)),
		stop,
	};
}
