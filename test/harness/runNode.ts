import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { runWorkflow, type EngineRun } from './engine';
import { ITEMS_NODE_TYPE } from './baseNodes';
import { PACKAGE_PREFIX } from './nodeTypes';

export interface RunNodeOptions {
	/**
	 * The node's short name: `kantegaSso`, `resolutionSamlSso`, `adAttributesSync`, `atlassianDcSso`; or the whole
	 * type (with a dot) of another node registered in the harness, e.g. bench/helperNode.ts's `bench.requestHelper`.
	 */
	node: string;
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	/** Input items (JSON only), default one empty item. */
	input?: IDataObject[];
	/** Input items with binary data. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** n8n's node setting "Execute Once": the node runs for the first input item only. */
	executeOnce?: boolean;
	signal?: AbortSignal;
}

export interface NodeRun extends EngineRun {
	items: INodeExecutionData[];
	json: IDataObject[];
}

export const NODE_UNDER_TEST = 'Node under test';

/** Runs one node of the package in n8n's real engine, fed by an input node, and answers its output. */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const type = options.node.includes('.') ? options.node : `${PACKAGE_PREFIX}.${options.node}`;
	const inputItems = options.inputItems ?? (options.input ?? [{}]).map((json) => ({ json }));
	const result = await runWorkflow(
		{
			nodes: [
				{
					id: 'input',
					name: 'Input',
					type: ITEMS_NODE_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: { items: JSON.stringify(inputItems) },
				},
				{
					id: 'node',
					name: NODE_UNDER_TEST,
					type,
					typeVersion: 1,
					position: [200, 0],
					parameters: options.parameters,
					credentials: { atlassianDataCenterApi: { id: '1', name: 'Data Center' } },
					...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
					...(options.executeOnce ? { executeOnce: true } : {}),
				},
			],
			connections: { Input: { main: [[{ node: NODE_UNDER_TEST, type: 'main', index: 0 }]] } },
		},
		options.credentials,
		{ signal: options.signal },
	);
	const items = result.output(NODE_UNDER_TEST);
	return { ...result, items, json: items.map((i) => i.json) };
}
