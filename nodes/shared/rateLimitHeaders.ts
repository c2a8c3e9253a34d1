import { header, type HttpAnswer } from './httpAnswer';

/** The token bucket Jira and Confluence Data Center describe in every answer when they rate-limit the user. */
export interface RateLimit {
	/** The bucket's size: the most requests that may be sent at once after a pause. */
	limit: number;
	/** Tokens left when the server answered. */
	remaining: number;
	/** Tokens added per millisecond (`X-RateLimit-FillRate` per `X-RateLimit-Interval-Seconds`). */
	perMs: number;
}

/** The answer's rate-limit headers, or undefined when it has none (the user is not rate-limited) or they make no sense. */
export function rateLimitOf(answer: HttpAnswer): RateLimit | undefined {
	const limitHeader = header(answer, 'x-ratelimit-limit');
	if (!limitHeader) return undefined;
	const limit = Number(limitHeader);
	const remaining = Number(header(answer, 'x-ratelimit-remaining'));
	const fillRate = Number(header(answer, 'x-ratelimit-fillrate'));
	const interval = Number(header(answer, 'x-ratelimit-interval-seconds'));
	if (!(limit > 0 && fillRate > 0 && interval > 0 && Number.isFinite(remaining))) return undefined;
	return { limit, remaining: Math.max(0, remaining), perMs: fillRate / (interval * 1000) };
}
