/** Runs named cases one after the other, `rounds` times (order reversed every other round), after one warm-up of each. */
export async function interleaved(
	cases: Record<string, () => Promise<void>>,
	rounds: number,
): Promise<Record<string, number[]>> {
	const names = Object.keys(cases);
	for (const name of names) await cases[name]();
	const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 ? [...names].reverse() : names;
		for (const name of order) {
			const started = performance.now();
			await cases[name]();
			times[name].push(performance.now() - started);
		}
	}
	return times;
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Per-round ratios a/b (both measured in the same round). */
export function ratios(a: number[], b: number[]): number[] {
	return a.map((value, i) => value / b[i]);
}

export const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
