/**
 * Jira / Confluence Data Center's REST rate limiting: one token bucket per user, at most `limit` tokens.
 * Atlassian's "Rate limiting" page for Data Center (its HTTP headers table): X-RateLimit-Interval-Seconds is
 * "the time interval in seconds. You get a batch of new tokens every time interval", X-RateLimit-FillRate "the
 * number of tokens you get every time interval", X-RateLimit-Remaining "might not always be correct", and
 * retry-after is "how long you need to wait until you get new tokens. If you still have tokens left, it shows 0".
 * So by default `fillRate` tokens arrive at once at each interval boundary, counted from the user's first request;
 * `refill: 'continuous'` adds them bit by bit instead, and `remainingLag` makes Remaining report more than is left.
 */
import type { SimResponse } from './http';
import { json } from './http';
import type { RateLimitConfig } from './types';

interface Bucket {
	tokens: number;
	/** Continuous: when `tokens` was brought up to date. Batch: the latest interval boundary counted. */
	at: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	private config: RateLimitConfig | null = null;

	clear(): void {
		this.buckets.clear();
	}

	/** Takes a token for the user: answers the headers to add, or the 429 to send instead. */
	take(
		config: RateLimitConfig,
		username: string,
		now = Date.now(),
	): { headers: Record<string, string>; refused?: SimResponse } {
		if (config !== this.config) {
			this.config = config;
			this.buckets.clear();
		}
		const bucket = this.buckets.get(username) ?? { tokens: config.limit, at: now };
		this.buckets.set(username, bucket);
		refill(config, bucket, now);
		const refused = bucket.tokens < 1;
		if (!refused) bucket.tokens -= 1;
		const retryAfter = String(secondsUntilToken(config, bucket, now));
		if (config.headers === false) {
			if (!refused) return { headers: {} };
			return { headers: {}, refused: tooManyRequests({ 'Retry-After': retryAfter }) };
		}
		const remaining = Math.min(
			config.limit,
			Math.floor(bucket.tokens) + (config.remainingLag ?? 0),
		);
		const headers: Record<string, string> = {
			'X-RateLimit-Limit': String(config.limit),
			'X-RateLimit-Remaining': String(remaining),
			'X-RateLimit-FillRate': String(config.fillRate),
			'X-RateLimit-Interval-Seconds': String(config.intervalSeconds),
			'Retry-After': retryAfter,
		};
		return refused ? { headers, refused: tooManyRequests(headers) } : { headers };
	}
}

function refill(config: RateLimitConfig, bucket: Bucket, now: number): void {
	const intervalMs = config.intervalSeconds * 1000;
	if (config.refill === 'continuous') {
		bucket.tokens = Math.min(
			config.limit,
			bucket.tokens + ((now - bucket.at) * config.fillRate) / intervalMs,
		);
		bucket.at = now;
		return;
	}
	const batches = Math.floor((now - bucket.at) / intervalMs);
	if (batches <= 0) return;
	bucket.tokens = Math.min(config.limit, bucket.tokens + batches * config.fillRate);
	bucket.at += batches * intervalMs;
}

/** 0 while a token is left, else whole seconds until one comes (at least 1). */
function secondsUntilToken(config: RateLimitConfig, bucket: Bucket, now: number): number {
	if (bucket.tokens >= 1) return 0;
	const intervalMs = config.intervalSeconds * 1000;
	const ms =
		config.refill === 'continuous'
			? ((1 - bucket.tokens) * intervalMs) / config.fillRate
			: bucket.at + Math.ceil((1 - bucket.tokens) / config.fillRate) * intervalMs - now;
	return Math.max(1, Math.ceil(ms / 1000));
}

function tooManyRequests(headers: Record<string, string>): SimResponse {
	return json(429, { message: 'Too many requests: rate limit exceeded.' }, headers);
}
