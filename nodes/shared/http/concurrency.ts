/**
 * Maps inputs with at most `limit` calls in flight; results keep the input order.
 * After a failure no new call starts, and the first error is thrown once the running ones end.
 */
export async function mapConcurrent<T, R>(
	inputs: readonly T[],
	limit: number,
	fn: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && next < inputs.length) {
			const index = next++;
			try {
				results[index] = await fn(inputs[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker);
	await Promise.all(workers);
	if (failure) throw failure.error;
	return results;
}
