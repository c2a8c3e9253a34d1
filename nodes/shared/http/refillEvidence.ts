import type { TokenBucket } from './tokenBucket';

/**
 * Batches or bit by bit: between two batches every request leaves the server's bucket one token lower, so no
 * two answers show the same Remaining unless a whole batch came between them, i.e. a batch's worth of requests
 * (give or take those in flight together, which the server may count in another order). The same Remaining a
 * few requests apart, again and again, is a server that refills bit by bit. A Remaining that reports a constant
 * few too many changes nothing; answers with the bucket (nearly) full say nothing, since what came was capped.
 */
export class RefillWatch {
	private readonly seen = new Map<number, number>();
	private since = 0;
	private repeats = 0;

	/** Forgets the answers so far (before `ticket`). */
	clear(ticket: number): void {
		this.seen.clear();
		this.repeats = 0;
		this.since = Math.max(this.since, ticket);
	}

	showsContinuous(
		ticket: number,
		remaining: number,
		bucket: TokenBucket,
		maxInFlight: number,
	): boolean {
		if (remaining >= bucket.capacity - 1) this.clear(ticket);
		if (ticket <= this.since) return false;
		const other = this.seen.get(remaining);
		this.seen.set(remaining, ticket);
		if (other === undefined || Math.abs(ticket - other) >= bucket.fillRate - 2 * maxInFlight) {
			return false;
		}
		return ++this.repeats >= 3;
	}
}

/**
 * Batches: Remaining minus the count (after the same request), answer by answer, stays the same while the count
 * is right; a Remaining that reports a few too many reports as many every time. Less: the count is too high and
 * comes down at once. More: a batch came that the count does not have yet (earlier than it assumed, or smaller
 * than a whole batch, cut at the limit); the count takes what came and waits a whole interval for the next batch.
 * Requests in flight together may be counted by the server in another order, so more must show in two answers in
 * a row, unless the request was alone. Tokens the count had taken away and that come back are no batch.
 */
export class Drift {
	private base: number | undefined;
	private pending: number | undefined;
	private owed = 0;

	/** `base`: what Remaining minus the count is when the count is right, if known (after a 429). */
	reset(base?: number): void {
		this.base = base;
		this.pending = undefined;
		this.owed = 0;
	}

	/** `surplus`: Remaining minus the count after that request. Answers how far to correct the count. */
	sample(surplus: number, alone: boolean): { by: number; batch: boolean } {
		const none = { by: 0, batch: false };
		if (this.base === undefined) {
			this.base = surplus;
			return none;
		}
		const excess = Math.floor(surplus - this.base);
		if (excess < 0) {
			this.pending = undefined;
			this.owed -= excess;
			return { by: excess, batch: false };
		}
		if (excess === 0 || (this.pending === undefined && !alone)) {
			this.pending = excess || undefined;
			return none;
		}
		const by = alone ? excess : Math.min(this.pending ?? excess, excess);
		this.pending = undefined;
		const recovered = Math.min(this.owed, by);
		this.owed -= recovered;
		return { by, batch: by > recovered };
	}
}
