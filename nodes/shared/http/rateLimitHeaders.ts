import { header, type HttpAnswer } from './httpAnswer';

/** The token bucket Jira and Confluence Data Center describe in every answer when they rate-limit the user. */
export interface RateLimit {
	/** The bucket's size: the most requests that may be sent at once after a pause. */
	limit: number;
	/**
	 * Tokens left when the server answered. Atlassian's "Rate limiting" page for Data Center: it "might not always
	 * be correct"; a server that counts late reports more than is left.
	 */
	remaining: number;
	/** Tokens added every interval (`X-RateLimit-FillRate`), in one batch by Atlassian's description. */
	fillRate: number;
	/** `X-RateLimit-Interval-Seconds` in milliseconds. */
	intervalMs: number;
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
	return { limit, remaining: Math.max(0, remaining), fillRate, intervalMs: interval * 1000 };
}
