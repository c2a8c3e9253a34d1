import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** A string parameter that must not be blank: fails before anything is sent, naming the parameter. */
export function requiredString(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = ctx.getNodeParameter(name, itemIndex, '');
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text) throw emptyParameterError(ctx, name, itemIndex);
	return text;
}

export function emptyParameterError(ctx: IExecuteFunctions, name: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `The parameter "${name}" is empty`, {
		itemIndex,
		description: 'Nothing was sent. Set it, or check the expression that fills it.',
	});
}

/** `returnAll`/`limit` as one number: how many entities to output at most. */
export function maxResults(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	return ctx.getNodeParameter('limit', itemIndex, 50) as number;
}
