/**
 * The overhead benchmark's baseline: a bare node in n8n's engine that does the package's job the simplest way on the
 * package's own route, n8n's request helper (`helpers.httpRequestWithAuthentication`) with the shared credential,
 * decrypted once per run as the package's transport does, and the same 8 requests in flight (`mapConcurrent` with
 * DEFAULT_CONCURRENCY, the package's default cap). Nothing of the package runs: no gate, no retries, no parameters,
 * no checks, no error mapping. What the package's node takes beyond this node is the package's own overhead.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { PAGE_SIZE, type UsersPage } from '../nodes/AdAttributesSync/api';
import { mapConcurrent, CREDENTIAL_TYPE, DEFAULT_CONCURRENCY } from '../nodes/shared/http';
import { ITEMS_NODE_TYPE } from '../test/harness/baseNodes';
import { nodeTypes, runWorkflow } from '../test/harness/engine';

export const HELPER_NODE_TYPE = 'bench.requestHelper';

class RequestHelperOnly implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Request Helper Only',
		name: 'requestHelperOnly',
		group: ['transform'],
		version: 1,
		description: "n8n's request helper alone, the overhead benchmark's baseline",
		defaults: { name: 'Helper' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [{ displayName: 'Case', name: 'case', type: 'string', default: 'getAll' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const data = await this.getCredentials(CREDENTIAL_TYPE);
		const credentialsDecrypted = { id: '1', name: CREDENTIAL_TYPE, type: CREDENTIAL_TYPE, data };
		const baseUrl = String(data.baseUrl);
		const send = async (method: 'GET' | 'POST', path: string): Promise<unknown> => {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{
					method,
					url: `${baseUrl}${path}`,
					headers: {
						Accept: 'application/json',
						...(method === 'POST' ? { 'X-Atlassian-Token': 'no-check' } : {}),
					},
					encoding: 'text',
					json: false,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
					disableFollowRedirect: true,
				},
				{ credentialsDecrypted },
			)) as { statusCode: number; body: string };
			if (response.statusCode !== 200) throw new Error(`${method} ${path}: ${response.statusCode}`);
			return JSON.parse(response.body);
		};
		if (this.getNodeParameter('case', 0) === 'getAll') {
			const page = async (n: number, size: number) =>
				(await send('GET', `/rest/intenso/ad/1.0/public/user?page=${n}&size=${size}`)) as UsersPage;
			const first = await page(1, PAGE_SIZE);
			const rest = Array.from({ length: first.page.totalPages - 1 }, (_, i) => i + 2);
			const pages = await mapConcurrent(
				rest,
				DEFAULT_CONCURRENCY,
				async (n) => await page(n, first.page.pageSize),
			);
			return [
				[first, ...pages].flatMap((p) =>
					p.elements.map((json) => ({ json: json as unknown as IDataObject })),
				),
			];
		}
		const items = this.getInputData();
		const output = await mapConcurrent(items, DEFAULT_CONCURRENCY, async (item, index) => {
			const username = String(item.json.username);
			const answer = (await send(
				'POST',
				`/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/${encodeURIComponent(username)}`,
			)) as IDataObject;
			return { json: { connectorId: '1', username, ...answer }, pairedItem: { item: index } };
		});
		return [output];
	}
}

nodeTypes.add(HELPER_NODE_TYPE, new RequestHelperOnly());

/** Runs the bare node in the engine, fed by the input items, as `runNode` runs the package's nodes; answers its items. */
export async function runHelperNode(
	which: 'getAll' | 'syncUser',
	credentials: IDataObject,
	input: IDataObject[] = [{}],
): Promise<INodeExecutionData[]> {
	const run = await runWorkflow(
		{
			nodes: [
				{
					id: 'input',
					name: 'Input',
					type: ITEMS_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: { items: JSON.stringify(input.map((json) => ({ json }))) },
				},
				{
					id: 'helper',
					name: 'Helper',
					type: HELPER_NODE_TYPE,
					typeVersion: 1,
					position: [200, 0],
					parameters: { case: which },
					credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Data Center' } },
				},
			],
			connections: { Input: { main: [[{ node: 'Helper', type: 'main', index: 0 }]] } },
		},
		credentials as never,
	);
	if (run.error) throw run.error;
	return run.output('Helper');
}
