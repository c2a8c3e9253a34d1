/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * What each workflow the queue-mode suite runs must have done, seen from the simulator (the
 * requests it received: method + path, exact counts, in order where the workflow is sequential;
 * its state after) and in the execution's output items, not only its status. The same
 * expectations as the e2e suite's (test/e2e/run-checks.ts), here for executions run by a worker.
 *
 * An outcome is keyed by examples/<file> or by the name of one of the suite's own scenarios
 * (QUEUE_SCENARIOS below, imported by scripts/queue/scenarios.ts).
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

import type { Execution, WorkflowInput } from '../lib/n8n';
import type { RecordedRequest, SimulatorState } from '../../test/simulator';
import { CLONE_OWN_CONFIG_PATCH } from '../../test/e2e/configVersions';
import { readExample } from '../../test/e2e/prepare-workflows';

type Item = Record<string, unknown>;

/**
 * What a run left: the execution (with its data), the simulator's requests and state around it, and
 * the rows of the examples' data table.
 */
export interface Observed {
	execution: Execution;
	requests: RecordedRequest[];
	before: SimulatorState;
	after: SimulatorState;
	simUrl: string;
	/** The rows of the data table sso_config_history before and after the run(s), oldest first. */
	rowsBefore: Row[];
	rowsAfter: Row[];
}

/** Records a failed expectation (Checks.expect). */
type Expect = (condition: boolean, message: string) => void;

const RESOLUTION = '/rest/samlsso-admin/1.0';
const ATLASSIAN_SSO = '/rest/authconfig/1.0';
const AD = '/rest/intenso/ad/1.0/public';
/** How many users the AD scenario asks for (user getAll, Return All off). */
const AD_LIMIT = 5;

/** Items' json of a node's first output (run 0); undefined when the node did not run. */
export function output(execution: Execution, node: string, index = 0): Item[] | undefined {
	const runs = execution.data?.resultData?.runData?.[node];
	return runs ? (runs[0]?.data?.main?.[index] ?? []).map((i) => i.json) : undefined;
}

/** `METHOD path` of each request (the context path removed, no query). */
export const calls = (requests: RecordedRequest[]): string[] =>
	requests.map((r) => `${r.method} ${r.path}`);

/** How many of each `METHOD path`, sorted: for runs whose requests interleave (parallel branches, several runs). */
export function callCounts(list: string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const call of [...list].sort()) counts[call] = (counts[call] ?? 0) + 1;
	return counts;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (value: unknown) => JSON.stringify(value);

interface ResolutionConfig {
	entityId?: string;
	redirectToSso?: boolean;
	idps: Array<{ entityId?: string; metadataurl?: string }>;
}
const latestConfig = (state: SimulatorState) =>
	state.resolution.configVersions.at(-1) as unknown as ResolutionConfig;

/** The requests one run of an outcome sends, in order (several runs: multiply the counts). */
export const EXPECTED_CALLS: Record<string, (observed?: Observed) => string[]> = {
	'clone-refresh-save.json': () => [`GET ${RESOLUTION}/config`], // the clone's own, as a file
	'clone-refresh.json': () => [
		`GET ${RESOLUTION}/config`, // production's configuration, as the refresh copied it: kept in the table
		`PUT ${RESOLUTION}/config`, // the saved text uploaded
		`GET ${RESOLUTION}/config`, // Reset Entity ID reads the entity ID it replaces
		`POST ${RESOLUTION}/reset/entityid`,
		`GET ${RESOLUTION}/config`, // ... and the new one (the app answers 204 with no body)
		`GET ${RESOLUTION}/config`, // Compare
	],
	'sso-config-history.json': () => [], // unedited: no hash chosen, refused before anything is sent
};

/**
 * The example the burst repeats (6 runs at once): one GET each, and one new row of kind "clone" per
 * run in the data table, which the workers write into PostgreSQL.
 */
export const BURST_EXAMPLE = 'clone-refresh-save.json';

/**
 * The examples that need another one run before them (in the same pass): clone-refresh uploads the
 * configuration clone-refresh-save stored. scripts/queue/scenarios.ts orders the runs accordingly.
 */
export const RUNS_AFTER: Record<string, string> = {
	'clone-refresh.json': 'clone-refresh-save.json',
};

/**
 * The simulator's state set up before a run (a JSON Patch onto the reset state), as the e2e suite
 * does it: before the save, the clone's own configuration (the entity ID of its base URL, its own
 * IdP); the refresh then runs on the seed, production's configuration.
 */
export const BEFORE_RUN: Record<string, (simUrl: string) => unknown> = {
	'clone-refresh-save.json': (simUrl) => CLONE_OWN_CONFIG_PATCH(simUrl),
};

/** The runs that must fail: the node whose error ends the execution, and the start of its message. */
export const EXPECTED_ERRORS: Record<string, { node: string; message: RegExp }> = {
	'sso-config-history.json': {
		node: 'Fail: No Such Version',
		message: /^No version in the data table sso_config_history has the hash "". Copy a hash/,
	},
};

/** A row of the data table sso_config_history (its string columns and n8n's id). */
export type Row = Record<string, unknown> & { id: number };

/** The rows a run added to the data table. */
export function addedRows(o: Pick<Observed, 'rowsBefore' | 'rowsAfter'>): Row[] {
	const known = new Set(o.rowsBefore.map((row) => row.id));
	return o.rowsAfter.filter((row) => !known.has(row.id));
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Rows stored by COUNT runs: exactly COUNT, each of KIND, its hash the SHA-256 of its text, its text
 * CONFIG (the server's configuration, parsed) and a capture time.
 */
export function expectStoredVersions(
	added: Row[],
	count: number,
	kind: string,
	config: unknown,
	expect: Expect,
): void {
	expect(
		added.length === count,
		`rows added to sso_config_history: ${added.length} (${show(added.map((r) => r.kind))}), expected ${count}`,
	);
	for (const row of added) {
		const text = String(row.config);
		expect(row.kind === kind, `row ${row.id}: kind ${show(row.kind)}, expected ${show(kind)}`);
		expect(row.hash === sha256(text), `row ${row.id}: hash is not the SHA-256 of its text`);
		expect(
			!Number.isNaN(Date.parse(String(row.capturedAt))),
			`row ${row.id}: capturedAt ${show(row.capturedAt)}`,
		);
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = undefined;
		}
		expect(
			isDeepStrictEqual(parsed, config),
			`row ${row.id}: its text is not the server's configuration: ${text.slice(0, 200)}`,
		);
	}
}

const expectCalls = (o: Observed, file: string, expect: Expect) => {
	const expected = EXPECTED_CALLS[file]();
	expect(
		same(calls(o.requests), expected),
		`requests ${show(calls(o.requests))}, expected ${show(expected)}`,
	);
};

function cloneRefreshSave(o: Observed, expect: Expect): void {
	expectCalls(o, 'clone-refresh-save.json', expect);
	expectStoredVersions(addedRows(o), 1, 'clone', latestConfig(o.before), expect);
	expect(
		isDeepStrictEqual(o.after.resolution, o.before.resolution),
		"the save changed the simulator's resolution configuration",
	);
}

function cloneRefresh(o: Observed, expect: Expect): void {
	expectCalls(o, 'clone-refresh.json', expect);
	// The newest row of kind clone before the run: the text the refresh must upload.
	const saved = o.rowsBefore.filter((row) => row.kind === 'clone').at(-1);
	expect(saved !== undefined, 'no row of kind clone in sso_config_history before the run');
	const text = String(saved?.config);
	const put = o.requests.find((r) => r.method === 'PUT');
	expect(put?.body === text, 'the PUT body is not the saved text byte for byte');
	const savedConfig = saved ? (JSON.parse(text) as ResolutionConfig) : undefined;
	const config = latestConfig(o.after);
	expect(
		isDeepStrictEqual(config, savedConfig),
		`the simulator's configuration after the run is not the saved one: ${show({ idp: config.idps[0], entityId: config.entityId })}`,
	);
	expectStoredVersions(addedRows(o), 1, 'before clone refresh', latestConfig(o.before), expect);
	const reset = output(o.execution, "Reset Entity ID to the Clone's Base URL");
	const expectedReset = [
		{
			previousEntityId: savedConfig?.entityId,
			entityId: `${o.simUrl}/plugins/servlet/samlsso`,
		},
	];
	expect(
		isDeepStrictEqual(reset, expectedReset),
		`Reset Entity ID output ${show(reset)}, expected ${show(expectedReset)}`,
	);
	const compared = output(o.execution, 'Compare With the Saved Config')?.map((i) => i.identical);
	expect(same(compared, [true]), `Compare's identical: ${show(compared)}`);
	const done = output(o.execution, 'Clone Refreshed');
	expect(done?.length === 1, `Clone Refreshed output ${show(done)}`);
	expect(output(o.execution, 'Fail: Clone Differs') === undefined, 'Fail: Clone Differs ran');
}

function ssoConfigHistoryUnedited(o: Observed, expect: Expect): void {
	expectCalls(o, 'sso-config-history.json', expect);
	expect(addedRows(o).length === 0, `rows added: ${show(addedRows(o))}`);
	expect(output(o.execution, 'Plan the Restore') === undefined, 'Plan the Restore ran');
	expect(
		isDeepStrictEqual(o.after.resolution, o.before.resolution),
		"the run changed the simulator's resolution configuration",
	);
}

function userSyncWatch(o: Observed, expect: Expect): void {
	const syncId = output(o.execution, 'Sync Connector and Wait')?.[0]?.syncId;
	// The simulator answers RUNNING to the first two status reads of a sync of connector 1: 3 polls.
	const expected = [
		`GET ${RESOLUTION}/usersync/connector/1/syncstatus`,
		`POST ${RESOLUTION}/usersync/connector/1/sync`,
		...Array.from({ length: 3 }, () => `GET ${RESOLUTION}/usersync/syncstatus/${String(syncId)}`),
	];
	expect(
		same(calls(o.requests), expected),
		`requests ${show(calls(o.requests))}, expected ${show(expected)}`,
	);
	const sync = o.after.resolution.syncs.find((s) => String(s.id) === String(syncId));
	expect(
		sync?.status === 'DONE',
		`the simulator's sync ${String(syncId)}: ${sync?.status ?? 'none'}`,
	);
	expect(
		o.after.resolution.syncs.length === o.before.resolution.syncs.length + 1,
		'syncs started: not exactly one',
	);
	const done = output(o.execution, 'All Users Synchronized');
	expect(
		done?.length === 1 &&
			done[0].connectorId === '1' &&
			done[0].status === 'DONE' &&
			done[0].failedCount === 0,
		`All Users Synchronized output ${show(done)}`,
	);
	expect(
		output(o.execution, 'Fail: Users Not Synchronized') === undefined,
		'the Stop And Error node ran',
	);
}

function rotateIdpCertificate(o: Observed, expect: Expect): void {
	const node = readExample('rotate-idp-certificate.json').nodes.find(
		(n) => n.name === 'New certificate',
	);
	const assignments = (
		node?.parameters as { assignments: { assignments: Array<{ name: string; value: string }> } }
	).assignments.assignments;
	const pem = assignments.find((a) => a.name === 'certificate')?.value ?? '';
	const der = pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
	const expected = [
		{ call: `PATCH ${ATLASSIAN_SSO}/sso`, body: { 'enable-authentication-fallback': true } },
		{ call: `PATCH ${ATLASSIAN_SSO}/idps/1`, body: { certificate: der } },
		{ call: `GET ${ATLASSIAN_SSO}/idps/1`, body: undefined },
		{ call: `GET ${ATLASSIAN_SSO}/sso`, body: undefined },
		{ call: `PATCH ${ATLASSIAN_SSO}/sso`, body: { 'enable-authentication-fallback': false } },
	];
	const seen = o.requests.map((r) => ({
		call: `${r.method} ${r.path}`,
		body: r.body ? (JSON.parse(r.body) as unknown) : undefined,
	}));
	expect(same(seen, expected), `requests ${show(seen)}`);
	const [before, after] = [o.before.authconfig.idps[0], o.after.authconfig.idps[0]];
	expect(after?.certificate === der, "the simulator's IdP 1 does not hold the new certificate");
	expect(
		same(
			{ ...after, certificate: before.certificate, 'last-updated': before['last-updated'] },
			before,
		),
		"the simulator's IdP 1 changed beyond its certificate",
	);
	expect(
		o.after.authconfig.sso['enable-authentication-fallback'] === false,
		"the simulator's authentication fallback is not off again",
	);
	const last = output(o.execution, 'Disable authentication fallback')?.[0];
	expect(
		last?.['enable-authentication-fallback'] === false,
		`Disable authentication fallback output ${show(last)}`,
	);
}

function adAttributesSyncReads(o: Observed, expect: Expect): void {
	// Two branches from the trigger: their requests may come in either order.
	const expected = callCounts([`GET ${AD}/connection`, `GET ${AD}/user`]);
	expect(
		same(callCounts(calls(o.requests)), expected),
		`requests ${show(calls(o.requests))}, expected ${show(expected)}`,
	);
	const users = o.requests.find((r) => r.path === `${AD}/user`);
	expect(
		same(users?.query, { page: '1', size: String(AD_LIMIT) }),
		`GET ${AD}/user asked for ${show(users?.query)}, expected page 1 of ${AD_LIMIT}`,
	);
	const enabled = o.before.deviniti.connections.filter((c) => c.enabled);
	const connections = output(o.execution, 'List AD connections') ?? [];
	expect(
		same(connections.map((c) => c.connection).sort(), enabled.map((c) => c.name).sort()),
		`connections output ${show(connections.map((c) => c.connection))}, expected the enabled ${show(enabled.map((c) => c.name))}`,
	);
	const enabledIds = new Set(enabled.map((c) => c.id));
	const wanted = o.before.deviniti.users
		.filter((u) => enabledIds.has(u.connectionId))
		.slice(0, AD_LIMIT)
		.map((u) => u.username);
	const got = (output(o.execution, 'List AD users') ?? []).map((u) => u.username);
	expect(
		same(got, wanted),
		`users output ${show(got)}, expected the first ${AD_LIMIT} ${show(wanted)}`,
	);
	expect(
		same(o.after.deviniti.connections, o.before.deviniti.connections) &&
			same(o.after.deviniti.users, o.before.deviniti.users),
		"the reads changed the simulator's AD connections or users",
	);
}

/** examples/<file> or a scenario's name → its expectations on one run. */
export const OUTCOMES: Record<string, (observed: Observed, expect: Expect) => void> = {
	'clone-refresh-save.json': cloneRefreshSave,
	'clone-refresh.json': cloneRefresh,
	'sso-config-history.json': ssoConfigHistoryUnedited,
	'user-sync-watch.json': userSyncWatch,
	'rotate-idp-certificate.json': rotateIdpCertificate,
	'ad-attributes-sync-reads': adAttributesSyncReads,
};

/** The suite's own workflows, beside the examples: run like them, by a worker. */
export const QUEUE_SCENARIOS: Array<{
	name: string;
	workflow: (credentialId: string) => WorkflowInput;
}> = [
	{
		name: 'ad-attributes-sync-reads',
		workflow: (credentialId) => {
			const credentials = {
				atlassianDataCenterApi: { id: credentialId, name: 'Atlassian Data Center' },
			};
			const node = 'n8n-nodes-atlassian-dc-identity.adAttributesSync';
			return {
				id: 'qAdReads',
				name: 'Queue: AD Attributes Sync reads',
				nodes: [
					{
						id: 'a0000000-0000-4000-8000-000000000001',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 100],
						parameters: {},
					},
					{
						id: 'a0000000-0000-4000-8000-000000000002',
						name: 'List AD connections',
						type: node,
						typeVersion: 1,
						position: [240, 0],
						parameters: { resource: 'connection', operation: 'getAll' },
						credentials,
					},
					{
						id: 'a0000000-0000-4000-8000-000000000003',
						name: 'List AD users',
						type: node,
						typeVersion: 1,
						position: [240, 200],
						parameters: {
							resource: 'user',
							operation: 'getAll',
							returnAll: false,
							limit: AD_LIMIT,
							filters: {},
							options: {},
						},
						credentials,
					},
				],
				connections: {
					Start: {
						main: [
							[
								{ node: 'List AD connections', type: 'main', index: 0 },
								{ node: 'List AD users', type: 'main', index: 0 },
							],
						],
					},
				},
				active: false,
			};
		},
	},
];
