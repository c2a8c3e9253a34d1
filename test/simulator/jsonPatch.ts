/** RFC 6902 JSON Patch and RFC 7386 JSON Merge Patch, on plain JSON values (input is not mutated). */
import type { JsonValue, SimResponse } from './http';
import { clone, isObject, json } from './http';

/** status: 400 for a malformed patch document, 409 when it does not apply (missing path, failed test). */
export class PatchError extends Error {
	constructor(
		readonly status: 400 | 409,
		msg: string,
	) {
		super(msg);
	}
}

function parsePointer(pointer: string): string[] {
	if (pointer === '') return [];
	if (!pointer.startsWith('/')) throw new PatchError(400, `Invalid JSON pointer "${pointer}"`);
	return pointer
		.slice(1)
		.split('/')
		.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function arrayIndex(arr: JsonValue[], token: string, forAdd: boolean, pointer: string): number {
	if (forAdd && token === '-') return arr.length;
	if (!/^(0|[1-9]\d*)$/.test(token))
		throw new PatchError(409, `Invalid array index "${token}" in "${pointer}"`);
	const index = Number(token);
	if (index > arr.length || (!forAdd && index === arr.length)) {
		throw new PatchError(409, `Array index ${index} out of bounds in "${pointer}"`);
	}
	return index;
}

function get(doc: JsonValue, pointer: string): JsonValue {
	let current = doc;
	for (const token of parsePointer(pointer)) {
		if (Array.isArray(current)) current = current[arrayIndex(current, token, false, pointer)];
		else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, token))
			current = current[token];
		else throw new PatchError(409, `Path "${pointer}" does not exist`);
	}
	return current;
}

function parentOf(doc: JsonValue, pointer: string): { parent: JsonValue; token: string } {
	const tokens = parsePointer(pointer);
	const token = tokens.pop() as string;
	const parentPointer = tokens
		.map((t) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1'))
		.join('');
	return { parent: get(doc, parentPointer), token };
}

function add(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
	if (pointer === '') return value;
	const { parent, token } = parentOf(doc, pointer);
	if (Array.isArray(parent)) parent.splice(arrayIndex(parent, token, true, pointer), 0, value);
	else if (isObject(parent)) parent[token] = value;
	else throw new PatchError(409, `Parent of "${pointer}" is not a container`);
	return doc;
}

function remove(doc: JsonValue, pointer: string): JsonValue {
	if (pointer === '') throw new PatchError(409, 'Cannot remove the whole document');
	const { parent, token } = parentOf(doc, pointer);
	if (Array.isArray(parent)) parent.splice(arrayIndex(parent, token, false, pointer), 1);
	else if (isObject(parent) && Object.prototype.hasOwnProperty.call(parent, token))
		delete parent[token];
	else throw new PatchError(409, `Path "${pointer}" does not exist`);
	return doc;
}

function replace(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
	if (pointer === '') return value;
	get(doc, pointer);
	const { parent, token } = parentOf(doc, pointer);
	if (Array.isArray(parent)) parent[arrayIndex(parent, token, false, pointer)] = value;
	else if (isObject(parent)) parent[token] = value;
	return doc;
}

function deepEqual(a: JsonValue, b: JsonValue): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
	if (isObject(a) && isObject(b)) {
		const keys = Object.keys(a);
		return (
			keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]))
		);
	}
	return false;
}

export function applyJsonPatch(document: JsonValue, patch: unknown): JsonValue {
	if (!Array.isArray(patch))
		throw new PatchError(400, 'A JSON Patch document must be an array of operations');
	let doc = clone(document);
	patch.forEach((op: unknown, i) => {
		if (!isObject(op)) throw new PatchError(400, `Operation ${i} is not an object`);
		const { op: name, path, from, value } = op;
		if (typeof path !== 'string')
			throw new PatchError(400, `Operation ${i}: "path" must be a string`);
		const needsValue = name === 'add' || name === 'replace' || name === 'test';
		if (needsValue && !('value' in op))
			throw new PatchError(400, `Operation ${i} (${String(name)}): "value" is required`);
		if ((name === 'move' || name === 'copy') && typeof from !== 'string') {
			throw new PatchError(400, `Operation ${i} (${name}): "from" must be a string`);
		}
		switch (name) {
			case 'add':
				doc = add(doc, path, clone(value));
				break;
			case 'remove':
				doc = remove(doc, path);
				break;
			case 'replace':
				doc = replace(doc, path, clone(value));
				break;
			case 'copy':
				doc = add(doc, path, clone(get(doc, from as string)));
				break;
			case 'move': {
				if (path.startsWith(`${from as string}/`))
					throw new PatchError(409, `Cannot move "${from as string}" into itself`);
				const moved = get(doc, from as string);
				doc = add(remove(doc, from as string), path, moved);
				break;
			}
			case 'test':
				if (!deepEqual(get(doc, path), value))
					throw new PatchError(409, `Test operation failed at "${path}"`);
				break;
			default:
				throw new PatchError(400, `Operation ${i}: unknown op "${String(name)}"`);
		}
	});
	return doc;
}

/** RFC 7386: null deletes, objects merge recursively, anything else replaces. */
export function applyMergePatch(target: JsonValue, patch: JsonValue): JsonValue {
	if (!isObject(patch)) return clone(patch);
	const result = isObject(target) ? clone(target) : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete result[key];
		else result[key] = applyMergePatch(result[key] ?? null, value);
	}
	return result;
}

/** The answer for an error thrown while patching. */
export function patchErrorResponse(error: unknown): SimResponse {
	if (error instanceof PatchError) return json(error.status, { message: error.message });
	return json(400, { message: `Invalid patch: ${(error as Error).message}` });
}
