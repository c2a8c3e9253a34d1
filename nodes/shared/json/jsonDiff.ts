/** RFC 6902 JSON Patch between two JSON values, with what each operation replaced (for readable summaries). */

export type JsonValue =
	| string
	| number
	| boolean
	| null
	| JsonValue[]
	| { [key: string]: JsonValue };

export type PatchOperation =
	| { op: 'add'; path: string; value: JsonValue }
	| { op: 'remove'; path: string }
	| { op: 'replace'; path: string; value: JsonValue };

export interface DiffEntry {
	operation: PatchOperation;
	/** Where it happened, as keys and indexes of the old document (an added array element: its index in the new one). */
	at: string[];
	/** The value before (remove, replace). */
	before?: JsonValue;
	/** The value after (add, replace). */
	after?: JsonValue;
}

/** Above this many element pairs, arrays are compared index by index instead of by longest common subsequence. */
const LCS_CELL_LIMIT = 250_000;

const isObject = (value: unknown): value is { [key: string]: JsonValue } =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
	if (isObject(a) && isObject(b)) {
		const keys = Object.keys(a);
		return (
			keys.length === Object.keys(b).length &&
			keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]))
		);
	}
	return false;
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (tokens: string[]) => tokens.map((t) => `/${escapeToken(t)}`).join('');

/** Which elements of `before` and `after` are kept, as index pairs in order (longest common subsequence). */
function keptPairs(before: JsonValue[], after: JsonValue[]): Array<[number, number]> {
	const n = before.length;
	const m = after.length;
	if (n * m > LCS_CELL_LIMIT) {
		const pairs: Array<[number, number]> = [];
		for (let i = 0; i < Math.min(n, m); i++) if (jsonEqual(before[i], after[i])) pairs.push([i, i]);
		return pairs;
	}
	const keys = (list: JsonValue[]) => list.map((v) => JSON.stringify(v));
	const [a, b] = [keys(before), keys(after)];
	// lengths[i][j]: LCS length of before[i..] and after[j..]
	const lengths = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lengths[i][j] =
				a[i] === b[j] && jsonEqual(before[i], after[j])
					? lengths[i + 1][j + 1] + 1
					: Math.max(lengths[i + 1][j], lengths[i][j + 1]);
		}
	}
	const pairs: Array<[number, number]> = [];
	for (let i = 0, j = 0; i < n && j < m; ) {
		if (a[i] === b[j] && jsonEqual(before[i], after[j])) pairs.push([i++, j++]);
		else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
		else j++;
	}
	return pairs;
}

/** The fields that name an array element, in the order they are tried: `id`, else `name`, else `entityId`. */
const IDENTITY_KEYS = ['id', 'name', 'entityId'];

/**
 * The field that names every element of both arrays: each element an object with a number or string there,
 * no two alike within an array. Undefined (pair by position) for arrays of scalars, or of objects without one.
 */
function identityKey(before: JsonValue[], after: JsonValue[]): string | undefined {
	const all = [...before, ...after];
	if (!all.length || !all.every(isObject)) return undefined;
	return IDENTITY_KEYS.find((key) =>
		[before, after].every((list) => {
			const seen = new Set<string>();
			for (const element of list as Array<{ [key: string]: JsonValue }>) {
				const value = element[key];
				if (typeof value !== 'string' && typeof value !== 'number') return false;
				const text = JSON.stringify(value);
				if (seen.has(text)) return false;
				seen.add(text);
			}
			return true;
		}),
	);
}

/**
 * Arrays whose elements have an identity: an element is paired with the one of the same identity, wherever it
 * sits. One walk in document order: an element that is gone (or moved) is removed, a kept one diffed in place,
 * a new (or moved) one added where it now is.
 */
function diffByIdentity(
	before: JsonValue[],
	after: JsonValue[],
	key: string,
	path: string[],
	out: DiffEntry[],
	at: string[],
): void {
	const idOf = (element: JsonValue) =>
		JSON.stringify((element as { [key: string]: JsonValue })[key]);
	const beforeIndex = new Map(before.map((element, i) => [idOf(element), i]));
	const afterIds = new Set(after.map(idOf));
	// The kept elements that stay in order (longest common subsequence of the identities); the others moved.
	const keptBefore = before.map(idOf).filter((id) => afterIds.has(id));
	const keptAfter = after.map(idOf).filter((id) => beforeIndex.has(id));
	const stable = new Set(keptPairs(keptBefore, keptAfter).map(([i]) => keptBefore[i]));
	// One walk in document order: `i` in the old array, `j` in the new, `position` in the array as patched so far.
	let i = 0;
	let position = 0;
	const removeUntilStable = () => {
		while (i < before.length && !stable.has(idOf(before[i]))) {
			out.push({
				operation: { op: 'remove', path: pointer([...path, String(position)]) },
				at: [...at, String(i)],
				before: before[i],
			});
			i++;
		}
	};
	after.forEach((element, j) => {
		removeUntilStable();
		if (stable.has(idOf(element))) {
			// The next stable element of the old array is this one: the stable ones keep their order.
			diffValues(before[i], element, [...path, String(position)], out, [...at, String(i)]);
			i++;
		} else {
			out.push({
				operation: { op: 'add', path: pointer([...path, String(position)]), value: element },
				at: [...at, String(j)],
				after: element,
			});
		}
		position++;
	});
	removeUntilStable();
}

function diffArrays(
	before: JsonValue[],
	after: JsonValue[],
	path: string[],
	out: DiffEntry[],
	at: string[],
): void {
	const key = identityKey(before, after);
	if (key) return diffByIdentity(before, after, key, path, out, at);
	// `position` is where the next element sits in the array as patched so far.
	let position = 0;
	let i = 0;
	let j = 0;
	const flush = (untilI: number, untilJ: number) => {
		while (i < untilI && j < untilJ) {
			diffValues(before[i], after[j], [...path, String(position)], out, [...at, String(i)]);
			i++;
			j++;
			position++;
		}
		while (i < untilI) {
			out.push({
				operation: { op: 'remove', path: pointer([...path, String(position)]) },
				at: [...at, String(i)],
				before: before[i],
			});
			i++;
		}
		while (j < untilJ) {
			out.push({
				operation: { op: 'add', path: pointer([...path, String(position)]), value: after[j] },
				at: [...at, String(j)],
				after: after[j],
			});
			j++;
			position++;
		}
	};
	for (const [keptI, keptJ] of keptPairs(before, after)) {
		flush(keptI, keptJ);
		i++;
		j++;
		position++;
	}
	flush(before.length, after.length);
}

function diffValues(
	before: JsonValue,
	after: JsonValue,
	path: string[],
	out: DiffEntry[],
	at: string[] = path,
): void {
	if (jsonEqual(before, after)) return;
	if (isObject(before) && isObject(after)) {
		for (const key of Object.keys(before)) {
			if (Object.prototype.hasOwnProperty.call(after, key))
				diffValues(before[key], after[key], [...path, key], out, [...at, key]);
			else
				out.push({
					operation: { op: 'remove', path: pointer([...path, key]) },
					at: [...at, key],
					before: before[key],
				});
		}
		for (const key of Object.keys(after)) {
			if (!Object.prototype.hasOwnProperty.call(before, key)) {
				out.push({
					operation: { op: 'add', path: pointer([...path, key]), value: after[key] },
					at: [...at, key],
					after: after[key],
				});
			}
		}
		return;
	}
	if (Array.isArray(before) && Array.isArray(after))
		return diffArrays(before, after, path, out, at);
	out.push({ operation: { op: 'replace', path: pointer(path), value: after }, at, before, after });
}

/** The changes from `before` to `after`; their operations, in order, are an RFC 6902 patch that turns one into the other. */
export function diffJson(before: JsonValue, after: JsonValue): DiffEntry[] {
	const out: DiffEntry[] = [];
	diffValues(before, after, [], out);
	return out;
}

export function toJsonPatch(entries: DiffEntry[]): PatchOperation[] {
	return entries.map((entry) => entry.operation);
}
