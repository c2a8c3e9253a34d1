/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Checks `npm run demo` the way a user meets it:   tsx scripts/demo-check.ts
 * starts scripts/demo.ts in its own process group (like a terminal's foreground job), waits for its
 * banner, logs in through n8n's REST API with the printed login, checks that the credential, the data
 * table sso_config_history and every example workflow are there and wired to them, follows the
 * banner's clone refresh (the clone's own entity ID set in the simulator; clone-refresh-save run as
 * the editor's "Execute workflow" does; the simulator reset, as a refresh copies production's;
 * clone-refresh run) and checks each run's status, the requests the simulator received and the rows
 * the table gained, then sends SIGINT to the group
 * (Ctrl-C) and checks that nothing it started is left. Uses DEMO_HOME=<temp dir> unless DEMO_HOME is
 * set (the cached n8n is reused).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	CONFIG_HISTORY_TABLE,
	ensureConfigHistoryTable,
	groupAlive,
	logger,
	n8nInstall,
	N8nRest,
	REPO,
	removeAtExit,
	runMain,
	spawnGroup,
	waitFor,
} from './lib/n8n';
import { portFree } from './lib/n8n/ports';

const log = logger('demo-check');

runMain('demo-check', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'demo-check.'));
	if (process.env.DEMO_CHECK_KEEP !== '1') removeAtExit(dir);
	const email = 'demo@example.com';
	const password = 'Demo-Passw0rd';
	const logFile = join(dir, 'demo.log');
	const demo = spawnGroup('demo', join(REPO, 'node_modules', '.bin', 'tsx'), ['scripts/demo.ts'], {
		cwd: REPO,
		env: {
			...process.env,
			DEMO_HOME: process.env.DEMO_HOME || join(dir, 'home'),
			DEMO_EMAIL: email,
			DEMO_PASSWORD: password,
		},
		logFile,
	});
	const text = () => readFileSync(logFile, 'utf8');
	const [url, sim] = await waitFor(
		'the demo banner',
		{
			timeoutMs: 900_000,
			intervalMs: 1000,
			abort: () => (demo.exit ? `the demo exited:\n${text().slice(-3000)}` : undefined),
		},
		() => {
			const editor = /^ {2}Editor: +(http\S+)/m.exec(text())?.[1];
			const simulator = /^ {2}Simulator: +(http\S+)/m.exec(text())?.[1];
			return editor && simulator && text().includes('Stop:  ') ? [editor, simulator] : undefined;
		},
	);
	log(`demo ready: n8n ${url}, simulator ${sim}`);

	const install = n8nInstall();
	const flatted = createRequire(join(install.modules, 'n8n', 'package.json'))('flatted') as {
		parse: (t: string) => unknown;
	};
	const rest = new N8nRest(url, { major: install.major, parseFlatted: flatted.parse });
	await rest.login({ email, password });
	const credential = (await rest.credentials()).find(
		(c) => c.name === 'Atlassian Data Center' && c.type === 'atlassianDataCenterApi',
	);
	if (!credential)
		throw new Error('no credential "Atlassian Data Center" of type atlassianDataCenterApi');
	const wanted = readdirSync(join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => `demo-${f.replace(/\.json$/, '')}`);
	// The demo made the table (the same call finds it); every Data table node must point at it.
	const tableId = await ensureConfigHistoryTable(rest);
	const ids = (await rest.workflows()).map((w) => w.id);
	let tableNodes = 0;
	for (const id of wanted) {
		if (!ids.includes(id)) throw new Error(`workflow ${id} not imported (have ${ids.join(', ')})`);
		const { nodes } = await rest.workflow(id);
		for (const node of nodes.filter((n) => n.type.startsWith('n8n-nodes-atlassian-dc-identity.'))) {
			if (node.credentials?.atlassianDataCenterApi?.id !== credential.id)
				throw new Error(`${id}: node ${node.name} not wired to ${credential.id}`);
		}
		for (const node of nodes.filter((n) => n.type === 'n8n-nodes-base.dataTable')) {
			const table = (node.parameters as { dataTableId?: { value?: unknown } }).dataTableId;
			if (table?.value !== tableId)
				throw new Error(`${id}: node ${node.name} not wired to the data table ${tableId}`);
			tableNodes++;
		}
	}
	if (!tableNodes) throw new Error('no example has a Data table node');
	log(
		`credential, data table ${CONFIG_HISTORY_TABLE.name} (${tableId}) and ${wanted.length} workflows present, wired to ${credential.id} and ${tableNodes} Data table nodes to the table`,
	);

	const control = async (method: string, action: string, body?: unknown) =>
		await fetch(`${sim}/__simulator/${action}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	/** One example run as the editor's "Execute workflow" does: its status and the requests it sent. */
	const runExample = async (name: string) => {
		await control('DELETE', 'requests');
		const rowsBefore = (await rest.dataTableRows(tableId)).length;
		const workflow = await rest.workflow(`demo-${name}`);
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
		if (!trigger) throw new Error(`${name}: no Manual Trigger`);
		const execution = await rest.runAndWait(workflow.id, trigger.name, 60_000);
		if (execution.status !== 'success')
			throw new Error(
				`${name}: execution ${execution.id} ${execution.status} (${JSON.stringify(execution.data.resultData.error?.message ?? '')})`,
			);
		const requests = (
			(await (await control('GET', 'requests')).json()) as Array<{
				method: string;
				path: string;
				status: number;
			}>
		).map((r) => `${r.method} ${r.path} ${r.status}`);
		const added = (await rest.dataTableRows(tableId)).slice(rowsBefore);
		log(
			`${name} ran: ${execution.status}; the simulator received ${requests.join('; ')}; rows added: ${added.map((r) => String(r.kind)).join(', ')}`,
		);
		return { execution, requests, added };
	};
	const expectRun = (
		name: string,
		run: Awaited<ReturnType<typeof runExample>>,
		requests: string[],
		kinds: string[],
	) => {
		if (JSON.stringify(run.requests) !== JSON.stringify(requests))
			throw new Error(
				`${name}: the simulator received ${run.requests.join('; ')}, expected ${requests.join('; ')}`,
			);
		const added = run.added.map((r) => String(r.kind));
		if (JSON.stringify(added) !== JSON.stringify(kinds))
			throw new Error(`${name}: rows added ${added.join(', ')}, expected ${kinds.join(', ')}`);
	};

	// The banner's clone refresh: 1. the clone's own entity ID (the sample data's is production's).
	const patched = await control('PATCH', 'state', [
		{
			op: 'replace',
			path: '/resolution/configVersions/1/entityId',
			value: `${sim}/plugins/servlet/samlsso`,
		},
	]);
	if (!patched.ok) throw new Error(`PATCH ${sim}/__simulator/state: HTTP ${patched.status}`);
	// 2. the save before the refresh.
	const config = '/rest/samlsso-admin/1.0/config';
	expectRun(
		'clone-refresh-save',
		await runExample('clone-refresh-save'),
		[`GET ${config} 200`],
		['clone'],
	);
	// 3. the refresh (production's configuration again: the simulator's sample data), 4. the upload.
	await control('POST', 'reset');
	const refresh = await runExample('clone-refresh');
	expectRun(
		'clone-refresh',
		refresh,
		[
			`GET ${config} 200`,
			`PUT ${config} 200`,
			`GET ${config} 200`,
			'POST /rest/samlsso-admin/1.0/reset/entityid 204',
			`GET ${config} 200`,
			`GET ${config} 200`,
		],
		['before clone refresh'],
	);
	if (!refresh.execution.data.resultData.runData['Clone Refreshed'])
		throw new Error('clone-refresh: its last node "Clone Refreshed" did not run');

	// Every process group the demo made: its own, n8n's, the simulator's (from the demo's log lines).
	const pids = [...text().matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1]));
	log(`Ctrl-C (SIGINT to the demo's process group; groups ${[demo.pid, ...pids].join(', ')})`);
	process.kill(-demo.pid, 'SIGINT');
	await waitFor('the demo to stop after SIGINT', { timeoutMs: 30_000 }, () =>
		demo.exit ? true : undefined,
	);
	if (!text().includes('stopped.')) throw new Error('the demo did not report stopping');
	const left = [demo.pid, ...pids].filter(groupAlive);
	if (left.length) throw new Error(`process groups left after Ctrl-C: ${left.join(', ')}`);
	for (const u of [url, sim])
		if (!(await portFree(Number(new URL(u).port))))
			throw new Error(`something still listens at ${u}`);
	log(
		'PASS: demo started, examples, credential and data table in place, the clone refresh (save, then refresh) ran, Ctrl-C stopped everything',
	);
});
