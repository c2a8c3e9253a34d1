/** Applies RFC 6902 JSON Patches and RFC 7386 merge patches locally, to show what a patch would do before it is sent. */
import { jsonEqual, type JsonValue } from './jsonDiff';

type JsonObject = { [key: string]: JsonValue };

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Defines the key as an own property, so that a key named "__proto__" is data, not the prototype. */
const set = (object: JsonObject, key: string, value: JsonValue) =>
	Object.defineProperty(object, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});

const copy = <T extends JsonValue>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function tokens(pointer: string): string[] {
	if (pointer === '') return [];
	if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer`);
	return pointer
		.slice(1)
		.split('/')
		.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function index(list: JsonValue[], token: string, forAdd: boolean, pointer: string): number {
	if (forAdd && token === '-') return list.length;
	const i = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : NaN;
	if (Number.isNaN(i) || i > list.length || (!forAdd && i === list.length))
		throw new Error(`"${pointer}" is not an element of the list`);
	return i;
}

function resolve(doc: JsonValue, path: string[], pointer: string): JsonValue {
	let current = doc;
	for (const token of path) {
		if (Array.isArray(current)) current = current[index(current, token, false, pointer)];
		else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, token))
			current = current[token];
		else throw new Error(`"${pointer}" does not exist`);
	}
	return current;
}

/** The container holding a pointer's last token, and that token. */
function parent(doc: JsonValue, pointer: string): { container: JsonValue; last: string } {
	const path = tokens(pointer);
	const last = path.pop() as string;
	return { container: resolve(doc, path, pointer), last };
}

function add(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
	if (pointer === '') return value;
	const { container, last } = parent(doc, pointer);
	if (Array.isArray(container)) container.splice(index(container, last, true, pointer), 0, value);
	else if (isObject(container)) set(container, last, value);
	else throw new Error(`the parent of "${pointer}" is not an object or a list`);
	return doc;
}

function remove(doc: JsonValue, pointer: string): JsonValue {
	if (pointer === '') throw new Error('the whole document cannot be removed');
	const { container, last } = parent(doc, pointer);
	if (Array.isArray(container)) container.splice(index(container, last, false, pointer), 1);
	else if (isObject(container) && Object.prototype.hasOwnProperty.call(container, last))
		delete container[last];
	else throw new Error(`"${pointer}" does not exist`);
	return doc;
}

/** In place, so that a replaced field keeps its position among the others. */
function replace(doc: JsonValue, pointer: string, value: JsonValue): JsonValue {
	if (pointer === '') return value;
	const { container, last } = parent(doc, pointer);
	if (Array.isArray(container)) container[index(container, last, false, pointer)] = value;
	else if (isObject(container) && Object.prototype.hasOwnProperty.call(container, last))
		set(container, last, value);
	else throw new Error(`"${pointer}" does not exist`);
	return doc;
}

export type PatchResult = { ok: true; value: JsonValue } | { ok: false; problem: string };

/** Applies an RFC 6902 patch (validated beforehand) to a copy, or says which operation does not apply. */
export function applyJsonPatch(
	document: JsonValue,
	patch: Array<Record<string, unknown>>,
): PatchResult {
	let doc = copy(document);
	for (const [i, operation] of patch.entries()) {
		const path = String(operation.path);
		const from = String(operation.from);
		const value = operation.value as JsonValue;
		try {
			switch (operation.op) {
				case 'add':
					doc = add(doc, path, copy(value));
					break;
				case 'remove':
					doc = remove(doc, path);
					break;
				case 'replace':
					doc = replace(doc, path, copy(value));
					break;
				case 'copy':
					doc = add(doc, path, copy(resolve(doc, tokens(from), from)));
					break;
				case 'move': {
					const moved = resolve(doc, tokens(from), from);
					doc = add(remove(doc, from), path, moved);
					break;
				}
				case 'test':
					if (!jsonEqual(resolve(doc, tokens(path), path), value))
						throw new Error(`the value at "${path}" is not the one tested`);
					break;
				default:
					throw new Error(`unknown op ${JSON.stringify(operation.op)}`);
			}
		} catch (error) {
			return {
				ok: false,
				problem: `operation ${i} (${String(operation.op)} ${path}): ${(error as Error).message}`,
			};
		}
	}
	return { ok: true, value: doc };
}

/** RFC 7386: null removes a field, objects merge, anything else replaces. */
export function applyMergePatch(target: JsonValue, patch: JsonValue): JsonValue {
	if (!isObject(patch)) return copy(patch);
	const result: JsonObject = isObject(target) ? copy(target) : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete result[key];
		else set(result, key, applyMergePatch(result[key] ?? null, value));
	}
	return result;
}
