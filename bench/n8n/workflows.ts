/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The benchmark's credentials and workflows for a real n8n (used by scripts/bench.ts), each
 * workflow with a fixed id: `writeBenchImport(OUT_DIR, SIMULATOR_URL)` writes
 * OUT_DIR/credentials.json and OUT_DIR/workflows/*.json. Also a command:
 *   tsx bench/n8n/workflows.ts OUT_DIR SIMULATOR_URL
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PAGE_SIZE } from '../../nodes/AdAttributesSync/api';
import { CREDENTIAL_TYPE } from '../../nodes/shared/http';
import type { CredentialInput, WorkflowInput, WorkflowNode } from '../../scripts/lib/n8n/rest';
import { SIMULATOR_USERS } from '../../test/simulator';
import { adminBasic } from '../../test/support/credentials';
import { syncUser } from '../../test/support/nodeParameters';

/** The package's page size, used by HTTP Request too. */
export { PAGE_SIZE };
/** syncUser items: the usernames user0001..user1000 (the simulator knows user0001..user2000). */
export const SYNC_USERS = 1000;
const PKG = 'n8n-nodes-atlassian-dc-identity';
const dcCredential = { [CREDENTIAL_TYPE]: { id: 'dc-credential', name: 'Atlassian Data Center' } };
const basicCredential = {
	httpBasicAuth: { id: 'bench-basic-auth', name: 'Simulator admin (Basic)' },
};

/** The package's credential and HTTP Request's Basic auth, both as the simulator's sysadmin. */
export function benchCredentials(sim: string): CredentialInput[] {
	const { username, password } = SIMULATOR_USERS.admin;
	return [
		{
			id: 'dc-credential',
			name: 'Atlassian Data Center',
			type: CREDENTIAL_TYPE,
			data: adminBasic({ url: sim }),
		},
		{
			id: 'bench-basic-auth',
			name: 'Simulator admin (Basic)',
			type: 'httpBasicAuth',
			data: { user: username, password },
		},
	];
}

/** The workflows, each Start -> ... -> Measured (-> one item per user), against the simulator at SIM. */
export function benchWorkflows(sim: string): WorkflowInput[] {
	let n = 0;
	const node = (
		name: string,
		type: string,
		typeVersion: number,
		parameters: Record<string, unknown>,
		extra: Partial<WorkflowNode> = {},
	): WorkflowNode => ({
		id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [n * 220, 0],
		parameters,
		...extra,
	});
	const chain = (...names: string[]) =>
		Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
		);
	const workflow = (id: string, name: string, nodes: WorkflowNode[]): WorkflowInput => ({
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections: chain(...nodes.map((x) => x.name)),
		pinData: {},
	});
	const trigger = () => node('Start', 'n8n-nodes-base.manualTrigger', 1, {});
	const jsonHeaders = (...extra: Array<{ name: string; value: string }>) => ({
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }, ...extra] },
	});
	/** Split Out: one item per element of the array `field`, nothing else of the item kept. */
	const oneItemPerUser = (field: string) =>
		node('One Item per User', 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: field,
			include: 'noOtherFields',
			options: {},
		});

	// The 1,000 usernames user0001..user1000 (the simulator knows user0001..user2000), one item each.
	const usernames = () => [
		node('Usernames', 'n8n-nodes-base.set', 3.4, {
			mode: 'manual',
			assignments: {
				assignments: [
					{
						id: 'u1',
						name: 'usernames',
						type: 'array',
						value: `={{ Array.from({ length: ${SYNC_USERS} }, (_, i) => 'user' + String(i + 1).padStart(4, '0')) }}`,
					},
				],
			},
			options: {},
		}),
		oneItemPerUser('usernames'),
	];

	n = 0;
	const getAllPackage = workflow('bench-getall-package', 'bench: AD users, package getAll', [
		trigger(),
		node(
			'Measured',
			`${PKG}.adAttributesSync`,
			1,
			{ resource: 'user', operation: 'getAll', returnAll: true, filters: {} },
			{ credentials: dcCredential },
		),
	]);

	n = 0;
	const getAllHttp = workflow('bench-getall-http', 'bench: AD users, HTTP Request pagination', [
		trigger(),
		node(
			'Measured',
			'n8n-nodes-base.httpRequest',
			4.2,
			{
				method: 'GET',
				url: `${sim}/rest/intenso/ad/1.0/public/user`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpBasicAuth',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'size', value: String(PAGE_SIZE) }] },
				...jsonHeaders(),
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression:
								'={{ $response.body.page.current >= $response.body.page.totalPages }}',
						},
					},
				},
			},
			{ credentials: basicCredential },
		),
		// HTTP Request outputs one item per page: split them into one item per user, as the package outputs.
		oneItemPerUser('elements'),
	]);

	n = 0;
	const syncPackage = workflow('bench-sync-package', 'bench: syncUser x1000, package', [
		trigger(),
		...usernames(),
		node(
			'Measured',
			`${PKG}.resolutionSamlSso`,
			1,
			{ ...syncUser('={{ $json.usernames }}'), options: {} },
			{ credentials: dcCredential },
		),
	]);

	const syncHttp = (
		id: string,
		name: string,
		batching: { batchSize: number; batchInterval: number } | null,
	) => {
		n = 0;
		return workflow(id, name, [
			trigger(),
			...usernames(),
			node(
				'Measured',
				'n8n-nodes-base.httpRequest',
				4.2,
				{
					method: 'POST',
					url: `=${sim}/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/{{ encodeURIComponent($json.usernames) }}`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpBasicAuth',
					...jsonHeaders({ name: 'X-Atlassian-Token', value: 'no-check' }),
					options: batching ? { batching: { batch: batching } } : {},
				},
				{ credentials: basicCredential },
			),
		]);
	};

	return [
		getAllPackage,
		getAllHttp,
		syncPackage,
		// Batching in HTTP Request only spaces out the *start* of requests (batchSize items, then batchInterval ms);
		// it never waits for answers. 8 per 20 ms is the rate of 8 requests in flight at 20 ms each, the package's bound.
		syncHttp('bench-sync-http-batch', 'bench: syncUser x1000, HTTP Request batching 8 / 20 ms', {
			batchSize: 8,
			batchInterval: 20,
		}),
		// Without batching every item's request starts at once (1,000 in flight): no bound on the server's load.
		syncHttp('bench-sync-http-all', 'bench: syncUser x1000, HTTP Request without batching', null),
	];
}

/** Writes OUT/credentials.json and OUT/workflows/<id>.json for the simulator at SIM. */
export function writeBenchImport(out: string, sim: string): void {
	mkdirSync(join(out, 'workflows'), { recursive: true });
	writeFileSync(join(out, 'credentials.json'), JSON.stringify(benchCredentials(sim), null, 2));
	for (const wf of benchWorkflows(sim)) {
		writeFileSync(join(out, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
	}
}

if (require.main === module) {
	const [out, sim] = process.argv.slice(2);
	if (!out || !sim) {
		console.error('usage: tsx bench/n8n/workflows.ts OUT_DIR SIMULATOR_URL');
		process.exit(2);
	}
	writeBenchImport(out, sim);
}
