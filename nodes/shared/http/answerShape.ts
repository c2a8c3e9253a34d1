import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { describeValue, isRecord } from '../json';
import type { ApiRequest, TransportContext } from './transport';

/** An answer of another shape than the node reads: says what came, instead of failing later with a TypeError. */
export function shapeError(
	ctx: TransportContext,
	request: Pick<ApiRequest, 'method' | 'path'>,
	expected: string,
	value: unknown,
	itemIndex: number,
): NodeApiError {
	return new NodeApiError(
		ctx.getNode(),
		{ method: request.method, path: request.path } as JsonObject,
		{
			message: `Unexpected answer of ${request.method} ${request.path}: expected ${expected}, got ${describeValue(value)}`,
			description:
				'This version of the app answers differently from what the node knows. Nothing else was sent.',
			itemIndex,
		},
	);
}

export function expectArray<T = unknown>(
	ctx: TransportContext,
	request: Pick<ApiRequest, 'method' | 'path'>,
	value: unknown,
	itemIndex: number,
	expected = 'a list',
	isItem: (item: unknown) => boolean = () => true,
): T[] {
	if (!Array.isArray(value) || !value.every(isItem))
		throw shapeError(ctx, request, expected, value, itemIndex);
	return value as T[];
}

export function expectRecord(
	ctx: TransportContext,
	request: Pick<ApiRequest, 'method' | 'path'>,
	value: unknown,
	itemIndex: number,
	expected = 'a JSON object',
): IDataObject {
	if (!isRecord(value)) throw shapeError(ctx, request, expected, value, itemIndex);
	return value;
}
