// Writes the benchmark's credentials and workflows for a real n8n (used by scripts/bench.ts):
//   node bench/n8n/workflows.mjs OUT_DIR SIMULATOR_URL
// OUT_DIR/credentials.json and OUT_DIR/workflows/*.json (each with a fixed id).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, sim] = process.argv.slice(2);
if (!out || !sim) {
	console.error('usage: node bench/n8n/workflows.mjs OUT_DIR SIMULATOR_URL');
	process.exit(2);
}

export const PAGE_SIZE = 1000; // the package's page size (nodes/AdAttributesSync/api.ts), used by HTTP Request too
export const SYNC_USERS = 1000;
const PKG = 'n8n-nodes-atlassian-dc-identity';
const dcCredential = { atlassianDataCenterApi: { id: 'dc-credential', name: 'Atlassian Data Center' } };
const basicCredential = { httpBasicAuth: { id: 'bench-basic-auth', name: 'Simulator admin (Basic)' } };

const credentials = [
	{
		id: 'dc-credential',
		name: 'Atlassian Data Center',
		type: 'atlassianDataCenterApi',
		data: { baseUrl: sim, authentication: 'basicAuth', username: 'admin', password: 'admin-password' },
	},
	{ id: 'bench-basic-auth', name: 'Simulator admin (Basic)', type: 'httpBasicAuth', data: { user: 'admin', password: 'admin-password' } },
];

let n = 0;
const node = (name, type, typeVersion, parameters, extra = {}) => ({
	id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
	name,
	type,
	typeVersion,
	position: [n * 220, 0],
	parameters,
	...extra,
});
const chain = (...names) =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
const workflow = (id, name, nodes) => ({
	id,
	name,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes,
	connections: chain(...nodes.map((x) => x.name)),
	pinData: {},
});
const trigger = () => node('Start', 'n8n-nodes-base.manualTrigger', 1, {});
const jsonHeaders = (...extra) => ({
	sendHeaders: true,
	headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }, ...extra] },
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
	node('One Item per User', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'usernames', include: 'noOtherFields', options: {} }),
];

n = 0;
const getAllPackage = workflow('bench-getall-package', 'bench: AD users, package getAll', [
	trigger(),
	node('Measured', `${PKG}.adAttributesSync`, 1, { resource: 'user', operation: 'getAll', returnAll: true, filters: {} }, { credentials: dcCredential }),
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
						parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.page.current >= $response.body.page.totalPages }}',
					},
				},
			},
		},
		{ credentials: basicCredential },
	),
	// HTTP Request outputs one item per page: split them into one item per user, as the package outputs.
	node('One Item per User', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'elements', include: 'noOtherFields', options: {} }),
]);

n = 0;
const syncPackage = workflow('bench-sync-package', 'bench: syncUser x1000, package', [
	trigger(),
	...usernames(),
	node(
		'Measured',
		`${PKG}.resolutionSamlSso`,
		1,
		{ resource: 'connector', operation: 'syncUser', connectorId: '1', username: '={{ $json.usernames }}', options: {} },
		{ credentials: dcCredential },
	),
]);

const syncHttp = (id, name, batching) => {
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

mkdirSync(join(out, 'workflows'), { recursive: true });
writeFileSync(join(out, 'credentials.json'), JSON.stringify(credentials, null, 2));
for (const wf of [
	getAllPackage,
	getAllHttp,
	syncPackage,
	// Batching in HTTP Request only spaces out the *start* of requests (batchSize items, then batchInterval ms);
	// it never waits for answers. 8 per 20 ms is the rate of 8 requests in flight at 20 ms each, the package's bound.
	syncHttp('bench-sync-http-batch', 'bench: syncUser x1000, HTTP Request batching 8 / 20 ms', { batchSize: 8, batchInterval: 20 }),
	// Without batching every item's request starts at once (1,000 in flight): no bound on the server's load.
	syncHttp('bench-sync-http-all', 'bench: syncUser x1000, HTTP Request without batching', null),
]) {
	writeFileSync(join(out, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
}
