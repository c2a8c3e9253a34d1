/**
 * A node run's requests against the simulator's rate limiter on a virtual clock: the real RequestGate (given the
 * clock's now and sleep), the transport's retry rule, the items' concurrency (as syncUser: Max Requests in Flight
 * items at once), and the real RateLimiter's take(config, user, now), with a modelled time to reach the server and
 * to come back. Nothing waits for real time: a discrete-event loop moves the clock to the next timer whenever every
 * promise has settled.
 */
import { mapConcurrent, RequestGate, retryDelayForAnswer } from '../../nodes/shared/http';
import type { HttpAnswer } from '../../nodes/shared/http';
import { RateLimiter } from '../simulator/rateLimiter';
import type { RateLimitConfig } from '../simulator/types';

export class VirtualClock {
	now = 0;
	private timers: Array<{ at: number; seq: number; fire: () => void }> = [];
	private seq = 0;

	readonly sleep = async (ms: number): Promise<void> =>
		await new Promise<void>((resolve) => this.at(this.now + Math.max(0, ms), resolve));

	at(time: number, fire: () => void): void {
		this.timers.push({ at: time, seq: this.seq++, fire });
	}

	/** Runs timers in time order until `job` settles; answers its result. */
	async run<T>(job: Promise<T>): Promise<T> {
		let settled = false;
		job.then(
			() => (settled = true),
			() => (settled = true),
		);
		for (;;) {
			// Every promise chain runs to its next timer before the immediate.
			// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals
			await new Promise((resolve) => setImmediate(resolve));
			if (settled) return await job;
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift();
			if (!next) throw new Error('the job waits for nothing');
			this.now = Math.max(this.now, next.at);
			next.fire();
		}
	}
}

export interface Latency {
	/** From the client's send to the server's take. */
	toServerMs: number;
	/** From the server's take to the answer at the client (the simulator's latency and the way back). */
	answerMs: number;
	/**
	 * Up to this many ms more on the way back, from a fixed pseudo-random sequence: requests reach the server in the
	 * order they were sent, answers may overtake each other.
	 */
	jitterMs?: number;
}

export interface PacedJob {
	/** From the first send to the last answer. */
	ms: number;
	requests: number;
	refused: number;
	/** Items still refused after the transport's last attempt. */
	failed: number;
	/** Requests sent while a Retry-After the client had received was still running. */
	sentEarly: number;
	maxInFlight: number;
}

export interface PacedJobOptions {
	config: RateLimitConfig;
	items: number;
	latency: Latency;
	maxInFlight?: number;
	/** The server's limiter (e.g. with a bucket made earlier, for another phase of its interval boundaries). */
	limiter?: RateLimiter;
	/** The clock (e.g. already moved on, with timers of another client). */
	clock?: VirtualClock;
}

const USER = 'admin';

export async function runPacedJob(options: PacedJobOptions): Promise<PacedJob> {
	const clock = options.clock ?? new VirtualClock();
	const limiter = options.limiter ?? new RateLimiter();
	const cap = options.maxInFlight ?? 8;
	const gate = new RequestGate(cap, clock.sleep, () => clock.now);
	let random = 12345;
	const jitter = () => {
		random = (random * 1103515245 + 12345) % 2 ** 31;
		return ((random / 2 ** 31) * (options.latency.jitterMs ?? 0)) | 0;
	};
	const start = clock.now;
	const stats = { requests: 0, refused: 0, failed: 0, sentEarly: 0, maxInFlight: 0, last: start };
	let inFlight = 0;
	let holdUntil = -Infinity;

	const send = async (): Promise<HttpAnswer> => {
		stats.requests++;
		if (clock.now < holdUntil) stats.sentEarly++;
		stats.maxInFlight = Math.max(stats.maxInFlight, ++inFlight);
		await clock.sleep(options.latency.toServerMs);
		const { headers, refused } = limiter.take(options.config, USER, clock.now);
		await clock.sleep(options.latency.answerMs + jitter());
		inFlight--;
		const answer = refused ?? { status: 200, headers };
		const lower = Object.fromEntries(
			Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
		);
		if (answer.status === 429) {
			stats.refused++;
			holdUntil = Math.max(holdUntil, clock.now + Number(lower['retry-after'] ?? 0) * 1000);
		}
		stats.last = clock.now;
		return { statusCode: answer.status, headers: lower, body: '' };
	};

	// As the transport's apiRequest: through the gate, and a 429 tried again after its Retry-After.
	const item = async (): Promise<void> => {
		for (let attempt = 1; ; attempt++) {
			const ticket = await gate.enter();
			const answer = await send();
			const delay = retryDelayForAnswer(answer, attempt, false);
			gate.leave(ticket, answer, delay);
			if (delay === undefined) {
				if (answer.statusCode !== 200) stats.failed++;
				return;
			}
			await clock.sleep(delay);
		}
	};

	const indexes = Array.from({ length: options.items }, (_, i) => i);
	await clock.run(mapConcurrent(indexes, cap, item));
	const { last, ...counts } = stats;
	return { ...counts, ms: last - start };
}

/** The fastest a job can be when it starts with a full bucket: the bucket at once, then `fillRate` per interval. */
export function idealMs(config: RateLimitConfig, items: number): number {
	return (Math.max(0, items - config.limit) / config.fillRate) * config.intervalSeconds * 1000;
}
