/**
 * What each workflow the queue-mode suite runs must have done, seen from the simulator (the
 * requests it received: method + path, exact counts, in order where the workflow is sequential;
 * its state after) and in the execution's output items, not only its status. The same
 * expectations as the e2e suite's (test/e2e/run-checks.ts), here for executions run by a worker.
 *
 * An outcome is keyed by examples/<file> or by the name of one of the suite's own scenarios
 * (QUEUE_SCENARIOS below, imported by scripts/queue/scenarios.ts).
 */
import type { Execution, WorkflowInput } from '../lib/n8n';
import type { RecordedRequest, SimulatorState } from '../../test/simulator';
import { readExample } from '../../test/e2e/prepare-workflows';

type Item = Record<string, unknown>;

/** What a run left: the execution (with its data) and the simulator's requests and state around it. */
export interface Observed {
	execution: Execution;
	requests: RecordedRequest[];
	before: SimulatorState;
	after: SimulatorState;
	simUrl: string;
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
	'clone-refresh.json': () => [
		`GET ${RESOLUTION}/config`, // Get Clone's Config
		`GET ${RESOLUTION}/config`, // Replace's "include previous" reads the configuration it replaces
		`PUT ${RESOLUTION}/config`, // Replace (the app answers with the configuration)
		`GET ${RESOLUTION}/config`, // Reset Entity ID reads the entity ID it replaces
		`POST ${RESOLUTION}/reset/entityid`,
		`GET ${RESOLUTION}/config`, // ... and the new one (the app answers 204 with no body)
	],
};

function cloneRefresh(o: Observed, expect: Expect): void {
	const expected = EXPECTED_CALLS['clone-refresh.json']();
	expect(
		same(calls(o.requests), expected),
		`requests ${show(calls(o.requests))}, expected ${show(expected)}`,
	);
	const config = latestConfig(o.after);
	const before = latestConfig(o.before);
	expect(
		config.idps[0]?.entityId === 'https://idp.staging.example.com/identifier/' &&
			config.idps[0]?.metadataurl === 'https://idp.staging.example.com/identifier/metadata' &&
			config.redirectToSso === false &&
			config.entityId === `${o.simUrl}/plugins/servlet/samlsso`,
		`the simulator's configuration after the run: ${show({ idp: config.idps[0], redirectToSso: config.redirectToSso, entityId: config.entityId })}`,
	);
	const previous = output(o.execution, 'Replace Config')?.[0]?.previous;
	expect(
		same(previous, before),
		`Replace Config's previous is not the configuration before the run`,
	);
	const reset = output(o.execution, "Reset Entity ID to the Clone's Base URL");
	const expectedReset = [
		{ previousEntityId: before.entityId, entityId: `${o.simUrl}/plugins/servlet/samlsso` },
	];
	expect(
		same(reset, expectedReset),
		`Reset Entity ID output ${show(reset)}, expected ${show(expectedReset)}`,
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
	'clone-refresh.json': cloneRefresh,
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
