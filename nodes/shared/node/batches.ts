/**
 * Chunks of at most `size` values per key, each key's values in input order, the chunks ordered
 * by the position of their first value. Linear: one pass to group, one to cut, a sort of the chunks.
 */
export function chunksByKey<T>(values: T[], key: (value: T) => string, size: number): T[][] {
	const groups = new Map<string, number[]>();
	values.forEach((value, index) => {
		const k = key(value);
		const group = groups.get(k);
		if (group) group.push(index);
		else groups.set(k, [index]);
	});
	const chunks: number[][] = [];
	for (const group of groups.values()) {
		for (let i = 0; i < group.length; i += size) chunks.push(group.slice(i, i + size));
	}
	return chunks.sort((a, b) => a[0] - b[0]).map((chunk) => chunk.map((index) => values[index]));
}
