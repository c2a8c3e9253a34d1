/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The e2e steps for one n8n version: they run things and keep the results in a folder; the
 * assertions are in test/e2e/run-checks.ts, which reads it:
 *   OUT/version, OUT/simulator-url
 *   OUT/server-started                  present when `n8n start` became ready
 *   OUT/node-types.txt, credential-types.txt, load-errors.txt, n8n.log
 *   OUT/credtest-ok/, credtest-wrong/   http-status, response.json, requests.json, state.json
 *   OUT/<scenario>/                     run.json (the execution: status, data), execute.log,
 *                                       state-before.json, requests.json, state.json, proxied.json
 *                                       (what the forward proxy forwarded and refused during the run)
 *   OUT/sso-watch/                      inbox.json, requests.json, timeline.json, executions.json, failure
 * One n8n main per version: started once, everything through its REST API (credentials and
 * workflows imported, each scenario run as the editor's "Execute workflow" from its Manual
 * Trigger, the trigger example activated), stopped at the end. n8n runs with HTTP_PROXY set to the
 * suite's forward proxy and NO_PROXY=127.0.0.1,localhost: the simulator at 127.0.0.1 is reached
 * directly, the host name only the proxy resolves (the behind-proxy scenario) through the proxy.
 */
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import {
	createInstance,
	ensureConfigHistoryTable,
	withDataTable,
	logger,
	REPO,
	run,
	secondsSince,
	type CredentialInput,
	type N8nProcess,
	type SimulatorProcess,
	type Workflow,
	type WorkflowInput,
} from '../lib/n8n';
import {
	BAD_BASE_URLS,
	BASE_URL_CANARY,
	EXAMPLE_IDS,
	WRONG_PW,
} from '../../test/e2e/prepare-workflows';
import { SIMULATOR_USERS } from '../../test/simulator';
import { adminBasic } from '../../test/support/credentials';
import type { ForwardProxy } from '../../test/support/forwardProxy';
import { cloneRefreshSession, historySession } from './configVersions';
import { agentApprovalSession, mcpSession } from './mcp';
import { json, scenario, type Context, type ScenarioOptions } from './scenario';

const log = logger('e2e');

/** The scenarios run headless: folder, workflow id, options (a simulator state patch). */
const SCENARIOS: Array<[string, string, ScenarioOptions?]> = [
	['user-sync-watch', EXAMPLE_IDS['user-sync-watch.json']],
	[
		'user-sync-watch-failing',
		EXAMPLE_IDS['user-sync-watch.json'],
		{ patch: [{ op: 'replace', path: '/resolution/connectors/0/failWithCount', value: 3 }] },
	],
	['rotate-idp-certificate', EXAMPLE_IDS['rotate-idp-certificate.json']],
	['wrong-password', 'e2eWrongPasswd'],
	['bad-base-url', 'e2eBadBaseUrl'],
	['continue-on-fail', 'e2eContinueFail'],
	['saved-with-connections', 'e2eN8nClient'],
	['behind-proxy', 'e2eBehindProxy'],
];
const TRIGGER_WORKFLOW = EXAMPLE_IDS['sso-watch.json'];

/**
 * n8n's own credential test (the editor's POST /rest/credentials/test) of dc-credential with DATA, the
 * simulator reset first: OUT/<dir>/ http-status, response.json, requests.json, state.json.
 */
async function credentialTest(
	ctx: Context,
	dir: string,
	data: Record<string, unknown>,
): Promise<void> {
	mkdirSync(dir, { recursive: true });
	await ctx.sim.control('POST', 'reset');
	const answer = await ctx.main.rest.testCredential({
		id: ctx.credentialIds['dc-credential'],
		name: 'Atlassian Data Center',
		type: 'atlassianDataCenterApi',
		data,
	});
	writeFileSync(join(dir, 'http-status'), `${answer.status}\n`);
	writeFileSync(join(dir, 'response.json'), answer.text);
	writeFileSync(join(dir, 'requests.json'), json(await ctx.sim.control('GET', 'requests')));
	writeFileSync(join(dir, 'state.json'), json(await ctx.sim.control('GET', 'state')));
}

/** The credential tests: the right and a wrong password, and a Base URL with each part it must not have (BAD_BASE_URLS). */
async function credentialTests(ctx: Context): Promise<void> {
	const withPassword = (password: string) =>
		adminBasic(ctx.sim, { password, ignoreSSLIssues: false });
	await credentialTest(
		ctx,
		join(ctx.out, 'credtest-ok'),
		withPassword(SIMULATOR_USERS.admin.password),
	);
	await credentialTest(ctx, join(ctx.out, 'credtest-wrong'), withPassword(WRONG_PW));
	for (const [kind, baseUrl] of Object.entries(BAD_BASE_URLS))
		await credentialTest(
			ctx,
			join(ctx.out, `credtest-base-url-${kind}`),
			adminBasic(ctx.sim, { baseUrl: baseUrl(ctx.sim.url), password: BASE_URL_CANARY }),
		);
}

/**
 * examples/sso-watch.json activated (its alerts go to the simulator's inbox):
 * test/e2e/trigger-watch.ts changes the simulator's state after the activation poll and waits for
 * two more polls; keeps its inbox, requests and timeline, and n8n's executions of the workflow.
 */
async function triggerWatch(ctx: Context): Promise<void> {
	const dir = join(ctx.out, 'sso-watch');
	const t0 = Date.now();
	mkdirSync(dir, { recursive: true });
	await ctx.sim.control('POST', 'reset');
	const workflowId = ctx.workflows.get(TRIGGER_WORKFLOW)?.id ?? TRIGGER_WORKFLOW;
	try {
		await ctx.main.rest.activateWorkflow(workflowId);
	} catch (error) {
		writeFileSync(
			join(dir, 'failure'),
			`activating ${TRIGGER_WORKFLOW} failed: ${(error as Error).message}`,
		);
		return;
	}
	const watch = await run(
		join(REPO, 'node_modules', '.bin', 'tsx'),
		['test/e2e/trigger-watch.ts', ctx.sim.url, dir],
		{ cwd: REPO },
	);
	writeFileSync(join(dir, 'watch.log'), watch.output);
	const results = await ctx.main.rest.executions(workflowId).catch((error: Error) => {
		writeFileSync(join(dir, 'watch.log'), `${watch.output}executions: ${error.message}\n`);
		return [];
	});
	writeFileSync(join(dir, 'executions.json'), json({ data: { results } }));
	const last = watch.output.trim().split('\n').pop() ?? '';
	log(`  trigger watch in ${secondsSince(t0)}s: ${last}`);
}

/** Reads what test/e2e/prepare-workflows.ts wrote: credentials and workflows to import. */
function readPrepared(prepared: string): {
	credentials: CredentialInput[];
	workflows: WorkflowInput[];
} {
	const credentials = JSON.parse(
		readFileSync(join(prepared, 'credentials.json'), 'utf8'),
	) as CredentialInput[];
	const dir = join(prepared, 'workflows');
	const workflows = readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WorkflowInput);
	return { credentials, workflows };
}

/**
 * One n8n instance of VERSION with the package installed into <user folder>/.n8n/nodes: start it
 * (types, load errors, credential test) with HTTP_PROXY = PROXY, import, run every scenario, watch
 * the trigger, stop it.
 * Never fails on what it observes: run-checks.ts judges. Returns the seconds it took.
 */
export async function collect(
	version: string,
	out: string,
	tgz: string,
	prepared: string,
	sim: SimulatorProcess,
	proxy: ForwardProxy,
): Promise<number> {
	const t0 = Date.now();
	mkdirSync(out, { recursive: true });
	writeFileSync(join(out, 'version'), `${version}\n`);
	writeFileSync(join(out, 'simulator-url'), `${sim.url}\n`);
	log(`n8n ${version}: instance, package`);
	const instance = await createInstance({ version, keep: process.env.E2E_KEEP === '1' });
	await instance.installPackage(tgz);

	log(`n8n ${version}: server (types, load errors, credential test)`);
	let main: N8nProcess;
	try {
		main = await instance.start({
			timeoutMs: 120_000,
			// Upper case, as n8n documents them; the lower-case names, which n8n reads first, emptied
			// in case the machine sets them.
			env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1,localhost', http_proxy: '', no_proxy: '' },
		});
	} catch (error) {
		log(`n8n ${version}: ${(error as Error).message}`);
		const logFile = join(instance.home, 'n8n.log');
		if (existsSync(logFile)) copyFileSync(logFile, join(out, 'n8n.log'));
		return secondsSince(t0);
	}
	try {
		writeFileSync(join(out, 'server-started'), '');
		writeFileSync(join(out, 'node-types.txt'), `${(await main.rest.nodeTypes()).join('\n')}\n`);
		writeFileSync(
			join(out, 'credential-types.txt'),
			`${(await main.rest.credentialTypes()).join('\n')}\n`,
		);
		writeFileSync(
			join(out, 'load-errors.txt'),
			main
				.packageLoadErrors()
				.map((line) => `${line}\n`)
				.join(''),
		);

		log(`n8n ${version}: credentials and workflows through the REST API`);
		const { credentials, workflows } = readPrepared(prepared);
		const credentialIds: Record<string, string> = {};
		for (const credential of credentials)
			credentialIds[credential.id ?? credential.name] =
				await main.rest.createCredential(credential);
		const historyTableId = await ensureConfigHistoryTable(main.rest);
		const imported = new Map<string, Workflow>();
		for (const workflow of workflows) {
			try {
				imported.set(
					workflow.id ?? workflow.name,
					await main.rest.importWorkflow(withDataTable(workflow, historyTableId), credentialIds),
				);
			} catch (error) {
				log(`  importing ${workflow.id} failed: ${(error as Error).message}`);
			}
		}
		const ctx: Context = {
			out,
			main,
			sim,
			proxy,
			credentialIds,
			workflows: imported,
			historyTableId,
		};
		await credentialTests(ctx);

		log(`n8n ${version}: runs (the editor's "Execute workflow", through the REST API)`);
		for (const [name, id, options] of SCENARIOS) await scenario(ctx, name, id, options);

		log(`n8n ${version}: the configuration versions in the data table (clone refresh, history)`);
		await cloneRefreshSession(ctx);
		await historySession(ctx);

		log(`n8n ${version}: the MCP examples (an MCP client over streamable HTTP, the agent example)`);
		await mcpSession(out, main, sim, imported.get(EXAMPLE_IDS['mcp-sso-admin.json']));
		await agentApprovalSession(
			out,
			version,
			main,
			imported.get(EXAMPLE_IDS['mcp-agent-approval.json']),
			readFileSync(join(out, 'node-types.txt'), 'utf8').split('\n'),
		);

		log(
			`n8n ${version}: the trigger in an active workflow (up to 3 minutes: n8n polls once a minute)`,
		);
		await triggerWatch(ctx);
	} finally {
		await main.stop();
		copyFileSync(main.logFile, join(out, 'n8n.log'));
		mkdirSync(join(out, 'sso-watch'), { recursive: true });
		copyFileSync(main.logFile, join(out, 'sso-watch', 'n8n.log'));
	}
	const seconds = secondsSince(t0);
	writeFileSync(join(out, 'seconds'), `${seconds}\n`);
	log(`n8n ${version}: done in ${seconds}s`);
	return seconds;
}
