/* eslint-disable @typescript-eslint/no-require-imports */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IVersionedNodeType,
} from 'n8n-workflow';

export const ITEMS_NODE_TYPE = 'harness.items';

/**
 * The description of a node the harness or a benchmark defines for itself: version 1, one main input and one
 * main output, usable as a tool, unless `own` says otherwise; `own` names it and gives its parameters.
 */
export function harnessNodeDescription(
	own: Omit<INodeTypeDescription, 'group' | 'version' | 'inputs' | 'outputs'> &
		Partial<INodeTypeDescription>,
): INodeTypeDescription {
	return {
		group: ['transform'],
		version: 1,
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		...own,
	};
}

/** Feeds a test's input items (JSON text in its `items` parameter) to the node under test. */
class HarnessItems implements INodeType {
	description = harnessNodeDescription({
		displayName: 'Harness Items',
		name: 'harnessItems',
		group: ['input'],
		description: 'Outputs the items of its parameter',
		defaults: { name: 'Input' },
		inputs: [],
		properties: [{ displayName: 'Items', name: 'items', type: 'string', default: '[]' }],
	});

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [JSON.parse(this.getNodeParameter('items', 0) as string) as INodeExecutionData[]];
	}
}

/** n8n's own nodes that the example workflows use, loaded from n8n-nodes-base as n8n does. */
const N8N_BASE_NODES: Record<string, string> = {
	manualTrigger: 'ManualTrigger/ManualTrigger.node',
	if: 'If/If.node',
	set: 'Set/Set.node',
	filter: 'Filter/Filter.node',
	noOp: 'NoOp/NoOp.node',
	stopAndError: 'StopAndError/StopAndError.node',
};

/** Trigger types that the harness replaces by its items node: what starts a run is not under test. */
export const TRIGGER_TYPES = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger'];

export function baseNodeTypes(): Record<string, INodeType | IVersionedNodeType> {
	const types: Record<string, INodeType | IVersionedNodeType> = {
		[ITEMS_NODE_TYPE]: new HarnessItems(),
	};
	for (const [name, file] of Object.entries(N8N_BASE_NODES)) {
		const module = require(`n8n-nodes-base/dist/nodes/${file}`) as Record<
			string,
			new () => INodeType | IVersionedNodeType
		>;
		const NodeClass = Object.values(module)[0];
		types[`n8n-nodes-base.${name}`] = new NodeClass();
	}
	return types;
}
