import { header, type HttpAnswer } from './httpAnswer';
import { rateLimitOf, type RateLimit } from './rateLimitHeaders';
import { Drift, RefillWatch } from './refillEvidence';
import { TokenBucket } from './tokenBucket';

/** What the gate keeps of a request in flight. */
interface Sent {
	/** The count after this request took its token (undefined while the gate had no count). */
	expected?: number;
	/** The count's version then: answers to requests sent before it last changed are not compared with it. */
	version?: number;
	/** No other request was in flight when it was sent. */
	alone: boolean;
}

/**
 * Every request of one node run passes here (all items and pages together): at most `maxInFlight` at once,
 * and, once the server's answers carry rate-limit headers, no faster than its token bucket refills.
 * Without those headers it only counts requests in flight.
 */
export class RequestGate {
	private inFlight = 0;
	private readonly slotWaiters: Array<() => void> = [];
	/** Requests sent so far; each request's number is its ticket. */
	private sent = 0;
	private newestObserved = 0;
	private readonly sentRequests = new Map<number, Sent>();
	private bucket: TokenBucket | undefined;
	private pacing: Promise<void> = Promise.resolve();
	private readonly refill = new RefillWatch();
	private readonly drift = new Drift();
	/** Nothing is sent before this: the latest Retry-After of a 429. */
	private holdUntil = -Infinity;
	/** Tokens Remaining reports more than there are, as far as 429s have shown. */
	private overReported = 0;
	/**
	 * The requests in flight when the first answer with rate-limit headers came, which the server may have
	 * counted in any order, and the most its bucket had before the first of them, as far as their answers show.
	 */
	private startup: { tickets: Set<number>; before: number } | undefined;

	constructor(
		readonly maxInFlight: number,
		private readonly sleep: (ms: number) => Promise<void>,
		private readonly now: () => number = Date.now,
	) {}

	/** Waits for a free slot and, when paced, for a token; answers the request's ticket. */
	async enter(): Promise<number> {
		if (this.inFlight < this.maxInFlight) this.inFlight++;
		else await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
		let ticket: number | undefined;
		try {
			ticket = await this.go();
		} finally {
			if (ticket === undefined) this.release();
		}
		return ticket;
	}

	private async go(): Promise<number> {
		// Without a count to pace by, a 429's Retry-After still holds every request.
		for (let now = this.now(); !this.bucket && now < this.holdUntil; now = this.now()) {
			await this.sleep(this.holdUntil - now);
		}
		return this.bucket ? await this.paced() : this.ticket();
	}

	/** Numbers a request as it goes, with the count it leaves (taken in the same turn as its token). */
	private ticket(): number {
		const bucket = this.bucket;
		const alone = this.sentRequests.size === 0;
		this.sentRequests.set(++this.sent, {
			expected: bucket?.tokens,
			version: bucket?.version,
			alone,
		});
		return this.sent;
	}

	/** The request of `ticket` ended, with this answer or without one (network error). */
	leave(ticket: number, answer?: HttpAnswer, retryAfterMs?: number): void {
		if (answer) this.observe(ticket, answer, retryAfterMs);
		this.sentRequests.delete(ticket);
		this.release();
	}

	private release(): void {
		const next = this.slotWaiters.shift();
		if (next) next();
		else this.inFlight--;
	}

	/** Requests wait for tokens in the order they asked. */
	private async paced(): Promise<number> {
		const turn = this.pacing.then(async () => await this.takeToken());
		this.pacing = turn.then(
			() => undefined,
			() => undefined,
		);
		return await turn;
	}

	private async takeToken(): Promise<number> {
		for (let bucket = this.bucket; bucket; bucket = this.bucket) {
			const now = this.now();
			const wait = Math.max(this.holdUntil - now, bucket.msUntilToken(now));
			if (wait <= 0) {
				bucket.take();
				return this.ticket();
			}
			await this.sleep(wait);
		}
		return this.ticket();
	}

	/** Requests the server may not have counted when it answered `ticket`: every later one, and earlier ones still open. */
	private uncounted(ticket: number): number {
		let earlier = 0;
		for (const other of this.sentRequests.keys()) if (other < ticket) earlier++;
		return this.sent - ticket + earlier;
	}

	/**
	 * The client counts tokens itself: one per request sent, and a batch per interval (see TokenBucket). The
	 * server's Remaining is taken as it is from the first answer only: Atlassian's "Rate limiting" page for
	 * Data Center says it "might not always be correct", and one that reports more than is left would turn every
	 * raise into a 429. After that, answers correct the count by how Remaining changes (see Drift), which a
	 * Remaining that is off by a constant does not change. A 429 holds every request until its Retry-After,
	 * whichever request it answers; an older answer arriving late neither starts nor stops pacing.
	 */
	private observe(ticket: number, answer: HttpAnswer, retryAfterMs?: number): void {
		const now = this.now();
		const refused = answer.statusCode === 429;
		if (refused && retryAfterMs !== undefined && header(answer, 'retry-after')) {
			this.holdUntil = Math.max(this.holdUntil, now + retryAfterMs);
		}
		const late = ticket < this.newestObserved;
		if (!late) this.newestObserved = ticket;
		const limit = rateLimitOf(answer);
		if (!limit) {
			if (!late) this.bucket = undefined;
			return;
		}
		let bucket = this.bucket;
		if (!bucket || !bucket.follows(limit)) {
			if (late) return;
			bucket = this.start(ticket, limit, refused, now);
		} else if (!refused) {
			this.correct(ticket, limit, bucket, now);
		}
		if (!refused) return;
		// The server had no token: what Remaining still shows is how many it reports too many.
		this.overReported = Math.max(this.overReported, limit.remaining);
		if (bucket.refillsContinuously) this.refill.clear(ticket);
		bucket.refused(now, -this.uncounted(ticket), retryAfterMs);
		this.drift.reset(this.overReported);
	}

	/** The first answer with these headers: the count starts from its Remaining. */
	private start(ticket: number, limit: RateLimit, refused: boolean, now: number): TokenBucket {
		const open = [...this.sentRequests.keys()];
		this.startup = refused ? undefined : { tickets: new Set(open), before: before(limit) };
		// Every request in flight takes a token, except a refused one.
		const tokens = this.startup ? this.startup.before - open.length : 1 - open.length;
		this.bucket = new TokenBucket(limit, tokens, now);
		this.refill.clear(ticket);
		this.drift.reset();
		return this.bucket;
	}

	/** An answer that took a token, compared with the count. */
	private correct(ticket: number, limit: RateLimit, bucket: TokenBucket, now: number): void {
		const sent = this.sentRequests.get(ticket);
		const surely = () => limit.remaining - this.overReported - this.uncounted(ticket);
		if (this.startup?.tickets.delete(ticket) && before(limit) > this.startup.before) {
			bucket.adjust(before(limit) - this.startup.before, now);
			this.startup.before = before(limit);
		}
		if (bucket.refillsContinuously) {
			// Requests sent after this one may have been counted before it.
			const reordered = Math.min(this.maxInFlight - 1, this.sent - ticket);
			const over = (sent?.expected ?? -Infinity) - limit.remaining - reordered;
			if (over >= 1) bucket.adjust(-over, now);
			else bucket.raise(surely(), now);
		} else if (this.refill.showsContinuous(ticket, limit.remaining, bucket, this.maxInFlight)) {
			bucket.refillContinuously(now);
			bucket.raise(surely(), now);
			this.drift.reset();
		} else if (sent?.expected !== undefined && limit.remaining < limit.limit - 1) {
			// Compared only with the count it was sent on: not across a batch counted or a correction.
			bucket.msUntilToken(now);
			if (sent.version !== bucket.version) return;
			const alone = sent.alone && this.sent === ticket;
			const drift = this.drift.sample(limit.remaining - sent.expected, alone);
			if (drift.by) bucket.adjust(drift.by, now);
			if (drift.batch) bucket.batchSeen(now);
		}
	}
}

/**
 * Tokens before the request the server counted first, by its answer: Remaining plus the one it took, if this was
 * the first; less if not. This request took a token: at most limit - 1 were left, whatever Remaining says.
 */
function before(limit: RateLimit): number {
	return Math.min(limit.remaining, limit.limit - 1) + 1;
}
