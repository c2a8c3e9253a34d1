import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type IVersionedNodeType,
} from 'n8n-workflow';

export const ITEMS_NODE_TYPE = 'harness.items';

/** Feeds a test's input items (JSON text in its `items` parameter) to the node under test. */
class HarnessItems implements INodeType {
	description = {
		displayName: 'Harness Items',
		name: 'harnessItems',
		group: ['input'],
		version: 1,
		description: 'Outputs the items of its parameter',
		defaults: { name: 'Input' },
		usableAsTool: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'string' as const, default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [JSON.parse(this.getNodeParameter('items', 0) as string) as INodeExecutionData[]];
	}
}

export function baseNodeTypes(): Record<string, INodeType | IVersionedNodeType> {
	return { [ITEMS_NODE_TYPE]: new HarnessItems() as unknown as INodeType };
}
