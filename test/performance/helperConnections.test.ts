/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * What the README's performance section rests on: n8n's request helper (n8n-core 2.41) opens a new connection for
 * every request, and its only agent setting (`agentOptions`, spread into a new http.Agent per request) cannot make it
 * reuse one: `keepAlive` only leaves each socket open, never used again. That is why the credential's Connections
 * defaults to fetch, which reuses them. If n8n starts reusing connections, the helper tests here fail, and the
 * decision written there should be measured again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { nodeTypes, runWorkflow } from '../harness/engine';
import { runNode } from '../harness/runNode';

let server: Server;
let url: string;
let connections = 0;
const connectionHeaders: Array<string | undefined> = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		connectionHeaders.push(request.headers.connection);
		response.setHeader('Content-Type', 'application/json');
		response.end('{"status":"ok"}');
	});
	server.on('connection', () => connections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	connections = 0;
	connectionHeaders.length = 0;
});

/** A bare node that sends three GETs one after the other through n8n's helper, with the given agent options. */
class KeepAliveProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keep-Alive Probe',
		name: 'keepAliveProbe',
		group: ['transform'],
		version: 1,
		description: 'Three requests through n8n’s helper',
		defaults: { name: 'Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		for (let i = 0; i < 3; i++) await this.helpers.httpRequest({ url: `${url}/probe`, agentOptions: { keepAlive: true } });
		return [[{ json: {} }]];
	}
}
nodeTypes.add('test.keepAliveProbe', new KeepAliveProbe());

describe("n8n's request helper and connections (the cost of the convention)", () => {
	const sync = async (connections: string, usernames = ['a', 'b', 'c']) =>
		await runNode({
			node: 'resolutionSamlSso',
			parameters: { resource: 'connector', operation: 'syncUser', connectorId: '1', username: '={{ $json.username }}', options: { maxInFlight: 1 } },
			credentials: { baseUrl: url, authentication: 'basicAuth', username: 'admin', password: 'admin-password', connections },
			input: usernames.map((username) => ({ username })),
		});

	test('the package, by default: connections kept open and used again', async () => {
		const usernames = Array.from({ length: 20 }, (_, i) => `user${i}`);
		expect((await sync('reuse', usernames)).error).toBeUndefined();
		expect(connectionHeaders).toEqual(usernames.map(() => 'keep-alive'));
		// One request at a time: fetch takes a second connection when the next request starts before it has put
		// the first back in its pool, never one per request.
		expect(connections).toBeLessThanOrEqual(2);
	});

	test("the package through n8n's HTTP client: one new connection per request, closed after the answer", async () => {
		expect((await sync('perRequest')).error).toBeUndefined();
		expect(connectionHeaders).toEqual(['close', 'close', 'close']);
		expect(connections).toBe(3);
	});

	test('agentOptions.keepAlive keeps each socket open but reuses none (a new agent per request)', async () => {
		const run = await runWorkflow(
			{ nodes: [{ id: 'p', name: 'Probe', type: 'test.keepAliveProbe', typeVersion: 1, position: [0, 0], parameters: {} }], connections: {} },
			{},
		);
		expect(run.error).toBeUndefined();
		expect(connectionHeaders).toEqual(['keep-alive', 'keep-alive', 'keep-alive']);
		expect(connections).toBe(3);
	});
});
