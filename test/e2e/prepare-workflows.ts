/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * What the e2e suite imports into n8n, written into OUT_DIR by `prepareWorkflows`:
 *   OUT_DIR/workflows/*.json   every example of examples/ (with an id) and every workflow of test/e2e/workflows/
 *   OUT_DIR/credentials.json   the credentials the workflows reference, pointing at the simulator
 *                              (with PROXY_HOST: one more, saved with the credential's defaults, whose
 *                              Base URL names PROXY_HOST instead of 127.0.0.1: a host only the e2e
 *                              suite's forward proxy resolves)
 * Used by scripts/e2e.ts and scripts/queue/scenarios.ts; also a command:
 *   tsx test/e2e/prepare-workflows.ts OUT_DIR SIMULATOR_URL [PROXY_HOST]
 *
 * The examples are imported as they are, except for what a headless run needs
 * (the files in examples/ are never changed):
 * - every example gets a workflow id (n8n import needs one to run it by id; 1.x takes at most 16 characters);
 * - user-sync-watch.json runs from its "Run Now" Manual Trigger (`n8n execute` starts from a Manual
 *   Trigger, not its Schedule Trigger); its poll interval is 1 s instead of 5 s (the simulator answers
 *   RUNNING to the first two status reads: 2 s instead of 10 s).
 * - sso-watch.json is activated, not executed: its "Send Alert" placeholder (a No-Op where users put
 *   their e-mail or chat node) becomes an HTTP Request posting the alert to the simulator's inbox.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialInput, WorkflowInput } from '../../scripts/lib/n8n';
import { adminBasic } from '../support/credentials';
import { MCP_CREDENTIALS } from './mcp';

const REPO = join(__dirname, '..', '..');

/** examples/<file> -> workflow id in the e2e instance. */
export const EXAMPLE_IDS = {
	'clone-refresh-save.json': 'exCloneRefreshSave',
	'clone-refresh.json': 'exCloneRefresh',
	'sso-config-history.json': 'exConfigHistory',
	'user-sync-watch.json': 'exUserSyncWatch',
	'rotate-idp-certificate.json': 'exRotateIdpCert',
	'sso-watch.json': 'exSsoWatch',
	'mcp-sso-admin.json': 'exMcpSsoAdmin',
	'mcp-agent-approval.json': 'exMcpAgentApproval',
} as const satisfies Record<string, string>;
export type ExampleFile = keyof typeof EXAMPLE_IDS;

/** The password of the credential dc-credential-bad (and of the credential test that must fail). */
export const WRONG_PW = 'e2e-wrong-password';

/** The password of the credentials with a bad Base URL: it must appear in no answer, error or log. */
export const BASE_URL_CANARY = 'e2e-base-url-Secret-4d2';

/** Base URLs with a part the credential refuses before anything is sent, by kind; from the simulator's URL. */
export const BAD_BASE_URLS = {
	query: (url: string) => `${url}/?os_authType=basic`,
	fragment: (url: string) => `${url}#/admin`,
	userinfo: (url: string) => url.replace('://', `://admin:${BASE_URL_CANARY}@`),
} as const;

/** The .json files of examples/. */
export function exampleFiles(): string[] {
	return readdirSync(join(REPO, 'examples')).filter((f) => f.endsWith('.json'));
}

/** examples/<file>, as it is in the repository. */
export function readExample(file: string): WorkflowInput {
	return JSON.parse(readFileSync(join(REPO, 'examples', file), 'utf8')) as WorkflowInput;
}

const SEND_ALERT = 'Send Alert (e-mail or chat here)';

const byName = (workflow: WorkflowInput, name: string): WorkflowInput['nodes'][number] => {
	const node = workflow.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`workflow ${workflow.name}: no node "${name}"`);
	return node;
};

const adjust: Partial<Record<ExampleFile, (workflow: WorkflowInput, simUrl: string) => void>> = {
	'sso-watch.json'(workflow, simUrl) {
		Object.assign(byName(workflow, SEND_ALERT), {
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${simUrl}/__simulator/inbox`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ event: $json.event, text: $json.text }) }}',
				options: {},
			},
		});
	},
	'user-sync-watch.json'(workflow) {
		const sync = byName(workflow, 'Sync Connector and Wait');
		(sync.parameters as { options: Record<string, unknown> }).options.pollIntervalSeconds = 1;
	},
};

const isExampleFile = (file: string): file is ExampleFile => file in EXAMPLE_IDS;

/** The credentials the workflows reference, pointing at the simulator at SIMULATOR_URL. */
function credentials(simUrl: string, proxyHost?: string): CredentialInput[] {
	const sim = { url: simUrl };
	const type = 'atlassianDataCenterApi';
	const behindProxy: CredentialInput[] = proxyHost
		? [
				{
					id: 'dc-credential-proxy',
					name: 'Atlassian Data Center (behind a proxy)',
					type,
					data: adminBasic({ url: simUrl.replace('//127.0.0.1:', `//${proxyHost}:`) }),
				},
			]
		: [];
	return [
		{ id: 'dc-credential', name: 'Atlassian Data Center', type, data: adminBasic(sim) },
		{
			id: 'dc-credential-n8n-client',
			name: 'Atlassian Data Center (saved by 0.2, with Connections)',
			type,
			// The field 0.2 had and 0.3 removed: n8n keeps it, the package ignores it.
			data: adminBasic(sim, { connections: 'reuse' }),
		},
		{
			id: 'dc-credential-bad',
			name: 'Atlassian Data Center (wrong password)',
			type,
			data: adminBasic(sim, { password: WRONG_PW }),
		},
		{
			id: 'dc-credential-bad-url',
			name: 'Atlassian Data Center (Base URL with a query)',
			type,
			data: adminBasic(sim, { baseUrl: BAD_BASE_URLS.query(sim.url), password: BASE_URL_CANARY }),
		},
		...behindProxy,
		...MCP_CREDENTIALS,
	];
}

/** Writes the workflows and credentials for the simulator at SIMULATOR_URL into OUT (see above). */
export function prepareWorkflows(out: string, simUrl: string, proxyHost?: string): void {
	const examples = exampleFiles();
	const unknown = examples.filter((f) => !isExampleFile(f));
	if (unknown.length)
		throw new Error(
			`examples without an e2e check: ${unknown.join(', ')} (add them to test/e2e/prepare-workflows.ts and run-checks.ts)`,
		);
	const wfDir = join(out, 'workflows');
	mkdirSync(wfDir, { recursive: true });
	for (const file of examples.filter(isExampleFile)) {
		const workflow = readExample(file);
		workflow.id = EXAMPLE_IDS[file];
		workflow.active = false;
		adjust[file]?.(workflow, simUrl);
		writeFileSync(join(wfDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	}
	const own = join(__dirname, 'workflows');
	for (const file of readdirSync(own).filter((f) => f.endsWith('.json'))) {
		writeFileSync(join(wfDir, file), readFileSync(join(own, file)));
	}
	writeFileSync(
		join(out, 'credentials.json'),
		JSON.stringify(credentials(simUrl, proxyHost), null, 2),
	);
}

if (require.main === module) {
	const [out, simUrl, proxyHost] = process.argv.slice(2);
	if (!out || !simUrl) {
		console.error('usage: tsx test/e2e/prepare-workflows.ts OUT_DIR SIMULATOR_URL [PROXY_HOST]');
		process.exit(2);
	}
	try {
		prepareWorkflows(out, simUrl, proxyHost);
	} catch (error) {
		console.error(`[e2e] ${(error as Error).message}`);
		process.exit(1);
	}
}
