import type { IExecuteFunctions, IDataObject, NodeParameterValueType } from 'n8n-workflow';

import { runOf, type ParameterMemo } from '../http';

type Value = NodeParameterValueType | object;

/** `={{ $json.a.b }}` or `={{ $json["a b"] }}`: the whole value is one field of the item's own JSON. */
const JSON_FIELD = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:"[^"\\]*"|'[^'\\]*')\])+)\s*\}\}$/;
const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(?:"([^"\\]*)"|'([^'\\]*)')\]/g;

const GUARDED = new Set(['constructor', '__proto__', 'prototype']);

function fieldPath(memo: ParameterMemo, expression: string): string[] | null {
	const { fieldPaths } = memo;
	let path = fieldPaths.get(expression);
	if (path === undefined) {
		const match = JSON_FIELD.exec(expression);
		path = match ? [...match[1].matchAll(SEGMENT)].map((m) => m[1] ?? m[2] ?? m[3]) : null;
		fieldPaths.set(expression, path);
	}
	return path;
}

/** Marks a value this module cannot resolve itself: n8n's expression engine must. */
const UNRESOLVED = Symbol('unresolved');

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value === null || typeof value !== 'object') return false;
	return Object.values(value).some(hasExpression);
}

/** The raw value with every `={{ $json.field }}` replaced by the item's field, or UNRESOLVED. */
function resolve(memo: ParameterMemo, raw: unknown, json: IDataObject | undefined): unknown {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return raw;
		const path = fieldPath(memo, raw);
		// n8n's expression sandbox guards these names: its answer, not a plain property read, counts.
		if (!path || path.some((key) => GUARDED.has(key))) return UNRESOLVED;
		let value: unknown = json;
		for (const key of path)
			value =
				value !== null &&
				typeof value === 'object' &&
				Object.prototype.hasOwnProperty.call(value, key)
					? (value as IDataObject)[key]
					: undefined;
		return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
			? value
			: UNRESOLVED;
	}
	if (raw === null || typeof raw !== 'object') return raw;
	const copy: IDataObject | unknown[] = Array.isArray(raw) ? [] : {};
	for (const [key, entry] of Object.entries(raw)) {
		const value = resolve(memo, entry, json);
		if (value === UNRESOLVED) return UNRESOLVED;
		(copy as IDataObject)[key] = value as IDataObject[string];
	}
	return copy;
}

/**
 * The node's parameters as the workflow holds them, read once per node run: `getNode()` answers a deep copy
 * of the node (all its parameters) on every call, which per item and parameter cost more than the rest of this.
 */
function rawParameter(ctx: IExecuteFunctions, memo: ParameterMemo, name: string): unknown {
	memo.raw ??= ctx.getNode().parameters;
	let value: unknown = memo.raw;
	for (const key of name.split('.'))
		value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	return value;
}

/**
 * A parameter's value for one item, as `getNodeParameter` answers it, without running n8n's expression
 * engine where the answer is known in advance (the engine costs about half a millisecond per expression
 * and item): a value without any expression is read once per run, and `={{ $json.field }}` (alone, or as
 * a value inside a collection) is the item's own field when that is a string, number or boolean.
 * Everything else (any other expression, a missing field, an object) goes through `getNodeParameter`.
 * Callers must not modify what it answers: one object may serve every item.
 */
export function itemParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: Value,
): Value {
	const memo = runOf(ctx).parameters;
	const raw = rawParameter(ctx, memo, name);
	if (raw === undefined) return ctx.getNodeParameter(name, itemIndex, fallback);
	if (hasExpression(raw)) {
		const value = resolve(memo, raw, ctx.getInputData()[itemIndex]?.json);
		return value === UNRESOLVED
			? ctx.getNodeParameter(name, itemIndex, fallback)
			: (value as Value);
	}
	const { fixed } = memo;
	if (!fixed.has(name)) fixed.set(name, ctx.getNodeParameter(name, 0, fallback));
	return fixed.get(name) as Value;
}
