/**
 * The simulator's rate limiter, as Atlassian's "Rate limiting" page for Data Center describes it: a batch of
 * X-RateLimit-FillRate tokens every X-RateLimit-Interval-Seconds, X-RateLimit-Remaining that "might not always be
 * correct", retry-after 0 while tokens are left; and the continuous refill as a switch.
 */
import { startSimulator, type Simulator } from '../index';
import { RateLimiter } from '../rateLimiter';
import type { RateLimitConfig } from '../types';
import { ADMIN, call } from './helpers';

const take = (limiter: RateLimiter, config: RateLimitConfig, at: number, user = 'admin') => {
	const { headers, refused } = limiter.take(config, user, at);
	return {
		status: refused?.status ?? 200,
		remaining: (refused?.headers ?? headers)['X-RateLimit-Remaining'],
		retryAfter: (refused?.headers ?? headers)['Retry-After'],
	};
};

describe('batch refill (the default)', () => {
	const config: RateLimitConfig = { limit: 3, fillRate: 2, intervalSeconds: 10 };

	test('every answer carries the bucket, and Retry-After 0 while a token is left', () => {
		const limiter = new RateLimiter();
		expect(limiter.take(config, 'admin', 0)).toEqual({
			headers: {
				'X-RateLimit-Limit': '3',
				'X-RateLimit-Remaining': '2',
				'X-RateLimit-FillRate': '2',
				'X-RateLimit-Interval-Seconds': '10',
				'Retry-After': '0',
			},
		});
	});

	test('the fill rate comes at once at each interval boundary, counted from the first request', () => {
		const limiter = new RateLimiter();
		expect([0, 1000, 2000].map((at) => take(limiter, config, at))).toEqual([
			{ status: 200, remaining: '2', retryAfter: '0' },
			{ status: 200, remaining: '1', retryAfter: '0' },
			// The last token: until the next batch, 8 s away.
			{ status: 200, remaining: '0', retryAfter: '8' },
		]);
		// Nothing comes during the interval, however long it has run: no token at 9.999 s.
		expect(take(limiter, config, 3500)).toEqual({ status: 429, remaining: '0', retryAfter: '7' });
		expect(take(limiter, config, 9999)).toEqual({ status: 429, remaining: '0', retryAfter: '1' });
		// At 10 s the batch of 2: two requests, then none until 20 s.
		expect([10000, 10000, 10000].map((at) => take(limiter, config, at).status)).toEqual([
			200, 200, 429,
		]);
		expect(take(limiter, config, 19999).status).toBe(429);
		expect(take(limiter, config, 20000)).toEqual({ status: 200, remaining: '1', retryAfter: '0' });
	});

	test('the bucket never holds more than the limit; other users have their own', () => {
		const limiter = new RateLimiter();
		take(limiter, config, 0);
		// Ten batches of 2 later: 3 tokens, not 21.
		expect([100000, 100000, 100000, 100000].map((at) => take(limiter, config, at).status)).toEqual([
			200, 200, 200, 429,
		]);
		expect(take(limiter, config, 100000, 'user').remaining).toBe('2');
	});

	test('a new configuration starts every bucket full', () => {
		const limiter = new RateLimiter();
		for (let i = 0; i < 3; i++) take(limiter, config, 0);
		expect(take(limiter, config, 0).status).toBe(429);
		expect(take(limiter, { ...config }, 0).remaining).toBe('2');
	});

	test('headers: false answers a 429 with Retry-After only, and nothing on the others', () => {
		const limiter = new RateLimiter();
		const quiet = { ...config, limit: 1, headers: false };
		expect(limiter.take(quiet, 'admin', 0)).toEqual({ headers: {} });
		const { headers, refused } = limiter.take(quiet, 'admin', 4000);
		expect([headers, refused?.status, refused?.headers]).toEqual([
			{},
			429,
			{ 'Content-Type': 'application/json;charset=UTF-8', 'Retry-After': '6' },
		]);
	});
});

describe('refill: continuous (the switch)', () => {
	const config: RateLimitConfig = {
		limit: 2,
		fillRate: 1,
		intervalSeconds: 2,
		refill: 'continuous',
	};

	test('tokens come bit by bit; Retry-After is the seconds until one', () => {
		const limiter = new RateLimiter();
		expect([0, 0].map((at) => take(limiter, config, at))).toEqual([
			{ status: 200, remaining: '1', retryAfter: '0' },
			{ status: 200, remaining: '0', retryAfter: '2' },
		]);
		// Half a token after 1 s: refused, one more second to wait.
		expect(take(limiter, config, 1000)).toEqual({ status: 429, remaining: '0', retryAfter: '1' });
		expect(take(limiter, config, 2000)).toEqual({ status: 200, remaining: '0', retryAfter: '2' });
		// 1.5 tokens 3 s later: one request, and half a token left.
		expect(take(limiter, config, 5000)).toEqual({ status: 200, remaining: '0', retryAfter: '1' });
	});
});

describe('remainingLag (the switch)', () => {
	const config: RateLimitConfig = { limit: 5, fillRate: 5, intervalSeconds: 60, remainingLag: 3 };

	test('Remaining reports that many more than are left, never more than the limit; refusals follow the real bucket', () => {
		const limiter = new RateLimiter();
		const answers = [0, 0, 0, 0, 0, 0].map((at) => take(limiter, config, at));
		expect(answers).toEqual([
			{ status: 200, remaining: '5', retryAfter: '0' },
			{ status: 200, remaining: '5', retryAfter: '0' },
			{ status: 200, remaining: '5', retryAfter: '0' },
			{ status: 200, remaining: '4', retryAfter: '0' },
			{ status: 200, remaining: '3', retryAfter: '60' },
			{ status: 429, remaining: '3', retryAfter: '60' },
		]);
	});
});

describe('over HTTP', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ rateLimit: { limit: 10, fillRate: 5, intervalSeconds: 60 } });
	});
	afterAll(async () => await sim.close());

	test('the switches are set through the state endpoint like any other field', async () => {
		const myself = async () => {
			const answer = await call(`${sim.url}/rest/api/2/myself`, { headers: ADMIN });
			return [
				answer.status,
				answer.headers.get('x-ratelimit-remaining'),
				answer.headers.get('retry-after'),
			];
		};
		expect(await myself()).toEqual([200, '9', '0']);
		const patched = await call(`${sim.url}/__simulator/state`, {
			method: 'POST',
			body: { rateLimit: { refill: 'continuous', remainingLag: 2 } },
		});
		expect((patched.json() as { rateLimit: RateLimitConfig }).rateLimit).toEqual({
			limit: 10,
			fillRate: 5,
			intervalSeconds: 60,
			refill: 'continuous',
			remainingLag: 2,
		});
		// A new configuration: the bucket is full again; Remaining says 2 more than are left (9, 8, 7), at most 10.
		expect(await myself()).toEqual([200, '10', '0']);
		expect(await myself()).toEqual([200, '10', '0']);
		expect(await myself()).toEqual([200, '9', '0']);
	});
});
