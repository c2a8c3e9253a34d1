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

/**
 * Like `interleaved`, but each of the `rounds` runs every case twice, in mirrored order (A B C, then C B A), so that a
 * load that rises or falls during the round (other work on the machine) weighs on every case alike; a case's time in
 * a round is the sum of its two runs.
 */
export async function interleavedMirrored(
	cases: Record<string, () => Promise<void>>,
	rounds: number,
): Promise<Record<string, number[]>> {
	// `interleaved` reverses the order every other round: rounds 2i and 2i + 1 are a mirrored pair.
	const times = await interleaved(cases, 2 * rounds);
	return Object.fromEntries(
		Object.entries(times).map(([name, t]) => [
			name,
			Array.from({ length: rounds }, (_, i) => t[2 * i] + t[2 * i + 1]),
		]),
	);
}
