import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { apiRequest, dryRunOutput, type ApiRequest, type ApiResponse } from './transport';

export function isDryRun(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.dryRun === true;
}

/** Fails before anything is sent unless the destructive operation was confirmed. */
export function requireConfirmation(ctx: IExecuteFunctions, itemIndex: number, whatWouldBeDeleted: string): void {
	if (ctx.getNodeParameter('confirm', itemIndex, false) === true) return;
	throw new NodeOperationError(ctx.getNode(), `Not confirmed: this would delete ${whatWouldBeDeleted}`, {
		itemIndex,
		description: 'Nothing was sent. Turn on "Confirm" to run this destructive operation.',
	});
}

/** The error of an update with nothing in it, raised before anything is sent. */
export function nothingToUpdate(ctx: IExecuteFunctions, itemIndex: number, what: string, hint = ''): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Nothing to update: ${what}`, {
		itemIndex,
		description: hint ? `Nothing was sent. ${hint}` : 'Nothing was sent.',
	});
}

/** Sends a mutating request, or in a dry run sends nothing and answers what would have been sent. */
export async function sendMutation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: ApiRequest,
): Promise<{ dryRun: IDataObject } | { response: ApiResponse }> {
	if (isDryRun(ctx, itemIndex)) return { dryRun: await dryRunOutput(ctx, request) };
	return { response: await apiRequest(ctx, request, itemIndex) };
}
