/**
 * Jira / Confluence Data Center's REST rate limiting: one token bucket per user, `limit` tokens at most,
 * `fillRate` tokens added every `intervalSeconds` (continuously here). Every answer to a limited user carries
 * X-RateLimit-Limit / -Remaining / -FillRate / -Interval-Seconds; an empty bucket answers 429 with Retry-After.
 */
import type { SimResponse } from './http';
import { json } from './http';
import type { RateLimitConfig } from './types';

interface Bucket {
	tokens: number;
	at: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	private config: RateLimitConfig | null = null;

	clear(): void {
		this.buckets.clear();
	}

	/** Takes a token for the user: answers the headers to add, or the 429 to send instead. */
	take(config: RateLimitConfig, username: string, now = Date.now()): { headers: Record<string, string>; refused?: SimResponse } {
		if (config !== this.config) {
			this.config = config;
			this.buckets.clear();
		}
		const perMs = config.fillRate / (config.intervalSeconds * 1000);
		const bucket = this.buckets.get(username) ?? { tokens: config.limit, at: now };
		bucket.tokens = Math.min(config.limit, bucket.tokens + (now - bucket.at) * perMs);
		bucket.at = now;
		this.buckets.set(username, bucket);
		const refused = bucket.tokens < 1;
		if (!refused) bucket.tokens -= 1;
		const headers: Record<string, string> =
			config.headers === false
				? {}
				: {
						'X-RateLimit-Limit': String(config.limit),
						'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)),
						'X-RateLimit-FillRate': String(config.fillRate),
						'X-RateLimit-Interval-Seconds': String(config.intervalSeconds),
					};
		if (!refused) return { headers };
		const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
		return {
			headers,
			refused: json(429, { message: 'Too many requests: rate limit exceeded.' }, { ...headers, 'Retry-After': String(retryAfter) }),
		};
	}
}
