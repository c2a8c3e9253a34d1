/**
 * The overhead benchmark's baseline: a bare node in n8n's engine that does the package's job the simplest way on the
 * package's own route, n8n's request helper (`helpers.httpRequestWithAuthentication`) with the shared credential,
 * decrypted once per run as the package's transport does, and the same 8 requests in flight (`mapConcurrent` with
 * DEFAULT_CONCURRENCY, the package's default cap). Nothing of the package runs: no gate, no retries, no parameters,
 * no checks, no error mapping. What the package's node takes beyond this node is the package's own overhead.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import type { UsersPage } from '../nodes/AdAttributesSync/api';
import { mapConcurrent, CREDENTIAL_TYPE, DEFAULT_CONCURRENCY } from '../nodes/shared/http';
import { harnessNodeDescription } from '../test/harness/baseNodes';
import { nodeTypes } from '../test/harness/engine';
import { everyUserPage, syncSinglePath, USERS_PATH } from './jobs';

/** Its type, registered in the harness's engine when this module is loaded; its parameter `case` is `getAll` or `syncUser`. */
export const HELPER_NODE_TYPE = 'bench.requestHelper';

class RequestHelperOnly implements INodeType {
	description = harnessNodeDescription({
		displayName: 'Request Helper Only',
		name: 'requestHelperOnly',
		description: "n8n's request helper alone, the overhead benchmark's baseline",
		defaults: { name: 'Helper' },
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [{ displayName: 'Case', name: 'case', type: 'string', default: 'getAll' }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const data = await this.getCredentials(CREDENTIAL_TYPE);
		const credentialsDecrypted = { id: '1', name: CREDENTIAL_TYPE, type: CREDENTIAL_TYPE, data };
		const baseUrl = String(data.baseUrl).replace(/\/+$/, '');
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
			const pages = await everyUserPage(
				async (n, size) => (await send('GET', `${USERS_PATH}?page=${n}&size=${size}`)) as UsersPage,
			);
			return [
				pages.flatMap((p) => p.elements.map((json) => ({ json: json as unknown as IDataObject }))),
			];
		}
		const items = this.getInputData();
		const output = await mapConcurrent(items, DEFAULT_CONCURRENCY, async (item, index) => {
			const username = String(item.json.username);
			const answer = (await send('POST', syncSinglePath(username))) as IDataObject;
			return { json: { connectorId: '1', username, ...answer }, pairedItem: { item: index } };
		});
		return [output];
	}
}

nodeTypes.add(HELPER_NODE_TYPE, new RequestHelperOnly());
