/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * npm run demo: a real n8n 2.41.1 with this package installed the way users install community
 * nodes, the Data Center simulator with its sample data, an owner, an "Atlassian Data Center"
 * credential pointing at the simulator, the data table sso_config_history the configuration examples
 * keep their versions in, and every workflow of examples/ imported and wired to both.
 * Ctrl-C stops it all. `npm run demo -- --queue`: the same in queue mode (scripts/queue/demo.ts).
 *
 * `npm run demo` installs the dependencies first when needed. The first start provisions Node 24
 * and n8n into ~/.cache/n8n-nodes-atlassian-dc-identity (about 5 minutes, once). The n8n user
 * folder is kept in <cache>/demo (your own workflows survive a restart); the package and the
 * examples are installed and imported again at every start.
 *
 * Environment: DEMO_N8N_PORT (default 5678, or a free port when taken), DEMO_SIM_PORT (default
 * 8090, idem), DEMO_HOME (default <cache>/demo), DEMO_EMAIL / DEMO_PASSWORD (the owner login),
 * DEMO_AD_USERS (simulator's AD Attributes Sync directory size, default 1200), DEMO_LATENCY_MS
 * (default 0).
 */
import { randomBytes } from 'node:crypto';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';

import {
	atExit,
	CACHE,
	CONFIG_HISTORY_TABLE,
	ensureConfigHistoryTable,
	instanceFor,
	lockFile,
	logger,
	N8N2_VERSION,
	packageName,
	packRepo,
	provisionN8n,
	REPO,
	runMain,
	secondsSince,
	sleep,
	startSimulator,
	type N8nProcess,
	type SimulatorProcess,
	type WorkflowInput,
	withDataTable,
} from './lib/n8n';
import { queueDemoUntilStopped } from './queue/demo';

const log = logger('demo');

/** The examples, each with a stable id from its file name ("demo-clone-refresh"), so a restart replaces them. */
function examples(): WorkflowInput[] {
	const dir = join(REPO, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const workflow = JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkflowInput;
			return { ...workflow, id: `demo-${basename(f, '.json')}`.slice(0, 36), active: false };
		});
}

function banner(o: {
	seconds: number;
	url: string;
	email: string;
	password: string;
	credentialId: string;
	tableId: string;
	workflows: Array<{ id: string; name: string }>;
	sim: string;
	home: string;
}): string {
	const workflows = o.workflows
		.map((w) => `               ${w.name}\n                 ${o.url}/workflow/${w.id}`)
		.join('\n');
	const table = CONFIG_HISTORY_TABLE.name;
	const cloneEntityId = JSON.stringify([
		{
			op: 'replace',
			path: '/resolution/configVersions/1/entityId',
			value: `${o.sim}/plugins/servlet/samlsso`,
		},
	]);
	return `
  ============================================================================
  n8n ${N8N2_VERSION} with n8n-nodes-atlassian-dc-identity is ready (started in ${o.seconds} s)

  Editor:      ${o.url}   <- open this in a browser
  Login:       ${o.email} / ${o.password}
  Credential:  "Atlassian Data Center" (Atlassian Data Center API, id ${o.credentialId})
               -> the simulator, Basic auth admin / admin-password
  Data table:  "${table}" (id ${o.tableId}; Overview -> Data tables), where the
               configuration examples keep their versions; their Data table nodes
               point at it (in your own n8n: create it, columns ${CONFIG_HISTORY_TABLE.columns.join(', ')})
  Workflows:   (Overview -> open one -> Execute workflow)
${workflows}

  Try the trigger (examples/sso-watch.json, "Atlassian SSO watch"):
               1. open ${o.url}/workflow/demo-sso-watch and publish it (activate it);
                  its first poll records a baseline, and alerts once for the ADFS
                  certificate of the sample data (it expires in 19 days)
               2. change a setting in the simulator, e.g. hide the login form:
                  curl -X PATCH -H 'Content-Type: application/json' \\
                    -d '[{"op":"replace","path":"/authconfig/sso/show-login-form","value":false}]' \\
                    ${o.sim}/__simulator/state
                  (or run Atlassian DC SSO -> SSO Settings -> Update in a workflow)
               3. within a minute (it polls every minute) one execution appears
                  (Executions tab): its "Send Alert" node holds one alert,
                  "SSO configuration changed (atlassianSsoSettings):
                   - show-login-form changed: true -> false"; later polls stay silent.
               "Fetch Test Event" on a trigger shows a real sample and moves nothing.

  Try the clone refresh (examples/clone-refresh-save.json, then clone-refresh.json):
               1. make the simulator a clone with its own configuration (the sample
                  data's entity ID is production's):
                  curl -X PATCH -H 'Content-Type: application/json' \\
                    -d '${cloneEntityId}' \\
                    ${o.sim}/__simulator/state
               2. run ${o.url}/workflow/demo-clone-refresh-save : a row of kind
                  "clone" appears in the data table ${table}
               3. the refresh copies production's configuration over the clone's:
                  curl -X POST ${o.sim}/__simulator/reset   (all sample data anew)
               4. run ${o.url}/workflow/demo-clone-refresh : production's copy is kept
                  in ${table} (kind "before clone refresh"), the saved one uploaded,
                  the entity ID reset, and "Clone Refreshed" says Compare found it identical.
               Run without a saved row, it stops at "Fail: Nothing Saved" and changes nothing.
               examples/sso-config-history.json keeps a daily version (kind "daily");
               to restore one, copy its hash into "Version to Restore".

  Simulator:   ${o.sim}  (not the editor: the Jira Data Center stand-in the nodes call,
               with the four apps and sample data)
               users: admin / admin-password (sysadmin), user / user-password
               recorded requests: ${o.sim}/__simulator/requests
  Logs:        ${o.home}/n8n.log, ${o.home}/simulator.log
  User folder: ${o.home} (kept; delete it to start from scratch)

  Stop:        Ctrl-C (stops n8n and the simulator)
  ============================================================================
`;
}

async function singleDemo(): Promise<number> {
	const t0 = Date.now();
	const email = process.env.DEMO_EMAIL || 'demo@example.com';
	const password = process.env.DEMO_PASSWORD || 'Demo-Passw0rd';
	if (!existsSync(join(REPO, 'node_modules')))
		throw new Error("node_modules is missing: start the demo with 'npm run demo'");

	// 1. Node 24 + n8n 2.41.1, cached outside the repo.
	const install = await provisionN8n(N8N2_VERSION);

	// 2. The user folder, with a stable encryption key (the folder keeps its database and
	//    credentials between starts) and one demo at a time.
	const home = process.env.DEMO_HOME || join(CACHE, 'demo');
	mkdirSync(join(home, '.n8n'), { recursive: true });
	const lock = await lockFile(join(home, '.demo.lock'), { wait: false });
	if (!lock)
		throw new Error(`another demo is running on ${home} (stop it first, or set DEMO_HOME)`);
	const keyFile = join(home, '.demo-encryption-key');
	if (!existsSync(keyFile) || !readFileSync(keyFile, 'utf8').trim())
		writeFileSync(keyFile, `${randomBytes(24).toString('hex')}\n`);
	chmodSync(keyFile, 0o600);
	const instance = instanceFor(install, {
		home,
		keep: true,
		encryptionKey: readFileSync(keyFile, 'utf8').trim(),
		owner: { email, password, firstName: 'Demo', lastName: 'Owner' },
		logLevel: process.env.N8NI_LOG_LEVEL || 'info',
	});

	// What runs, for the stop at exit (Ctrl-C).
	const started: { sim?: SimulatorProcess; main?: N8nProcess; stopping?: boolean } = {};
	atExit(async () => {
		started.stopping = true;
		if (!started.sim && !started.main) return;
		log('stopping n8n and the simulator...');
		await Promise.all([started.main?.stop(), started.sim?.stop()]);
		lock.release();
		log('stopped.');
	});

	// 3. Build, pack, and install the tarball into <user folder>/.n8n/nodes.
	const packDir = join(home, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	const tgz = await packRepo(REPO, packDir);
	const packageDir = await instance.installPackage(tgz);

	// 4. The simulator with its sample data.
	log('starting the Data Center simulator (the API the nodes call; the editor comes later)');
	writeFileSync(join(home, 'simulator.log'), '');
	const sim = await startSimulator({
		logFile: join(home, 'simulator.log'),
		port: Number(process.env.DEMO_SIM_PORT || 8090),
		args: [
			'--ad-users',
			process.env.DEMO_AD_USERS || '1200',
			'--latency-ms',
			process.env.DEMO_LATENCY_MS || '0',
		],
	});
	started.sim = sim;

	// 5. n8n itself; it must know every node type of the package.
	writeFileSync(join(home, 'n8n.log'), '');
	const main = await instance.start({
		port: Number(process.env.DEMO_N8N_PORT || 5678),
		timeoutMs: 180_000,
	});
	started.main = main;
	const wanted = await instance.declaredTypes(packageDir, 'nodes');
	const known = await main.rest.nodeTypes();
	const missing = wanted.filter((t) => !known.includes(t));
	const loadErrors = main.packageLoadErrors();
	if (missing.length || loadErrors.length) {
		console.error(loadErrors.join('\n'));
		throw new Error(
			`n8n did not load the package${missing.length ? ` (unknown: ${missing.join(', ')})` : ''} (log: ${main.logFile})`,
		);
	}
	log(`n8n knows: ${wanted.join(' ')}`);

	// 6. The credential (the one the examples reference) and the examples, through the REST API.
	const credentialId = await main.rest.saveCredential({
		name: 'Atlassian Data Center',
		type: 'atlassianDataCenterApi',
		data: {
			baseUrl: sim.url,
			authentication: 'basicAuth',
			username: 'admin',
			password: 'admin-password',
		},
	});
	// The data table the configuration examples keep their versions in (kept with the user folder),
	// and every example's Data table nodes pointing at it, so that they run without editing.
	const tableId = await ensureConfigHistoryTable(main.rest);
	const imported = [];
	for (const workflow of examples())
		imported.push(
			await main.rest.importWorkflow(withDataTable(workflow, tableId), {
				'dc-credential': credentialId,
			}),
		);
	log(
		`credential ${credentialId}, data table ${CONFIG_HISTORY_TABLE.name} (${tableId}) and ${imported.length} example workflows in place (${packageName()})`,
	);

	console.log(
		banner({
			seconds: secondsSince(t0),
			url: main.url,
			email,
			password,
			credentialId,
			tableId,
			workflows: imported,
			sim: sim.url,
			home,
		}),
	);

	// Run until Ctrl-C, or until n8n or the simulator stops by itself.
	while (main.alive() && sim.group.exit === undefined) await sleep(1000);
	if (started.stopping) return 1;
	if (!main.alive()) log(`n8n stopped by itself (log: ${main.logFile})`);
	if (sim.group.exit !== undefined) log(`the simulator stopped by itself (log: ${sim.logFile})`);
	return 1;
}

runMain('demo', process.argv.includes('--queue') ? queueDemoUntilStopped : singleDemo);
