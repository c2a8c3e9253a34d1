import { cancellableSleep } from './cancellableSleep';
import { DEFAULT_CONCURRENCY } from './constants';
import type { HttpAnswer } from './httpAnswer';
import { maxInFlight } from './maxInFlight';
import { rateLimitOf } from './rateLimitHeaders';
import { TokenBucket } from './tokenBucket';
import type { TransportContext } from './transport';

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
	/** When each request in flight was sent, by ticket. */
	private readonly sentAt = new Map<number, number>();
	private bucket: TokenBucket | undefined;
	private pacing: Promise<void> = Promise.resolve();

	constructor(
		readonly maxInFlight: number,
		private readonly sleep: (ms: number) => Promise<void>,
		private readonly now: () => number = Date.now,
	) {}

	/** Waits for a free slot and, when paced, for a token; answers the request's ticket. */
	async enter(): Promise<number> {
		if (this.inFlight < this.maxInFlight) this.inFlight++;
		else await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
		if (this.bucket) {
			let paced = false;
			try {
				await this.paced();
				paced = true;
			} finally {
				if (!paced) this.release();
			}
		}
		this.sentAt.set(++this.sent, this.now());
		return this.sent;
	}

	/** The request of `ticket` ended, with this answer or without one (network error). */
	leave(ticket: number, answer?: HttpAnswer, retryAfterMs?: number): void {
		if (answer) this.observe(ticket, answer, retryAfterMs);
		this.sentAt.delete(ticket);
		this.release();
	}

	private release(): void {
		const next = this.slotWaiters.shift();
		if (next) next();
		else this.inFlight--;
	}

	/** Requests wait for tokens in the order they asked. */
	private async paced(): Promise<void> {
		const turn = this.pacing.then(async () => await this.takeToken());
		this.pacing = turn.catch(() => undefined);
		await turn;
	}

	private async takeToken(): Promise<void> {
		for (let bucket = this.bucket; bucket; bucket = this.bucket) {
			const wait = bucket.msUntilToken(this.now());
			if (wait <= 0) return bucket.take();
			await this.sleep(wait);
		}
	}

	/**
	 * The client counts tokens itself (one per request sent, refilled at the server's rate), and an answer
	 * only bounds that count: the server had `remaining` (rounded down) when it took the request, at most
	 * what refilled since the request was sent came in, and the requests sent after it may not be counted
	 * yet. Outside those bounds (another client on the same account, a server that refills in steps) the
	 * count is set to the lower one. Taking the server's figure on every answer instead would lose the
	 * rounding and the refill of the round trip, up to two tokens per request.
	 * An older answer arriving late is ignored.
	 */
	private observe(ticket: number, answer: HttpAnswer, retryAfterMs?: number): void {
		if (ticket < this.newestObserved) return;
		this.newestObserved = ticket;
		const limit = rateLimitOf(answer);
		if (!limit) {
			this.bucket = undefined;
			return;
		}
		const now = this.now();
		const sentAt = this.sentAt.get(ticket) ?? now;
		const server = limit.remaining - (this.sent - ticket);
		const atMost = limit.remaining + 1 + (now - sentAt) * limit.perMs;
		const own = this.bucket;
		if (own && own.perMs === limit.perMs && own.capacity === limit.limit && own.at <= now) {
			own.msUntilToken(now);
			if (own.tokens > atMost || own.tokens < server) own.tokens = server;
		} else {
			this.bucket = new TokenBucket(limit.limit, limit.perMs, server, now);
		}
		if (answer.statusCode === 429 && retryAfterMs !== undefined) {
			// The server's own word: nothing is sent before Retry-After, then at least the refused request may go.
			const bucket = this.bucket as TokenBucket;
			bucket.tokens = Math.max(1, Math.min(bucket.tokens, server) + retryAfterMs * limit.perMs);
			bucket.at = now + retryAfterMs;
		}
	}
}

const gates = new WeakMap<TransportContext, RequestGate>();

/** The one gate of a node run. */
export function requestGateOf(ctx: TransportContext): RequestGate {
	let gate = gates.get(ctx);
	if (!gate) {
		// Polls and the editor's list searches have no options: the default cap.
		const cap = 'getInputData' in ctx ? maxInFlight(ctx) : DEFAULT_CONCURRENCY;
		gate = new RequestGate(cap, async (ms) => await cancellableSleep(ctx, ms));
		gates.set(ctx, gate);
	}
	return gate;
}
