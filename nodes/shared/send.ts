import type { ICredentialsDecrypted, IExecuteFunctions, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import type { HttpAnswer } from './httpAnswer';
import type { TransportContext } from './transport';

/** One HTTP request as the transport built it, without the credential. */
export interface OutgoingRequest {
	method: IHttpRequestMethods;
	url: string;
	headers: Record<string, string>;
	body?: string;
}

/**
 * How a run's requests reach Data Center (the credential's "Connections"):
 * - `reuse`: Node's own fetch, whose connections stay open and are reused across the requests of all runs;
 * - `perRequest`: n8n's request helper (`httpRequestWithAuthentication`), which in n8n 2.41 opens a new
 *   connection (and a TLS handshake) for every request, and applies n8n's proxy settings and its
 *   outbound-request policy at connect time. It is also the route when TLS checks are to be skipped,
 *   which fetch cannot do.
 */
export const ROUTES = ['reuse', 'perRequest'] as const;
export type Route = (typeof ROUTES)[number];

export function routeOf(credentials: { connections?: unknown; ignoreSSLIssues?: unknown }): Route {
	return credentials.connections === 'perRequest' || credentials.ignoreSSLIssues === true ? 'perRequest' : 'reuse';
}

/**
 * A signal for one request that aborts with the execution. fetch would otherwise add a listener to the execution's
 * own signal per request and leave it there until garbage collection: thousands in a long run (Node warns past 1,500).
 */
function requestSignal(ctx: object): { signal?: AbortSignal; release: () => void } {
	const execution = 'getExecutionCancelSignal' in ctx ? (ctx as IExecuteFunctions).getExecutionCancelSignal() : undefined;
	if (!execution) return { release: () => undefined };
	const controller = new AbortController();
	const abort = () => controller.abort(execution.reason);
	if (execution.aborted) abort();
	else execution.addEventListener('abort', abort, { once: true });
	return { signal: controller.signal, release: () => execution.removeEventListener('abort', abort) };
}

/**
 * Through Node's fetch, keeping connections open; `authorization` is the credential's header (none for an anonymous
 * call). `ctx` is the node's context (its cancel signal is followed) or, for the credential test, any object.
 */
export async function sendReusingConnections(ctx: object, authorization: string | undefined, request: OutgoingRequest): Promise<HttpAnswer> {
	const { signal, release } = requestSignal(ctx);
	try {
		const response = await fetch(request.url, {
			method: request.method,
			headers: authorization === undefined ? request.headers : { ...request.headers, Authorization: authorization },
			body: request.body,
			redirect: 'manual',
			signal,
		});
		const headers: Record<string, string | undefined> = {};
		response.headers.forEach((value, name) => {
			headers[name] = value;
		});
		return { statusCode: response.status, headers, body: await response.text() };
	} finally {
		release();
	}
}

/** An answer's headers by lower-case name, a repeated header joined with ", ". */
export function headersOf(raw: unknown): Record<string, string | undefined> {
	const headers: Record<string, string | undefined> = {};
	if (raw && typeof raw === 'object') {
		for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
			headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value == null ? undefined : String(value);
		}
	}
	return headers;
}

/**
 * Through n8n's request helper with the shared credential (handed over decrypted, so that n8n does not load it
 * again per request). Statuses are judged by the transport, so n8n's own 401 retry never runs.
 */
export async function sendThroughN8n(
	ctx: TransportContext,
	credentials: ICredentialsDecrypted,
	skipSslCertificateValidation: boolean,
	request: OutgoingRequest,
): Promise<HttpAnswer> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		headers: request.headers,
		body: request.body,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		skipSslCertificateValidation,
	};
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options, {
		credentialsDecrypted: credentials,
	})) as { statusCode: number; headers: unknown; body: unknown };
	return {
		statusCode: response.statusCode,
		headers: headersOf(response.headers),
		body: typeof response.body === 'string' ? response.body : response.body == null ? '' : String(response.body),
	};
}

/** n8n's outbound-request policy (SSRF protection) refused the connection: nothing was sent. */
export const EGRESS_REFUSED = 'EGRESS_REFUSED';

/** undici's names (fetch) for the failures the retry policy and the messages know by Node's names. */
const UNDICI_CODES: Record<string, string> = {
	UND_ERR_SOCKET: 'ECONNRESET',
	UND_ERR_CLOSED: 'ECONNRESET',
	UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
	UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
	UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
};

/**
 * The system error code and words of a failed request, from either route: axios puts the code on the error,
 * fetch on its `cause` (a TypeError "fetch failed" whose cause says what happened); a cancelled execution
 * aborts either.
 */
export function failureOf(error: unknown): { code?: string; message?: string } {
	const outer = (error ?? {}) as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
	if (outer.name === 'AbortError' || outer.code === 'ERR_CANCELED') return { code: 'ABORT_ERR', message: 'cancelled' };
	const cause = (outer.cause ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
	// n8n's helper hands its policy's refusal on inside a NodeApiError.
	const refusal = [outer, cause].find((e) => e.name === 'SsrfBlockedIpError' || e.name === 'SsrfBlockedHostnameError');
	if (refusal) return { code: EGRESS_REFUSED, message: typeof refusal.message === 'string' ? refusal.message : undefined };
	// fetch refuses the ports browsers block (9, 25, 6000, 10080, …) before connecting.
	if (cause.message === 'bad port') return { code: 'BAD_PORT', message: 'bad port' };
	const raw = [outer.code, cause.code].find((code): code is string => typeof code === 'string');
	const message = [cause.message, outer.message].find((words): words is string => typeof words === 'string' && words !== 'fetch failed');
	return { code: raw === undefined ? undefined : (UNDICI_CODES[raw] ?? raw), message };
}
