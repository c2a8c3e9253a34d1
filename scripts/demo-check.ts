/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Checks `npm run demo` the way a user meets it:   tsx scripts/demo-check.ts
 * starts scripts/demo.ts in its own process group (like a terminal's foreground job), waits for its
 * banner, logs in through n8n's REST API with the printed login, checks that the credential and every
 * example workflow are there and wired to it, runs the clone-refresh example as the editor's "Execute
 * workflow" does and checks the requests the simulator received, then sends SIGINT to the group
 * (Ctrl-C) and checks that nothing it started is left. Uses DEMO_HOME=<temp dir> unless DEMO_HOME is
 * set (the cached n8n is reused).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
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
	const ids = (await rest.workflows()).map((w) => w.id);
	for (const id of wanted) {
		if (!ids.includes(id)) throw new Error(`workflow ${id} not imported (have ${ids.join(', ')})`);
		for (const node of (await rest.workflow(id)).nodes.filter((n) =>
			n.type.startsWith('n8n-nodes-atlassian-dc-identity.'),
		)) {
			if (node.credentials?.atlassianDataCenterApi?.id !== credential.id)
				throw new Error(`${id}: node ${node.name} not wired to ${credential.id}`);
		}
	}
	log(`credential and ${wanted.length} workflows present, wired to ${credential.id}`);

	await fetch(`${sim}/__simulator/requests`, { method: 'DELETE' });
	const workflow = await rest.workflow('demo-clone-refresh');
	const execution = await rest.runAndWait(workflow.id, workflow.nodes[0].name, 60_000);
	if (execution.status !== 'success')
		throw new Error(`clone-refresh: execution ${execution.id} ${execution.status}`);
	const requests = (
		(await (await fetch(`${sim}/__simulator/requests`)).json()) as Array<{
			method: string;
			path: string;
			status: number;
		}>
	).map((r) => `${r.method} ${r.path} ${r.status}`);
	for (const expected of [
		'GET /rest/samlsso-admin/1.0/config 200',
		'PUT /rest/samlsso-admin/1.0/config 200',
		'POST /rest/samlsso-admin/1.0/reset/entityid 204',
	]) {
		if (!requests.includes(expected))
			throw new Error(`the simulator did not receive ${expected}: ${requests.join('; ')}`);
	}
	log(`clone-refresh ran: ${execution.status}; the simulator received ${requests.join('; ')}`);

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
		'PASS: demo started, examples and credential in place, an example ran, Ctrl-C stopped everything',
	);
});
