import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { mapConcurrent } from '../http';
import {
	ItemsOutput,
	type ItemBatching,
	type Operation,
	type OperationOutput,
	type Prepared,
} from './operation';
import { redactParameters } from '../json';

function toItems(output: OperationOutput, itemIndex: number): INodeExecutionData[] {
	if (output instanceof ItemsOutput) {
		return output.items.map((item) => ({
			...item,
			pairedItem: item.pairedItem ?? { item: itemIndex },
		}));
	}
	const list = Array.isArray(output) ? output : [output];
	return list.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * An error from any depth, as an n8n error that names the item it belongs to. The node it carries
 * (which n8n stores with the execution) has its masked parameters hidden.
 */
export function itemError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	secrets: Set<string> = new Set(),
): NodeApiError | NodeOperationError {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	nodeError.context.itemIndex ??= itemIndex;
	if (secrets.size && nodeError.node) {
		Object.assign(nodeError, {
			node: { ...nodeError.node, parameters: redactParameters(nodeError.node.parameters, secrets) },
		});
	}
	return nodeError;
}

/** Item output for "continue on fail": the error in place of the item's result, still paired. */
export function failedItem(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

/** The one-run rule: an operation on a server-wide object refuses several input items before sending anything. */
function assertOneItem(ctx: IExecuteFunctions, operation: Operation, count: number): void {
	if (!operation.serverWide || count <= 1) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`"${operation.option.name}" changes one object of the whole instance, but the node got ${count} input items: it would change it ${count} times`,
		{
			description:
				'Nothing was sent. Turn on the node setting "Execute Once" (node settings, next to Parameters) to run it once, or pass a single item.',
		},
	);
}

/**
 * The one item loop of every node: pairs every output item with its input, honours
 * "continue on fail" per item, hides masked parameters in errors, and runs independent
 * items with bounded concurrency, or combined into batches when the operation batches.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	operation: Operation,
	secrets: Set<string> = new Set(),
): Promise<INodeExecutionData[]> {
	const indexes = ctx.getInputData().map((_, index) => index);
	assertOneItem(ctx, operation, indexes.length);
	const fail = (error: unknown, itemIndex: number): INodeExecutionData[] => {
		const nodeError = itemError(ctx, error, itemIndex, secrets);
		if (ctx.continueOnFail()) return [failedItem(nodeError, itemIndex)];
		throw nodeError;
	};
	if (operation.batching) return await runBatches(ctx, operation.batching, indexes, fail);
	const { execute } = operation;
	const concurrency = operation.concurrency?.(ctx) ?? 1;
	const perItem = await mapConcurrent(indexes, concurrency, async (itemIndex) => {
		try {
			return toItems(await execute.call(ctx, itemIndex), itemIndex);
		} catch (error) {
			return fail(error, itemIndex);
		}
	});
	return perItem.flat();
}

async function runBatches(
	ctx: IExecuteFunctions,
	batching: ItemBatching<unknown>,
	indexes: number[],
	fail: (error: unknown, itemIndex: number) => INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const outputs = new Array<INodeExecutionData[]>(indexes.length);
	const prepared: Array<Prepared<unknown>> = [];
	for (const itemIndex of indexes) {
		try {
			prepared.push({ itemIndex, entry: batching.prepare.call(ctx, itemIndex) });
		} catch (error) {
			outputs[itemIndex] = fail(error, itemIndex);
		}
	}
	for (const batch of batching.group.call(ctx, prepared)) {
		let results: IDataObject[];
		try {
			results = await batching.send.call(ctx, batch);
		} catch (error) {
			for (const { itemIndex } of batch) outputs[itemIndex] = fail(error, itemIndex);
			continue;
		}
		batch.forEach(({ itemIndex }, i) => (outputs[itemIndex] = toItems(results[i], itemIndex)));
	}
	return outputs.flat();
}
