/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The queue-mode suite (`npm run test:queue`): the packed package in n8n 2.41.1 running in queue
 * mode (PostgreSQL, Redis, one main, two workers: scripts/queue/topology.ts) against the Data
 * Center simulator. It shows that
 *   - every process loads the package, and every example workflow of examples/ with a Manual
 *     Trigger, and an AD Attributes Sync read (outcomes.ts's QUEUE_SCENARIOS), completes when its
 *     executions run on the workers (manual runs are offloaded to them), with the requests the
 *     simulator received (method + path, exact counts), its state after and the output items
 *     checked (scripts/queue/outcomes.ts), and the rows the configuration examples add to n8n's
 *     data table sso_config_history (created by the suite, in PostgreSQL);
 *   - both workers run executions (which worker ran what: read from each worker's own log), and
 *     six saves of examples/clone-refresh-save.json at once add exactly six rows to the table;
 *   - the Atlassian SSO Trigger (examples/sso-watch.json, activated) alerts once per change, not
 *     once per worker: only the main polls, a worker runs each execution the poll starts;
 *   - after one worker is killed (SIGKILL), new executions run on the other.
 * The run counts its checks: one more or less than expected (expectedChecks below) fails it.
 * Output like the e2e suite: `ok - ...` / `not ok - ...` per check, then `queue: N passed, M failed`;
 * exit code 1 when a check failed. Everything it started is stopped and removed at the end, also
 * on Ctrl-C. QUEUE_KEEP=1 keeps the folder (logs, databases); QUEUE_PACKAGE=<tgz> tests that tarball;
 * QUEUE_WORKER_WITHOUT_PACKAGE=2 leaves worker 2 without the package (the suite must then fail).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	logger,
	packRepo,
	removeAtExit,
	REPO,
	runMain,
	secondsSince,
	startSimulator,
	type Execution,
	type N8nProcess,
} from '../lib/n8n';
import type { RecordedRequest, SimulatorState } from '../../test/simulator';
import { exampleFiles, readExample } from '../../test/e2e/prepare-workflows';
import { Checks } from './checks';
import {
	addedRows,
	BEFORE_RUN,
	callCounts,
	EXPECTED_CALLS,
	EXPECTED_ERRORS,
	expectStoredVersions,
	OUTCOMES,
	QUEUE_SCENARIOS,
	type Observed,
	type Row,
} from './outcomes';
import { importWorkflows, prepareWorkflows, runAll, TriggerWatch } from './scenarios';
import { startQueueTopology } from './topology';

const log = logger('queue');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/**
 * The checks a run makes, counted before the summary (a group that stopped early or a workflow
 * that was not found fails the run): the fixed ones (start-up, package, both workers, the killed
 * worker, the trigger) and one per workflow run by hand, i.e. per example of examples/ with a
 * Manual Trigger and per scenario of the suite's own (outcomes.ts).
 */
function expectedChecks(): { count: number; how: string } {
	const FIXED = 5;
	const examples = exampleFiles().filter((file) =>
		readExample(file).nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'),
	).length;
	const own = QUEUE_SCENARIOS.length;
	return {
		count: FIXED + examples + own,
		how: `${FIXED} fixed, ${examples} examples with a Manual Trigger, ${own} own scenario${own === 1 ? '' : 's'}`,
	};
}

async function main(): Promise<number> {
	const t0 = Date.now();
	const work = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'n8n-queue.'));
	if (process.env.QUEUE_KEEP === '1') log(`keeping ${work} (QUEUE_KEEP=1)`);
	else removeAtExit(work);
	const checks = new Checks();

	// The package, and two simulators: one for the workflows run by hand, one watched by the
	// trigger (the runs change SSO settings the trigger would report).
	const [tgz, sim, watched] = await Promise.all([
		process.env.QUEUE_PACKAGE
			? Promise.resolve(process.env.QUEUE_PACKAGE)
			: packRepo(REPO, join(work, 'pack')),
		startSimulator({ logFile: join(work, 'simulator.log'), contextPath: '/jira' }),
		startSimulator({ logFile: join(work, 'simulator-trigger.log'), contextPath: '/jira' }),
	]);
	const queue = await startQueueTopology({
		tgz,
		dir: join(work, 'queue'),
		workers: 2,
		concurrency: 2,
		workersWithoutPackage: process.env.QUEUE_WORKER_WITHOUT_PACKAGE
			? [Number(process.env.QUEUE_WORKER_WITHOUT_PACKAGE)]
			: [],
	});
	const { main: n8nMain, workers } = queue;
	const setupSeconds = secondsSince(t0);

	await checks.run(
		'queue mode: one main and two workers ready on PostgreSQL and Redis of their own',
		async () => {
			const mode = queue.postgres.sql(
				"select count(*) from information_schema.tables where table_name = 'execution_entity'",
			);
			checks.expect(mode.trim() === '1', `n8n's schema in PostgreSQL: ${mode}`);
			checks.expect((await queue.redis.command('PING')) === '+PONG', 'Redis answers');
			checks.expect(n8nMain.alive() && workers.every((w) => w.alive()), 'every n8n process runs');
		},
	);
	await checks.run(
		'the package is in every user folder and loads on the main and both workers (no load error at start-up)',
		async () => {
			// Every node the package declares (package.json "n8n.nodes"), known to the main; n8n adds a
			// "<name>Tool" twin of each node that is usable as an AI tool.
			const declared = readJson<{ n8n: { nodes: string[] } }>(join(REPO, 'package.json')).n8n.nodes
				.length;
			const types = (await n8nMain.rest.nodeTypes()).filter((t) =>
				t.startsWith('n8n-nodes-atlassian-dc-identity.'),
			);
			const nodes = types.filter((t) => !t.endsWith('Tool'));
			checks.expect(
				nodes.length === declared,
				`the main knows ${nodes.length} of the package's ${declared} nodes: ${nodes.join(', ')}`,
			);
			checks.note(`${nodes.length} nodes, ${types.length - nodes.length} AI-tool twins`);
			// A worker has no editor API: the package of its own user folder, loaded under n8n's Node as n8n does.
			for (const [i, worker] of workers.entries()) {
				const workerTypes = await queue.packageNodeTypes(worker);
				checks.expect(
					workerTypes.length === declared,
					`worker-${i + 1}: ${workerTypes.length} of the ${declared} nodes in its ~/.n8n/nodes`,
				);
			}
			for (const p of [n8nMain, ...workers]) {
				const errors = p.packageLoadErrors();
				checks.expect(errors.length === 0, `${p.kind} ${p.pid}: ${errors.join(' | ')}`);
			}
		},
	);

	const prepared = prepareWorkflows(join(work, 'workflows'), sim.url, watched.url);
	const imported = await importWorkflows(n8nMain, prepared, sim.url, watched.url);
	const rows = async () => (await n8nMain.rest.dataTableRows(imported.historyTableId)) as Row[];

	// The trigger runs on its own clock (n8n polls once a minute): activate it now, check it last.
	const watch = new TriggerWatch(n8nMain, watched, imported.trigger, join(work, 'trigger-watch'));
	await watch.start();

	const ran: Array<{ id: string; what: string }> = [];
	const runBy = (id: string): N8nProcess | undefined => queue.workerOf(id);

	/**
	 * The simulator reset (and set up for FILE: BEFORE_RUN), then what the runs did to it: its
	 * requests and its state before and after; and the data table's rows before and after.
	 */
	const observe = async <T>(
		file: string,
		execute: () => Promise<T>,
	): Promise<Omit<Observed, 'execution'> & { result: T }> => {
		await sim.control('POST', 'reset');
		const patch = BEFORE_RUN[file]?.(sim.url);
		if (patch) await sim.control('PATCH', 'state', patch);
		const [before, rowsBefore] = [await sim.control<SimulatorState>('GET', 'state'), await rows()];
		const result = await execute();
		const requests = await sim.control<RecordedRequest[]>('GET', 'requests');
		const [after, rowsAfter] = [await sim.control<SimulatorState>('GET', 'state'), await rows()];
		return { result, requests, before, after, simUrl: sim.url, rowsBefore, rowsAfter };
	};
	/** One run of a workflow by hand, checked on the simulator and in its output (outcomes.ts). */
	const runChecked = async (
		example: (typeof imported.manual)[number],
		prefix = '',
	): Promise<Execution> => {
		const observed = await observe(
			example.file,
			async () => await n8nMain.rest.runAndWait(example.id, example.trigger, 60_000),
		);
		const execution = observed.result;
		const error = execution.data.resultData.error;
		const failure = EXPECTED_ERRORS[example.file];
		if (failure)
			checks.expect(
				execution.status === 'error' &&
					error?.node?.name === failure.node &&
					failure.message.test(String(error?.message)),
				`${prefix}status ${execution.status}, error ${JSON.stringify({ node: error?.node?.name, message: error?.message })}: expected an error of node "${failure.node}" matching ${String(failure.message)}`,
			);
		else
			checks.expect(
				execution.status === 'success',
				`${prefix}status ${execution.status}: ${JSON.stringify(error ?? {})}`,
			);
		const outcome = OUTCOMES[example.file];
		checks.expect(
			outcome !== undefined,
			`${prefix}no expected outcome for ${example.file} in scripts/queue/outcomes.ts`,
		);
		outcome?.({ ...observed, execution }, (condition, message) =>
			checks.expect(condition, `${prefix}${message}`),
		);
		return execution;
	};

	for (const example of imported.manual) {
		const what = example.file.endsWith('.json') ? `example ${example.file}` : example.file;
		await checks.run(
			EXPECTED_ERRORS[example.file]
				? `${what} fails as it must in queue mode (node "${EXPECTED_ERRORS[example.file].node}"), run by a worker; its requests, the simulator's state and its output as expected`
				: `${what} completes in queue mode, run by a worker; its requests, the simulator's state and its output as expected`,
			async () => {
				const execution = await runChecked(example);
				ran.push({ id: execution.id, what: example.file });
				checks.expect(
					runBy(execution.id) !== undefined,
					`execution ${execution.id} was run by no worker`,
				);
			},
		);
	}

	await checks.run(
		"both workers run executions: 6 runs at once, each execution on exactly one worker, the simulator received each run's requests once, the data table holds one new row per run",
		async () => {
			const example = imported.manual[0];
			const observed = await observe(example.file, async () => {
				await sim.control('POST', 'latency', { ms: 400 });
				const executions = await runAll(n8nMain, example, 6);
				await sim.control('POST', 'latency', { ms: 0 });
				return executions;
			});
			const { result: burst, requests } = observed;
			// Each run's requests exactly once: 6 times those of one run, whatever the interleaving.
			const once = EXPECTED_CALLS[example.file]?.() ?? [];
			checks.expect(once.length > 0, `no expected requests for ${example.file} in outcomes.ts`);
			const expected = callCounts(Array.from({ length: 6 }, () => once).flat());
			const received = callCounts(requests.map((r) => `${r.method} ${r.path}`));
			checks.expect(
				JSON.stringify(received) === JSON.stringify(expected),
				`requests received ${JSON.stringify(received)}, expected ${JSON.stringify(expected)}`,
			);
			ran.push(...burst.map((e) => ({ id: e.id, what: 'burst' })));
			checks.expect(
				burst.every((e) => e.status === 'success'),
				`statuses ${burst.map((e) => e.status).join(', ')}`,
			);
			// Each save stored its row once, from whichever worker ran it (PostgreSQL, through n8n).
			const config = observed.before.resolution.configVersions.at(-1);
			expectStoredVersions(addedRows(observed), burst.length, 'clone', config, (ok, message) =>
				checks.expect(ok, message),
			);
			const perWorker = workers.map((w) => queue.executionsRunBy(w));
			for (const { id } of ran) {
				const on = perWorker.filter((ids) => ids.includes(id)).length;
				checks.expect(on === 1, `execution ${id} appears in ${on} worker logs`);
			}
			const counts = workers.map(
				(w, i) =>
					`worker-${i + 1}: ${perWorker[i].filter((id) => ran.some((r) => r.id === id)).length}`,
			);
			checks.expect(
				perWorker.every((ids) => ids.length > 0),
				`executions per worker: ${counts.join(', ')}`,
			);
			checks.note(counts.join(', '));
		},
	);

	await checks.run(
		'a worker killed (SIGKILL): new executions run on the other, with the same requests, state and output',
		async () => {
			const [survivor, victim] = workers;
			await victim.kill();
			checks.expect(!victim.alive(), 'the killed worker still runs');
			for (const example of imported.manual) {
				const execution = await runChecked(example, `${example.file} after the kill: `);
				checks.expect(
					runBy(execution.id) === survivor,
					`${example.file} after the kill: run by ${runBy(execution.id)?.pid ?? 'no worker'}`,
				);
			}
		},
	);

	await checks.run(
		'example sso-watch.json, activated, resolution then taken off the watched instance: one alert per change (not one per worker), every alert names the instance, the trigger only reads, its executions on a worker',
		async () => {
			const result = await watch.finish();
			checks.expect(result.failure === '', `trigger watch: ${result.failure}`);
			// As the e2e suite checks it (test/e2e/run-checks.ts), with one poller for two workers.
			const instance = `[${watched.url}] `;
			const byEvent = (event: string) => result.inbox.filter((a) => a.event === event);
			checks.expect(
				result.inbox.every((a) => a.text.startsWith(instance)),
				`every alert starts with ${instance}: ${JSON.stringify(result.inbox)}`,
			);
			const changed = byEvent('configurationChanged').map((a) => a.text);
			checks.expect(
				changed.length === 1 &&
					changed[0] ===
						`${instance}SSO configuration changed (atlassianSsoSettings):\n- show-login-form changed: true → false`,
				`configuration alerts: ${JSON.stringify(changed)}`,
			);
			const certificates = byEvent('certificateExpiring');
			checks.expect(certificates.length === 1, `certificate alerts: ${certificates.length}`);
			// When the watch took resolution off the instance (test/e2e/trigger-watch.ts), two triggers read
			// resolution's configuration, one its connector 1: each says once that it failed.
			const state = await watched.control<{ installedApps?: string[] }>('GET', 'state');
			const removed = state.installedApps?.includes('resolution') === false;
			const failed = byEvent('sourceFailed').map(
				(a) => a.text.slice(instance.length).split(':')[0],
			);
			const count = (what: string) => failed.filter((f) => f === what).length;
			const config = count('Monitoring of resolutionConfig failed');
			const connector = count('Monitoring of userSyncConnector 1 failed');
			checks.expect(
				removed
					? config >= 1 && config <= 2 && connector <= 1 && failed.length === config + connector
					: failed.length === 0,
				`resolution ${removed ? 'removed' : 'installed'}; sourceFailed alerts: ${JSON.stringify(byEvent('sourceFailed'))}`,
			);
			checks.expect(
				byEvent('userSyncFinished').length === 0 && byEvent('sourceRecovered').length === 0,
				`alerts: ${JSON.stringify(result.inbox)}`,
			);
			const writes = result.requests.filter((r) => r.method !== 'GET');
			checks.expect(
				writes.length === 0,
				`the trigger changed the watched instance: ${JSON.stringify(writes)}`,
			);
			checks.expect(
				result.polls >= 3 && result.pollsPerMinute <= 1,
				`polls of the SSO settings: ${result.polls}, per trigger per minute: ${result.pollsPerMinute}`,
			);
			// The certificate alert, the change (with its trigger's failure), at most one failure of each other trigger.
			const executions = await n8nMain.rest.executions(imported.trigger.id);
			checks.expect(
				executions.length >= 2 &&
					executions.length <= (removed ? 4 : 2) &&
					executions.every((e) => e.status === 'success'),
				`executions: ${JSON.stringify(executions.map((e) => ({ id: e.id, status: e.status })))}`,
			);
			for (const e of executions)
				checks.expect(runBy(e.id) !== undefined, `trigger execution ${e.id} was run by no worker`);
		},
	);

	await queue.stop();
	await Promise.all([sim.stop(), watched.stop()]);

	const expected = expectedChecks();
	const made = checks.ran;
	await checks.run(`made the ${expected.count} checks expected (${expected.how})`, async () => {
		checks.expect(made === expected.count, `expected ${expected.count} checks, ${made} ran`);
	});
	const failed = checks.summary('queue', `setup ${setupSeconds}s, total ${secondsSince(t0)}s`);
	if (failed && process.env.QUEUE_KEEP !== '1')
		log('FAILED: rerun with QUEUE_KEEP=1 to keep the n8n, PostgreSQL and simulator logs');
	return failed ? 1 : 0;
}

runMain('queue', main);
