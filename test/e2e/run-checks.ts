/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The e2e suite's assertions, on what scripts/e2e.ts kept of each n8n version's run (see
 * scripts/e2e/collect.ts for the folder layout): `runChecks(RESULTS_DIR)` (one sub-folder per n8n
 * version) prints `ok - ...` / `not ok - ...` per check, then `e2e: N passed, M failed`.
 * Used by scripts/e2e.ts; also a command: tsx test/e2e/run-checks.ts RESULTS_DIR
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ExecutionSummary } from '../../scripts/lib/n8n';
import type { RecordedRequest, SimulatorState } from '../simulator';
import type { ProxiedRequest } from '../support/forwardProxy';
import { PROXY_ONLY_HOST } from '../support/forwardProxy';
import { BASE_URL_CANARY, exampleFiles, readExample, WRONG_PW } from './prepare-workflows';
import { agentApprovalChecks, mcpChecks } from './mcp';
import { cloneRefreshChecks, historyChecks } from './configVersions';
import { assertSuccess, readJson, RESOLUTION, scenario, type Scenario } from './scenario';

const PKG = 'n8n-nodes-atlassian-dc-identity';
const NODE_TYPES = [
	'resolutionSamlSso',
	'adAttributesSync',
	'kantegaSso',
	'atlassianDcSso',
	'atlassianSsoTrigger',
].map((n) => `${PKG}.${n}`);
const CREDENTIAL_TYPE = 'atlassianDataCenterApi';
const ATLASSIAN_SSO = '/jira/rest/authconfig/1.0';
const KANTEGA = '/jira/rest/ksso/api/idp/1.0';
const ADFS = '1ncq3jsPC74BGuNnfZPl';
/** A managed group whose name must be percent-encoded in the path (an encoded "/" is refused by Tomcat). */
const GROUP_WITH_ACCENTS = 'Développeurs Zürich';
const AUTH_FAILED = /^Authentication failed: wrong username, password or token/;
const BASE_URL_REFUSAL = {
	query: /^The Base URL contains a query \(os_authType=…\): remove it\. To send os_authType=basic/,
	fragment: /^The Base URL contains a fragment \(#…\): remove it and everything after it\./,
	userinfo: /^The Base URL contains a user name or password \(user:password@\): remove it\./,
};
/** The host name only the suite's forward proxy resolves (scripts/e2e.ts, test/support/forwardProxy.ts). */
const PROXY_HOST = PROXY_ONLY_HOST;
/** test/e2e/workflows/behind-proxy.json: each node's read, the path it sends and the items it outputs. */
const PROXY_READS: Array<[node: string, path: string, items: number]> = [
	['Resolution: get config', `${RESOLUTION}/config`, 1],
	['AD Attributes Sync: list connections', '/jira/rest/intenso/ad/1.0/public/connection', 2],
	['Kantega: list IdPs', `${KANTEGA}/idp/ids`, 3],
	['Atlassian SSO: list IdPs', `${ATLASSIAN_SSO}/idps?start=0&limit=50`, 6],
];

// ---- what was kept, as the checks read it -----------------------------------
/** n8n's answer to POST /rest/credentials/test. */
interface CredentialTestData {
	status: string;
	message: string;
}
interface Alert {
	event: string;
	text: string;
}
// ---- reading what was kept ------------------------------------------------
const readLines = (file: string): string[] =>
	existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];

// ---- the checks ------------------------------------------------------------
/** Removing 3 Kantega groups, one unknown, with continue on fail: the other 2 removed, 1 error item. */
function assertContinueOnFail(s: Scenario) {
	assertSuccess(s);
	const out = s.output('Remove managed group');
	assert.equal(out?.length, 3);
	assert.deepEqual(out![0], { idpId: ADFS, group: 'jira-administrators', removed: true });
	assert.match(String(out![1].error), /404/);
	assert.equal(out![1].removed, undefined);
	assert.deepEqual(out![2], { idpId: ADFS, group: GROUP_WITH_ACCENTS, removed: true });
	assert.deepEqual(
		s.requests.map((r) => `${r.status} ${r.method} ${r.rawPath}`),
		[
			`204 DELETE ${KANTEGA}/managedgroups/${ADFS}/groups/jira-administrators`,
			`404 DELETE ${KANTEGA}/managedgroups/${ADFS}/groups/no-such-group`,
			`204 DELETE ${KANTEGA}/managedgroups/${ADFS}/groups/${encodeURIComponent(GROUP_WITH_ACCENTS)}`,
		],
	);
	const groups = (state: SimulatorState) =>
		state.kantega.idps.find((i) => i.id === ADFS)!.managedGroups;
	assert.deepEqual(
		groups(s.after),
		groups(s.before).filter((g) => !['jira-administrators', GROUP_WITH_ACCENTS].includes(g)),
	);
}

/** Each request over its own connection, closed after the answer (n8n's request helper). */
function assertConnectionPerRequest(s: Scenario) {
	assert.deepEqual(
		s.requests.map((r) => r.headers.connection),
		s.requests.map(() => 'close'),
	);
	assert.equal(new Set(s.requests.map((r) => r.connection)).size, s.requests.length);
}

/** n8n's answer to POST /rest/credentials/test, kept in DIR. */
function credentialTestAnswer(d: string): CredentialTestData | undefined {
	const status = readFileSync(join(d, 'http-status'), 'utf8').trim();
	const text = existsSync(join(d, 'response.json'))
		? readFileSync(join(d, 'response.json'), 'utf8')
		: '';
	assert.equal(
		status,
		'200',
		`POST /rest/credentials/test answered HTTP ${status}: ${text.slice(0, 300)}`,
	);
	return (JSON.parse(text) as { data?: CredentialTestData }).data;
}

function checksFor(dir: string): Array<[name: string, check: () => void]> {
	const simUrl = readFileSync(join(dir, 'simulator-url'), 'utf8').trim();
	const started = existsSync(join(dir, 'server-started'));
	const requireServer = () => assert.ok(started, 'n8n start did not become ready (see n8n.log)');
	return [
		[
			'n8n start loads the package: every node type is known',
			() => {
				requireServer();
				const known = readLines(join(dir, 'node-types.txt'));
				assert.deepEqual(
					NODE_TYPES.filter((t) => !known.includes(t)),
					[],
					'node types n8n does not know',
				);
			},
		],
		[
			`n8n start loads the credential type ${CREDENTIAL_TYPE}`,
			() => {
				requireServer();
				assert.ok(readLines(join(dir, 'credential-types.txt')).includes(CREDENTIAL_TYPE));
			},
		],
		[
			"n8n's start-up log reports no package load error",
			() => {
				requireServer();
				assert.deepEqual(readLines(join(dir, 'load-errors.txt')), []);
			},
		],
		[
			"credential test through n8n's POST /rest/credentials/test passes, in one authenticated request",
			() => {
				requireServer();
				const d = join(dir, 'credtest-ok');
				const data = credentialTestAnswer(d);
				assert.equal(data?.status, 'OK', `answer: ${JSON.stringify(data)}`);
				assert.match(data!.message, /^Connected to Jira \S+ as admin$/);
				const authenticated = readJson<RecordedRequest[]>(join(d, 'requests.json')).filter(
					(r) => r.headers.authorization,
				);
				assert.equal(authenticated.length, 1);
			},
		],
		[
			'credential test with a wrong password fails with our message; the password reaches Jira once',
			() => {
				requireServer();
				const d = join(dir, 'credtest-wrong');
				const data = credentialTestAnswer(d);
				assert.equal(data?.status, 'Error', `answer: ${JSON.stringify(data)}`);
				assert.match(data!.message, AUTH_FAILED);
				assert.ok(!data!.message.includes(WRONG_PW), 'the message shows the password');
				assert.equal(
					readJson<RecordedRequest[]>(join(d, 'requests.json')).filter((r) => r.status === 401)
						.length,
					1,
					'requests answered 401',
				);
				assert.equal(
					readJson<SimulatorState>(join(d, 'state.json')).loginFailures.admin,
					1,
					'failed logins counted by Jira',
				);
			},
		],

		[
			'example user-sync-watch: the last run read, POST sync, status polls until DONE, ends in the NoOp branch',
			() => {
				const s = scenario(dir, 'user-sync-watch');
				assertSuccess(s);
				const [lastRun, start, ...polls] = s.calls;
				assert.equal(lastRun, `GET ${RESOLUTION}/usersync/connector/1/syncstatus`);
				assert.equal(start, `POST ${RESOLUTION}/usersync/connector/1/sync`);
				assert.ok(polls.length >= 1, 'no status poll');
				const syncId = s.output('Sync Connector and Wait')?.[0]?.syncId;
				assert.deepEqual(
					polls,
					polls.map(() => `GET ${RESOLUTION}/usersync/syncstatus/${String(syncId)}`),
				);
				const done = s.output('All Users Synchronized');
				assert.equal(done?.length, 1, 'NoOp branch items');
				assert.equal(done![0].connectorId, '1');
				assert.equal(done![0].status, 'DONE');
				assert.equal(done![0].failedCount, 0);
				assert.equal(
					s.output('Fail: Users Not Synchronized'),
					undefined,
					'the Stop And Error node ran',
				);
			},
		],
		[
			'example user-sync-watch, with 3 failed users: the run fails with the Stop And Error message',
			() => {
				const s = scenario(dir, 'user-sync-watch-failing');
				assert.equal(s.status, 'error', `run status ${s.status}`);
				assert.equal(
					s.error?.node?.name ?? s.run.data?.resultData?.lastNodeExecuted,
					'Fail: Users Not Synchronized',
				);
				assert.match(
					s.error!.message,
					/^User Sync of connector 1 finished with 3 failed users \(status FAILED, sync \d+\): .*3 users could not be synchronized/,
				);
				assert.deepEqual(s.calls.slice(0, 2), [
					`GET ${RESOLUTION}/usersync/connector/1/syncstatus`,
					`POST ${RESOLUTION}/usersync/connector/1/sync`,
				]);
				assert.equal(s.output('All Users Synchronized'), undefined, 'the NoOp branch ran');
			},
		],
		[
			'example rotate-idp-certificate: PATCH /sso fallback on, PATCH /idps/1 with the certificate alone, GET, the lockout guard reads /sso, PATCH /sso fallback off',
			() => {
				const s = scenario(dir, 'rotate-idp-certificate');
				assertSuccess(s);
				const newCertificate = readExample('rotate-idp-certificate.json').nodes.find(
					(n) => n.name === 'New certificate',
				)!.parameters as { assignments: { assignments: Array<{ name: string; value: string }> } };
				const pem = newCertificate.assignments.assignments.find(
					(a) => a.name === 'certificate',
				)!.value;
				const der = pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
				// Every request through n8n's request helper, which opens a connection per request.
				assertConnectionPerRequest(s);
				assert.deepEqual(
					s.requests.map((r) => ({ call: `${r.method} ${r.rawPath}`, body: s.body(r) })),
					[
						{
							call: `PATCH ${ATLASSIAN_SSO}/sso`,
							body: { 'enable-authentication-fallback': true },
						},
						{ call: `PATCH ${ATLASSIAN_SSO}/idps/1`, body: { certificate: der } },
						{ call: `GET ${ATLASSIAN_SSO}/idps/1`, body: undefined },
						{ call: `GET ${ATLASSIAN_SSO}/sso`, body: undefined },
						{
							call: `PATCH ${ATLASSIAN_SSO}/sso`,
							body: { 'enable-authentication-fallback': false },
						},
					],
				);
				const [before, after] = [s.before.authconfig.idps[0], s.after.authconfig.idps[0]];
				assert.equal(after.certificate, der);
				assert.deepEqual(
					{ ...after, certificate: before.certificate, 'last-updated': before['last-updated'] },
					before,
					'other IdP fields unchanged',
				);
				assert.equal(s.after.authconfig.sso['enable-authentication-fallback'], false);
				assert.equal(
					s.output('Disable authentication fallback')?.[0]?.['enable-authentication-fallback'],
					false,
				);
			},
		],
		[
			'a wrong password: the run fails with our message and the 401 reaches the simulator exactly once',
			() => {
				const s = scenario(dir, 'wrong-password');
				assert.equal(s.status, 'error', `run status ${s.status}`);
				assert.match(s.error?.message ?? '', AUTH_FAILED);
				assert.ok(
					!JSON.stringify(s.run).includes(WRONG_PW),
					'the password shows in the execution data',
				);
				assert.deepEqual(
					s.requests.map((r) => `${r.status} ${r.method} ${r.rawPath}`),
					[`401 GET ${KANTEGA}/idp/ids`],
				);
				assert.equal(s.after.loginFailures.admin, 1, 'failed logins counted by Jira');
			},
		],
		[
			'a Base URL with a query: the run fails with the part to remove, nothing is sent, the password shows nowhere',
			() => {
				const s = scenario(dir, 'bad-base-url');
				assert.equal(s.status, 'error', `run status ${s.status}`);
				assert.equal(s.error?.message, 'The Base URL contains a query (os_authType=…): remove it');
				assert.ok(
					!JSON.stringify(s.run).includes(BASE_URL_CANARY),
					'the password shows in the execution data',
				);
				assert.deepEqual(s.requests, [], 'requests the simulator received');
			},
		],
		...(['query', 'fragment', 'userinfo'] as const).map((kind): [string, () => void] => [
			`n8n's credential test of a Base URL with a ${kind}: refused with the part to remove, nothing sent, no password`,
			() => {
				const d = join(dir, `credtest-base-url-${kind}`);
				const data = credentialTestAnswer(d);
				assert.equal(data?.status, 'Error', `answer: ${JSON.stringify(data)}`);
				assert.match(data!.message, BASE_URL_REFUSAL[kind]);
				assert.ok(
					!readFileSync(join(d, 'response.json'), 'utf8').includes(BASE_URL_CANARY),
					'the answer shows the password',
				);
				assert.deepEqual(
					readJson<RecordedRequest[]>(join(d, 'requests.json')),
					[],
					'requests the simulator received',
				);
			},
		]),
		[
			'continue on fail: removing 3 Kantega groups, one unknown, removes the other 2 and outputs 1 error item',
			() => {
				const s = scenario(dir, 'continue-on-fail');
				assertContinueOnFail(s);
				assertConnectionPerRequest(s);
			},
		],
		[
			"a credential saved by 0.2 with its Connections field: the same run works, through n8n's HTTP client",
			() => {
				const s = scenario(dir, 'saved-with-connections');
				assertContinueOnFail(s);
				assertConnectionPerRequest(s);
			},
		],
		[
			'through a company HTTP proxy (n8n started with HTTP_PROXY): a read of each of the four nodes, its credential saved with defaults, reaches a host only the proxy resolves; 4 requests forwarded once each; the runs against 127.0.0.1 bypass it (NO_PROXY)',
			() => {
				const s = scenario(dir, 'behind-proxy');
				assertSuccess(s);
				assert.deepEqual(
					PROXY_READS.map(([node]) => s.output(node)?.length),
					PROXY_READS.map(([, , items]) => items),
					'items output by each node',
				);
				const host = `${PROXY_HOST}:${new URL(simUrl).port}`;
				const expected = PROXY_READS.map(([, path]) => `GET ${host} ${path}`).sort();
				const proxied = (name: string) =>
					readJson<{ forwarded: ProxiedRequest[]; refused: ProxiedRequest[] }>(
						join(dir, name, 'proxied.json'),
					);
				const { forwarded, refused } = proxied('behind-proxy');
				assert.deepEqual(
					forwarded.map((r) => `${r.method} ${r.host} ${r.path}`).sort(),
					expected,
					'forwarded by the proxy',
				);
				assert.deepEqual(refused, [], 'refused by the proxy');
				const query = (r: RecordedRequest) =>
					new URLSearchParams(r.query as Record<string, string>).toString();
				assert.deepEqual(
					s.requests
						.map(
							(r) =>
								`${r.method} ${String(r.headers.host)} ${r.rawPath}${query(r) ? `?${query(r)}` : ''}`,
						)
						.sort(),
					expected,
					'received by the simulator',
				);
				for (const other of ['clone-refresh', 'continue-on-fail'])
					assert.deepEqual(proxied(other).forwarded, [], `${other} went through the proxy`);
			},
		],
		[
			'example sso-watch, activated, resolution then taken off the instance: the certificate inside 30 days alerts once, a changed SSO setting alerts exactly once, each trigger that reads resolution says once that it failed, every alert names the instance, nothing doubled',
			() => {
				const d = join(dir, 'sso-watch');
				const failure = existsSync(join(d, 'failure'))
					? readFileSync(join(d, 'failure'), 'utf8')
					: '';
				assert.equal(failure, '', `the trigger step failed: ${failure}`);
				const inbox = readJson<Alert[]>(join(d, 'inbox.json'));
				const byEvent = (event: string) => inbox.filter((alert) => alert.event === event);
				const simUrl = readFileSync(join(dir, 'simulator-url'), 'utf8').trim();
				const instance = `[${simUrl}] `;
				assert.ok(
					inbox.every((alert) => alert.text.startsWith(instance)),
					`every alert starts with ${instance}: ${JSON.stringify(inbox)}`,
				);
				assert.deepEqual(
					byEvent('configurationChanged').map((a) => a.text),
					[
						`${instance}SSO configuration changed (atlassianSsoSettings):\n- show-login-form changed: true → false`,
					],
					`alerts: ${JSON.stringify(inbox)}`,
				);
				const certificates = byEvent('certificateExpiring').map((a) => a.text);
				assert.equal(certificates.length, 1, `certificate alerts: ${JSON.stringify(certificates)}`);
				assert.ok(
					certificates[0].startsWith(
						`${instance}The signing certificate of IdP ADFS customers (atlassianIdentityProviders) expires in 19 days`,
					),
					certificates[0],
				);
				assert.deepEqual(byEvent('userSyncFinished'), []);
				assert.deepEqual(byEvent('sourceRecovered'), []);
				// Two triggers read resolution's configuration, one its connector 1; each polls at least once
				// after the removal, the configuration trigger twice: each says once that it failed.
				const failed = byEvent('sourceFailed').map(
					(a) => a.text.slice(instance.length).split(':')[0],
				);
				const count = (what: string) => failed.filter((f) => f === what).length;
				assert.ok(
					count('Monitoring of resolutionConfig failed') >= 1 &&
						count('Monitoring of resolutionConfig failed') <= 2 &&
						count('Monitoring of userSyncConnector 1 failed') <= 1 &&
						failed.length ===
							count('Monitoring of resolutionConfig failed') +
								count('Monitoring of userSyncConnector 1 failed'),
					`sourceFailed alerts: ${JSON.stringify(byEvent('sourceFailed'))}`,
				);
				assert.ok(
					byEvent('sourceFailed').every((a) => /answered 404/.test(a.text)),
					JSON.stringify(byEvent('sourceFailed')),
				);
				const polls = readJson<RecordedRequest[]>(join(d, 'requests.json')).filter(
					(r) => r.path === '/rest/authconfig/1.0/sso',
				);
				assert.ok(polls.length >= 3, `only ${polls.length} polls of the SSO settings`);
				const listed = readJson<{
					data: { results?: ExecutionSummary[] } | ExecutionSummary[];
				}>(join(d, 'executions.json')).data;
				const executions = Array.isArray(listed) ? listed : listed.results!;
				// The certificate alert, the change with its trigger's failure, and at most one failure of each other trigger.
				assert.ok(
					executions.length >= 2 &&
						executions.length <= 4 &&
						executions.every((e) => e.status === 'success'),
					`executions of the workflow: ${JSON.stringify(executions.map((e) => ({ id: e.id, mode: e.mode, status: e.status })))}`,
				);
			},
		],
		...cloneRefreshChecks(dir),
		...historyChecks(dir),
		...mcpChecks(dir),
		...agentApprovalChecks(dir),
	];
}

// ---- every example must be checked above -------------------------------------
const CHECKED_EXAMPLES = [
	'clone-refresh-save.json',
	'clone-refresh.json',
	'sso-config-history.json',
	'user-sync-watch.json',
	'rotate-idp-certificate.json',
	'sso-watch.json',
	'mcp-sso-admin.json',
	'mcp-agent-approval.json',
];

/** Runs every check on RESULTS_DIR (one sub-folder per n8n version); prints a line per check and the count. */
export function runChecks(root: string): { passed: number; failed: number } {
	let passed = 0;
	let failed = 0;
	const report = (name: string, fn: () => void) => {
		try {
			fn();
			passed++;
			console.log(`ok - ${name}`);
		} catch (error) {
			failed++;
			console.log(`not ok - ${name}`);
			for (const line of String((error as Error | undefined)?.message ?? error)
				.split('\n')
				.slice(0, 30))
				console.log(`    ${line}`);
		}
	};

	report('every example in examples/ has an e2e check', () => {
		assert.deepEqual(
			exampleFiles().filter((f) => !CHECKED_EXAMPLES.includes(f)),
			[],
		);
	});
	const versions = existsSync(root)
		? readdirSync(root).filter((v) => existsSync(join(root, v, 'version')))
		: [];
	report('at least one n8n version ran', () => assert.ok(versions.length > 0));
	for (const v of versions.sort().reverse()) {
		for (const [name, fn] of checksFor(join(root, v))) report(`n8n ${v}: ${name}`, fn);
	}
	console.log(`e2e: ${passed} passed, ${failed} failed`);
	return { passed, failed };
}

if (require.main === module) {
	const root = process.argv[2];
	if (!root) {
		console.error('usage: tsx test/e2e/run-checks.ts RESULTS_DIR');
		process.exit(2);
	}
	process.exit(runChecks(root).failed ? 1 : 0);
}
