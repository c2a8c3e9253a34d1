import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { itemParameter } from './itemParameter';

/** A string parameter trimmed (a number as its text), undefined when blank or of another type. */
export function optionalString(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): string | undefined {
	const value = itemParameter(ctx, name, itemIndex, '');
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return text || undefined;
}

/** A string parameter that must not be blank: fails before anything is sent, naming the parameter. */
export function requiredString(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const text = optionalString(ctx, name, itemIndex);
	if (!text) throw emptyParameterError(ctx, name, itemIndex);
	return text;
}

export function emptyParameterError(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `The parameter "${name}" is empty`, {
		itemIndex,
		description: 'Nothing was sent. Set it, or check the expression that fills it.',
	});
}

export interface NumberBounds {
	min: number;
	max: number;
	integer?: boolean;
}

/**
 * A numeric parameter (also one inside a collection, e.g. `options.timeoutSeconds`), checked before
 * anything is sent: an expression may give text, NaN, a negative or an absurd value.
 */
export function numberParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: number,
	bounds: NumberBounds,
): number {
	return checkedNumber(
		ctx,
		name,
		ctx.getNodeParameter(name, itemIndex, fallback) as unknown,
		fallback,
		bounds,
		itemIndex,
	);
}

/** The check of numberParameter for a value already read (a trigger's poll reads its parameters without an item). */
export function checkedNumber(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	name: string,
	raw: unknown,
	fallback: number,
	bounds: NumberBounds,
	itemIndex?: number,
): number {
	const value =
		raw === undefined || raw === null || raw === ''
			? fallback
			: typeof raw === 'string' && raw.trim()
				? Number(raw)
				: raw;
	const valid =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= bounds.min &&
		value <= bounds.max &&
		(!bounds.integer || Number.isInteger(value));
	if (!valid) {
		const shown = typeof raw === 'string' ? `"${raw.slice(0, 40)}"` : String(raw);
		throw new NodeOperationError(
			ctx.getNode(),
			`The parameter "${name}" must be ${bounds.integer ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}, not ${shown}`,
			{
				itemIndex,
				description: 'Nothing was sent. Set it, or check the expression that fills it.',
			},
		);
	}
	return value;
}

/** The largest `limit` accepted: more than any directory these apps hold, small enough to be a mistake above. */
export const MAX_LIMIT = 1_000_000;

/** `returnAll`/`limit` as one number: how many entities to output at most. */
export function maxResults(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) === true) return Infinity;
	return numberParameter(ctx, 'limit', itemIndex, 50, { min: 1, max: MAX_LIMIT, integer: true });
}
