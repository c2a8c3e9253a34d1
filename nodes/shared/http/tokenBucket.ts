import type { RateLimit } from './rateLimitHeaders';

/**
 * The client's count of the server's token bucket: never more than the server has, so that a request sent on it
 * is not refused. Atlassian's "Rate limiting" page for Data Center: "You get a batch of new tokens every time
 * interval" (X-RateLimit-Interval-Seconds), X-RateLimit-FillRate of them. Where that interval's boundaries lie
 * is not said, so the count adds a batch one whole interval after it began (when the boundary has passed for
 * certain) and every interval after that; a server that refills bit by bit has at least as many by then.
 * Once answers show tokens coming between batches, `refillContinuously` makes the count follow that instead.
 */
export class TokenBucket {
	/** Nothing is sent before this (the server's Retry-After). */
	private holdUntil = -Infinity;
	/** Tokens at the end of the hold: at least the refused request may go. */
	private afterHold = 0;
	private continuous = false;
	/** Batch refill: when the next batch has come for certain. */
	private nextBatchAt: number;
	/** Changes whenever the count changes other than by a request taking its token. */
	version = 0;

	readonly capacity: number;
	readonly fillRate: number;
	readonly intervalMs: number;

	constructor(
		limit: RateLimit,
		/** May be negative: requests sent that the server has not counted yet. */
		public tokens: number,
		/** When `tokens` was true. */
		private at: number,
	) {
		this.capacity = limit.limit;
		this.fillRate = limit.fillRate;
		this.intervalMs = limit.intervalMs;
		this.nextBatchAt = at + limit.intervalMs;
	}

	/** Whether this is a count of the bucket those headers describe. */
	follows(limit: RateLimit): boolean {
		return (
			this.capacity === limit.limit &&
			this.fillRate === limit.fillRate &&
			this.intervalMs === limit.intervalMs
		);
	}

	get perMs(): number {
		return this.fillRate / this.intervalMs;
	}

	get refillsContinuously(): boolean {
		return this.continuous;
	}

	/** Milliseconds until a token is available, 0 when one is. */
	msUntilToken(now: number): number {
		if (now < this.holdUntil) return Math.ceil(this.holdUntil - now);
		this.advance(now);
		if (this.tokens >= 1) return 0;
		if (this.continuous) return Math.ceil((1 - this.tokens) / this.perMs);
		const batches = Math.ceil((1 - this.tokens) / this.fillRate);
		return Math.ceil(this.nextBatchAt + (batches - 1) * this.intervalMs - now);
	}

	take(): void {
		this.tokens -= 1;
	}

	/** More or fewer tokens than counted, by what an answer shows. */
	adjust(by: number, now: number): void {
		this.advance(now);
		this.tokens = Math.min(this.capacity, this.tokens + by);
		this.version++;
	}

	/**
	 * Answers showed a batch the count did not have yet: the batch it was waiting for. The next one comes
	 * at most an interval later.
	 */
	batchSeen(now: number): void {
		this.nextBatchAt = Math.max(this.nextBatchAt, now + this.intervalMs);
	}

	/** The server surely has this many (continuous refill only). */
	raise(to: number, now: number): void {
		this.advance(now);
		if (to <= this.tokens) return;
		this.tokens = Math.min(this.capacity, to);
		this.version++;
	}

	/**
	 * A 429: the server had no token; `left` is the count without the requests still in flight. A count that
	 * followed a continuous refill was wrong: it counts batches again.
	 */
	refused(now: number, left: number, retryAfterMs: number | undefined): void {
		this.advance(now);
		this.tokens = Math.min(this.tokens, left);
		this.version++;
		if (this.continuous) {
			this.continuous = false;
			this.nextBatchAt = now + this.intervalMs;
		}
		if (retryAfterMs === undefined) return;
		this.holdUntil = Math.max(this.holdUntil, now + retryAfterMs);
		this.afterHold = 1;
		// The batch that token comes with may be the one counted next: the next is certain an interval later.
		this.nextBatchAt = Math.max(this.nextBatchAt, this.holdUntil + this.intervalMs);
	}

	/** From now on tokens come bit by bit. */
	refillContinuously(now: number): void {
		this.advance(now);
		this.continuous = true;
	}

	private advance(now: number): void {
		if (this.afterHold && now >= this.holdUntil) {
			this.accrue(this.holdUntil);
			this.tokens = Math.max(this.tokens, this.afterHold);
			this.afterHold = 0;
			this.version++;
		}
		this.accrue(now);
	}

	private accrue(now: number): void {
		if (now <= this.at) return;
		if (this.continuous) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
			this.version++;
		} else if (now >= this.nextBatchAt) {
			const batches = Math.floor((now - this.nextBatchAt) / this.intervalMs) + 1;
			this.tokens = Math.min(this.capacity, this.tokens + batches * this.fillRate);
			this.nextBatchAt += batches * this.intervalMs;
			this.version++;
		}
		this.at = now;
	}
}
