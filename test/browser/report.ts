/* eslint-disable no-console */
/** Named checks, each passed or failed with its reason; a failure does not stop the others. */
export class Report {
	readonly results: Array<{ name: string; ok: boolean; detail?: string; ms: number }> = [];
	/** Comparisons made by the checks (each list entry, parameter list, output text...). */
	assertions = 0;
	/** Called with a failed check's name before the next check runs (a screenshot of the page). */
	onFailure?: (name: string) => Promise<void>;

	async check(name: string, run: () => Promise<void>): Promise<boolean> {
		const started = Date.now();
		try {
			await run();
			this.results.push({ name, ok: true, ms: Date.now() - started });
			console.log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
			return true;
		} catch (error) {
			const detail = ((error as Error).message ?? String(error))
				.split('\n')
				.slice(0, 8)
				.join('\n       ');
			this.results.push({ name, ok: false, detail, ms: Date.now() - started });
			console.log(`  FAIL ${name}\n       ${detail}`);
			await this.onFailure?.(name).catch(() => undefined);
			return false;
		}
	}

	get failed(): number {
		return this.results.filter((r) => !r.ok).length;
	}
}

let current: Report | undefined;
/** The report assertions are counted in. */
export const countAssertionsIn = (report: Report) => (current = report);

export function assert(condition: unknown, message: string): asserts condition {
	if (current) current.assertions++;
	if (!condition) throw new Error(message);
}

export function sameList(actual: string[], expected: string[], what: string): void {
	assert(
		JSON.stringify(actual) === JSON.stringify(expected),
		`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
	);
}
