// Writes what the e2e suite imports into n8n, into OUT_DIR:
//   OUT_DIR/workflows/*.json   every example of examples/ (with an id) and every workflow of test/e2e/workflows/
//   OUT_DIR/credentials.json   the credentials the workflows reference, pointing at the simulator
//                              (with PROXY_HOST: one more, saved with the credential's defaults, whose
//                              Base URL names PROXY_HOST instead of 127.0.0.1: a host only the e2e
//                              suite's forward proxy resolves)
// Usage: node test/e2e/prepare-workflows.mjs OUT_DIR SIMULATOR_URL [PROXY_HOST]
//
// The examples are imported as they are, except for what a headless run needs
// (the files in examples/ are never changed):
// - every example gets a workflow id (n8n import needs one to run it by id; 1.x takes at most 16 characters);
// - user-sync-watch.json runs from its "Run Now" Manual Trigger (`n8n execute` starts from a Manual
//   Trigger, not its Schedule Trigger); its poll interval is 1 s instead of 5 s (the simulator answers
//   RUNNING to the first two status reads: 2 s instead of 10 s).
// - sso-watch.json is activated, not executed: its "Send Alert" placeholder (a No-Op where users put
//   their e-mail or chat node) becomes an HTTP Request posting the alert to the simulator's inbox.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const [out, simUrl, proxyHost] = process.argv.slice(2);
if (!out || !simUrl) {
	console.error('usage: node test/e2e/prepare-workflows.mjs OUT_DIR SIMULATOR_URL [PROXY_HOST]');
	process.exit(2);
}

/** examples/<file> -> workflow id in the e2e instance. */
const EXAMPLE_IDS = {
	'clone-refresh.json': 'exCloneRefresh',
	'user-sync-watch.json': 'exUserSyncWatch',
	'rotate-idp-certificate.json': 'exRotateIdpCert',
	'sso-watch.json': 'exSsoWatch',
};

const SEND_ALERT = 'Send Alert (e-mail or chat here)';

const adjust = {
	'sso-watch.json'(workflow) {
		const send = workflow.nodes.find((n) => n.name === SEND_ALERT);
		Object.assign(send, {
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
		const sync = workflow.nodes.find((n) => n.name === 'Sync Connector and Wait');
		sync.parameters.options.pollIntervalSeconds = 1;
	},
};

const wfDir = join(out, 'workflows');
mkdirSync(wfDir, { recursive: true });
const examples = readdirSync(join(repo, 'examples')).filter((f) => f.endsWith('.json'));
const unknown = examples.filter((f) => !(f in EXAMPLE_IDS));
if (unknown.length) {
	console.error(
		`[e2e] examples without an e2e check: ${unknown.join(', ')} (add them to test/e2e/prepare-workflows.mjs and run-checks.mjs)`,
	);
	process.exit(1);
}
for (const file of examples) {
	const workflow = JSON.parse(readFileSync(join(repo, 'examples', file), 'utf8'));
	workflow.id = EXAMPLE_IDS[file];
	workflow.active = false;
	adjust[file]?.(workflow);
	writeFileSync(join(wfDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
}
for (const file of readdirSync(join(here, 'workflows')).filter((f) => f.endsWith('.json'))) {
	writeFileSync(join(wfDir, file), readFileSync(join(here, 'workflows', file)));
}

const base = { baseUrl: `${simUrl}/`, authentication: 'basicAuth', username: 'admin' };
const behindProxy = proxyHost
	? [
			{
				id: 'dc-credential-proxy',
				name: 'Atlassian Data Center (behind a proxy)',
				type: 'atlassianDataCenterApi',
				data: {
					...base,
					baseUrl: `${simUrl.replace('//127.0.0.1:', `//${proxyHost}:`)}/`,
					password: 'admin-password',
				},
			},
		]
	: [];
writeFileSync(
	join(out, 'credentials.json'),
	JSON.stringify(
		[
			{
				id: 'dc-credential',
				name: 'Atlassian Data Center',
				type: 'atlassianDataCenterApi',
				data: { ...base, password: 'admin-password' },
			},
			{
				id: 'dc-credential-n8n-client',
				name: 'Atlassian Data Center (saved by 0.2, with Connections)',
				type: 'atlassianDataCenterApi',
				// The field 0.2 had and 0.3 removed: n8n keeps it, the package ignores it.
				data: { ...base, password: 'admin-password', connections: 'reuse' },
			},
			{
				id: 'dc-credential-bad',
				name: 'Atlassian Data Center (wrong password)',
				type: 'atlassianDataCenterApi',
				data: { ...base, password: 'e2e-wrong-password' },
			},
			...behindProxy,
		],
		null,
		2,
	),
);
