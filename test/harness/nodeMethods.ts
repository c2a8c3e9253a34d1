import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { additionalData } from './engine';
import { HarnessNodeTypes, PACKAGE_PREFIX } from './nodeTypes';

const nodeTypes = new HarnessNodeTypes();

/**
 * The context n8n's editor backend gives a node's `listSearch` and `loadOptions` methods:
 * n8n-core's LoadOptionsContext over the node with the panel's current parameters.
 */
function loadOptionsContext(
	node: string,
	parameters: INodeParameters,
	credentials: ICredentialDataDecryptedObject,
	path: string,
) {
	const type = `${PACKAGE_PREFIX}.${node}`;
	const nodeData: INode = {
		id: 'node',
		name: 'Node in the editor',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { atlassianDataCenterApi: { id: '1', name: 'Data Center' } },
	};
	const workflow = new Workflow({
		id: 'editor',
		nodes: [nodeData],
		connections: {},
		active: false,
		nodeTypes,
		staticData: {},
		settings: {},
	});
	const data = additionalData(new TestCredentialsHelper(() => credentials));
	data.currentNodeParameters = parameters;
	return {
		context: new LoadOptionsContext(workflow, nodeData, data, path),
		nodeType: nodeTypes.getByNameAndVersion(type, 1),
	};
}

export interface MethodCall {
	node: string;
	method: string;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
}

/** Calls a node's list search as the editor does when a resource locator's list opens, is searched or scrolled. */
export async function listSearch(
	call: MethodCall & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { context, nodeType } = loadOptionsContext(
		call.node,
		call.parameters,
		call.credentials,
		`parameters.${call.method}`,
	);
	const method = nodeType.methods?.listSearch?.[call.method];
	if (!method) throw new Error(`${call.node} has no list search ${call.method}`);
	return await method.call(context, call.filter, call.paginationToken);
}

/** Calls a node's loadOptions method as the editor does when an options parameter opens. */
export async function loadOptions(call: MethodCall): Promise<INodePropertyOptions[]> {
	const { context, nodeType } = loadOptionsContext(
		call.node,
		call.parameters,
		call.credentials,
		`parameters.${call.method}`,
	);
	const method = nodeType.methods?.loadOptions?.[call.method];
	if (!method) throw new Error(`${call.node} has no loadOptions method ${call.method}`);
	return await method.call(context);
}
