/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * Queue mode to try by hand: the suite's topology (PostgreSQL, Redis, an n8n 2.41.1 main and two
 * workers, the packed package on each) with the simulator, the examples' data table and the examples imported, until
 * Ctrl-C, which stops and removes everything: `npm run demo -- --queue` (or `npx tsx
 * scripts/queue/demo.ts`). DEMO_N8N_PORT and DEMO_SIM_PORT move the main and the simulator.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	DEFAULT_OWNER,
	logger,
	packRepo,
	removeAtExit,
	REPO,
	runMain,
	startSimulator,
} from '../lib/n8n';
import { importWorkflows, prepareWorkflows } from './scenarios';
import { startQueueTopology } from './topology';

const log = logger('demo');

/** Starts everything and resolves when it is ready (the caller keeps the process alive). */
export async function queueDemo(
	options: { mainPort?: number; simulatorPort?: number } = {},
): Promise<void> {
	const work = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'n8n-queue-demo.'));
	removeAtExit(work);
	const [tgz, sim] = await Promise.all([
		packRepo(REPO, join(work, 'pack')),
		startSimulator({
			logFile: join(work, 'simulator.log'),
			contextPath: '/jira',
			port: options.simulatorPort ?? 8090,
		}),
	]);
	const queue = await startQueueTopology({
		tgz,
		dir: join(work, 'queue'),
		mainPort: options.mainPort ?? 5678,
	});
	const prepared = prepareWorkflows(join(work, 'workflows'), sim.url, sim.url);
	const { manual, trigger, historyTableId } = await importWorkflows(
		queue.main,
		prepared,
		sim.url,
		sim.url,
	);
	const lines = [
		'',
		`n8n in queue mode: ${queue.main.url}   (login ${DEFAULT_OWNER.email} / ${DEFAULT_OWNER.password})`,
		`  workers:      ${queue.workers.map((w) => `${w.url}/healthz (pid ${w.pid})`).join(', ')}`,
		`  PostgreSQL:   127.0.0.1:${queue.postgres.port} (database ${queue.postgres.database}), Redis: 127.0.0.1:${queue.redis.port}`,
		`  simulator:    ${sim.url}`,
		`  workflows:    ${[...manual.map((m) => m.file), trigger.file].join(', ')} ("Execute workflow" runs on a worker)`,
		`  data table:   sso_config_history (id ${historyTableId}, Overview -> Data tables), where the configuration examples keep versions; every Data table node points at it`,
		`  worker logs:  ${join(work, 'queue', 'worker-1.log')}, ...  (each logs "Worker started execution <id>")`,
		'Ctrl-C stops everything and removes its folders.',
	];
	console.log(lines.join('\n'));
}

/** queueDemo(), then runs until Ctrl-C (scripts/lib/n8n/processes.ts stops everything on SIGINT). */
export async function queueDemoUntilStopped(): Promise<never> {
	const port = (name: string) => Number(process.env[name]) || undefined;
	await queueDemo({ mainPort: port('DEMO_N8N_PORT'), simulatorPort: port('DEMO_SIM_PORT') });
	log('running; Ctrl-C to stop');
	return await new Promise<never>(() => {});
}

if (require.main === module) runMain('demo', queueDemoUntilStopped);
