import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** Output items that carry more than JSON (binary files); returned as is, paired to their input. */
export class ItemsOutput {
	constructor(readonly items: INodeExecutionData[]) {}
}

export type OperationOutput = IDataObject | IDataObject[] | ItemsOutput;

/** One input item's part of a combined request, read and checked before anything is sent. */
export interface Prepared<E> {
	itemIndex: number;
	entry: E;
}

/** Items combined into fewer requests (for example one PUT for many users), still run by the one item loop. */
export interface ItemBatching<E> {
	/** Reads and checks one item; an error here belongs to that item only. */
	prepare(this: IExecuteFunctions, itemIndex: number): E;
	/** The requests to send: groups of prepared items, in input order of their first item. */
	group(this: IExecuteFunctions, prepared: Array<Prepared<E>>): Array<Array<Prepared<E>>>;
	/** Sends one group; answers one output per item of the group, in its order. A failure fails the whole group. */
	send(this: IExecuteFunctions, batch: Array<Prepared<E>>): Promise<IDataObject[]>;
}

interface OperationBase {
	option: INodePropertyOptions & { action: string };
	/** Parameters of this operation; the node adds the resource/operation display options. */
	properties: INodeProperties[];
	/** Input items whose requests are independent may run this many at once. */
	concurrency?: (ctx: IExecuteFunctions) => number;
	/**
	 * The operation changes the one object of its kind on the instance (the SAML SSO configuration,
	 * the SSO settings): it runs for one input item only, so that N items do not change it N times.
	 */
	serverWide?: true;
}

/** One operation of a resource: its option in the editor, its parameters, and what it does per item (or per batch of items). */
export type Operation = OperationBase &
	(
		| {
				execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationOutput>;
				batching?: undefined;
		  }
		| { batching: ItemBatching<unknown>; execute?: undefined }
	);

export interface Resource {
	option: INodePropertyOptions;
	operations: Operation[];
}
