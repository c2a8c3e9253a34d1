import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Output items that carry more than JSON (binary files); returned as is, paired to their input. */
export class ItemsOutput {
	constructor(readonly items: INodeExecutionData[]) {}
}

export type OperationOutput = IDataObject | IDataObject[] | ItemsOutput;

/** One operation of a resource: its option in the editor, its parameters, and what it does per item. */
export interface Operation {
	option: INodePropertyOptions & { action: string };
	/** Parameters of this operation; the node adds the resource/operation display options. */
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput>;
	/** Input items whose requests are independent may run this many at once. */
	concurrency?: (ctx: IExecuteFunctions) => number;
	/** Replaces the per-item loop when items are combined (for example one PUT for many users). */
	executeAll?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

export interface Resource {
	option: INodePropertyOptions;
	operations: Operation[];
}
