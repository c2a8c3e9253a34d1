import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { isRecord } from '../json';
import { itemParameter } from './itemParameter';
import { apiRequest, dryRunOutput, type ApiRequest, type ApiResponse } from '../http';

/** A change: it must say whether it may be repeated (see ApiRequest.idempotent), and may mask what a dry run shows. */
export interface MutationRequest extends ApiRequest {
	idempotent: boolean;
	/** The body a dry run shows instead of the real one (secrets masked). */
	dryRunBody?: unknown;
}

export function isDryRun(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const options = itemParameter(ctx, 'options', itemIndex, {}) as IDataObject;
	return options.dryRun === true;
}

/** Fails before anything is sent unless the destructive operation was confirmed. */
export function requireConfirmation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	whatWouldBeDeleted: string,
): void {
	if (ctx.getNodeParameter('confirm', itemIndex, false) === true) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Not confirmed: this would delete ${whatWouldBeDeleted}`,
		{
			itemIndex,
			description: 'Nothing was sent. Turn on "Confirm" to run this destructive operation.',
		},
	);
}

/** The error of an update with nothing in it, raised before anything is sent. */
export function nothingToUpdate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	what: string,
	hint = '',
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `Nothing to update: ${what}`, {
		itemIndex,
		description: hint ? `Nothing was sent. ${hint}` : 'Nothing was sent.',
	});
}

/** Sends a mutating request, or in a dry run sends nothing and answers what would have been sent. */
export async function sendMutation(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: MutationRequest,
): Promise<{ dryRun: IDataObject } | { response: ApiResponse }> {
	const { dryRunBody, ...toSend } = request;
	if (isDryRun(ctx, itemIndex)) {
		return {
			dryRun: await dryRunOutput(
				ctx,
				dryRunBody === undefined ? toSend : { ...toSend, body: dryRunBody, rawBody: undefined },
			),
		};
	}
	return { response: await apiRequest(ctx, toSend, itemIndex) };
}

/**
 * The object a change answered, or undefined: versions of the apps answer a change with the changed
 * object, or with 2xx and an empty body (204). Both are a success; the caller says what it knows.
 */
export function answeredObject(response: ApiResponse): IDataObject | undefined {
	return isRecord(response.json) && Object.keys(response.json).length > 0
		? response.json
		: undefined;
}
