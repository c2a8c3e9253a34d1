/* eslint-disable no-console */
/**
 * The suite's checks, printed as the e2e suite prints them: `ok - <check>` or `not ok - <check>`
 * with the failed expectations indented below, then `<suite>: N passed, M failed (...)`.
 */
export class Checks {
	private passed = 0;
	private failed = 0;
	private problems: string[] = [];
	private notes: string[] = [];

	/** An expectation inside the running check: false records the message (the check goes on). */
	expect(condition: boolean, message: string): void {
		if (!condition) this.problems.push(message);
	}

	/** A figure shown after the check's line (e.g. executions per worker). */
	note(text: string): void {
		this.notes.push(text);
	}

	/** Runs one check: not ok when an expectation failed or it threw. */
	async run(name: string, body: () => Promise<void>): Promise<boolean> {
		this.problems = [];
		this.notes = [];
		const t0 = Date.now();
		try {
			await body();
		} catch (error) {
			this.problems.push(`threw: ${(error as Error)?.message ?? String(error)}`);
		}
		const seconds = ((Date.now() - t0) / 1000).toFixed(1);
		const ok = this.problems.length === 0;
		const notes = this.notes.length ? ` [${this.notes.join('; ')}]` : '';
		console.log(`${ok ? 'ok' : 'not ok'} - ${name} (${seconds}s)${notes}`);
		for (const problem of this.problems) console.log(`    ${problem.split('\n').join('\n    ')}`);
		if (ok) this.passed++;
		else this.failed++;
		return ok;
	}

	/** How many checks ran so far. */
	get ran(): number {
		return this.passed + this.failed;
	}

	/** Prints the summary line; returns the number of failed checks. */
	summary(suite: string, extra = ''): number {
		console.log(
			`${suite}: ${this.passed} passed, ${this.failed} failed${extra ? ` (${extra})` : ''}`,
		);
		return this.failed;
	}
}
