/** The client's estimate of the server's token bucket. */
export class TokenBucket {
	constructor(
		public capacity: number,
		public perMs: number,
		/** May be negative: requests sent that the server has not counted yet. */
		public tokens: number,
		/** When `tokens` was true; in the future while the server asked to wait (Retry-After). */
		public at: number,
	) {}

	/** Milliseconds until a token is available, 0 when one is. */
	msUntilToken(now: number): number {
		if (now < this.at) return this.at - now;
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
		this.at = now;
		return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perMs);
	}

	take(): void {
		this.tokens -= 1;
	}
}
