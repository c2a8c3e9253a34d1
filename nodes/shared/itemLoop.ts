import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { mapConcurrent } from './concurrency';
import { ItemsOutput, type Operation, type OperationOutput } from './operation';
import { redactParameters } from './redactSecrets';

function toItems(output: OperationOutput, itemIndex: number): INodeExecutionData[] {
	if (output instanceof ItemsOutput) {
		return output.items.map((item) => ({ ...item, pairedItem: item.pairedItem ?? { item: itemIndex } }));
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
		Object.assign(nodeError, { node: { ...nodeError.node, parameters: redactParameters(nodeError.node.parameters, secrets) } });
	}
	return nodeError;
}

/** Item output for "continue on fail": the error in place of the item's result, still paired. */
export function failedItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/**
 * The one item loop of every node: pairs every output item with its input, honours
 * "continue on fail" per item, and runs independent items with bounded concurrency.
 */
export async function runOperation(
	ctx: IExecuteFunctions,
	operation: Operation,
	secrets: Set<string> = new Set(),
): Promise<INodeExecutionData[]> {
	if (operation.executeAll) return await operation.executeAll.call(ctx);
	const indexes = ctx.getInputData().map((_, index) => index);
	const concurrency = operation.concurrency?.(ctx) ?? 1;
	const perItem = await mapConcurrent(indexes, concurrency, async (itemIndex) => {
		try {
			return toItems(await operation.execute.call(ctx, itemIndex), itemIndex);
		} catch (error) {
			const nodeError = itemError(ctx, error, itemIndex, secrets);
			if (ctx.continueOnFail()) return [failedItem(nodeError, itemIndex)];
			throw nodeError;
		}
	});
	return perItem.flat();
}
