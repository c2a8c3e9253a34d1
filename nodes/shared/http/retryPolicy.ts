import { RETRY } from './constants';
import { header, type HttpAnswer } from './httpAnswer';

/** Seconds from a Retry-After header: a number of seconds or an HTTP date. */
export function retryAfterSeconds(value: string, now = Date.now()): number | undefined {
	if (!value) return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim());
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * How long to wait before trying an answer's request again, or undefined for "do not retry".
 * A 429 is refused before processing, so any request may be repeated after the wait. A 503 may come
 * from a node or proxy after the app acted, so only a request declared idempotent is repeated.
 * Authentication failures never are (each would count as a failed login toward the CAPTCHA lock).
 */
export function retryDelayForAnswer(
	answer: HttpAnswer,
	attempt: number,
	idempotent: boolean,
): number | undefined {
	if (attempt >= RETRY.maxAttempts) return undefined;
	if (answer.statusCode !== 429 && !(answer.statusCode === 503 && idempotent)) return undefined;
	const asked = retryAfterSeconds(header(answer, 'retry-after'));
	if (asked === undefined) return RETRY.baseBackoffMs * 2 ** (attempt - 1);
	if (asked > RETRY.maxRetryAfterSeconds) return undefined;
	return asked * 1000;
}

const NEVER_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BROKEN_CONNECTION = new Set([
	'ECONNRESET',
	'EPIPE',
	'ECONNABORTED',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** What a request that declares nothing is: reads are safe to repeat, changes are not. */
export function idempotentByDefault(method: string): boolean {
	return SAFE_METHODS.has(method);
}

/**
 * A connection that failed before the request was sent may be retried for any request;
 * a connection broken while the request may have been processed only for an idempotent one:
 * repeating a POST …/sync or DELETE /config (which removes the *latest* config version) would do it twice.
 */
export function retryDelayForNetworkError(
	code: string | undefined,
	idempotent: boolean,
	attempt: number,
): number | undefined {
	if (attempt >= RETRY.maxAttempts || !code) return undefined;
	if (NEVER_SENT.has(code) || (BROKEN_CONNECTION.has(code) && idempotent)) {
		return RETRY.baseBackoffMs * 2 ** (attempt - 1);
	}
	return undefined;
}
