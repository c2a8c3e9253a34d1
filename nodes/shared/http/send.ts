import type { ICredentialsDecrypted, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import type { HttpAnswer } from './httpAnswer';
import type { TransportContext } from './context';

/** One HTTP request as the transport built it, without the credential. */
export interface OutgoingRequest {
	method: IHttpRequestMethods;
	url: string;
	headers: Record<string, string>;
	body?: string;
}

/** An answer's headers by lower-case name, a repeated header joined with ", ". */
export function headersOf(raw: unknown): Record<string, string | undefined> {
	const headers: Record<string, string | undefined> = {};
	if (raw && typeof raw === 'object') {
		for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
			headers[key.toLowerCase()] = Array.isArray(value)
				? value.join(', ')
				: value == null
					? undefined
					: String(value);
		}
	}
	return headers;
}

/**
 * Every request of the nodes goes here: n8n's request helper with the shared credential, so n8n's proxy
 * variables (HTTP_PROXY, HTTPS_PROXY, NO_PROXY) and its outbound-request policy apply to every connection,
 * and the execution's cancel signal stops it. The credential is handed over decrypted, so that n8n does not
 * load it again per request. Statuses are judged by the transport, so n8n's own 401 retry never runs.
 */
export async function sendThroughN8n(
	ctx: TransportContext,
	credentials: ICredentialsDecrypted,
	skipSslCertificateValidation: boolean,
	request: OutgoingRequest,
	timeout?: number,
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
		...(timeout === undefined ? {} : { timeout }),
	};
	const response = (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		CREDENTIAL_TYPE,
		options,
		{
			credentialsDecrypted: credentials,
		},
	)) as { statusCode: number; headers: unknown; body: unknown };
	return {
		statusCode: response.statusCode,
		headers: headersOf(response.headers),
		body:
			typeof response.body === 'string'
				? response.body
				: response.body == null
					? ''
					: String(response.body),
	};
}

/** n8n's outbound-request policy (SSRF protection) refused the connection: nothing was sent. */
export const EGRESS_REFUSED = 'EGRESS_REFUSED';

/**
 * The system error code and words of a failed request: axios puts the code on the error or, wrapped by n8n,
 * on its `cause`; a cancelled execution aborts it.
 */
export function failureOf(error: unknown): { code?: string; message?: string } {
	const outer = (error ?? {}) as {
		code?: unknown;
		message?: unknown;
		name?: unknown;
		cause?: unknown;
	};
	const cause = (outer.cause ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
	if (
		[outer, cause].some(
			(e) => e.name === 'AbortError' || e.name === 'CanceledError' || e.code === 'ERR_CANCELED',
		)
	) {
		return { code: 'ABORT_ERR', message: 'cancelled' };
	}
	// n8n's helper hands its policy's refusal on inside a NodeApiError.
	const refusal = [outer, cause].find(
		(e) => e.name === 'SsrfBlockedIpError' || e.name === 'SsrfBlockedHostnameError',
	);
	if (refusal)
		return {
			code: EGRESS_REFUSED,
			message: typeof refusal.message === 'string' ? refusal.message : undefined,
		};
	const code = [outer.code, cause.code].find((value): value is string => typeof value === 'string');
	const message = [cause.message, outer.message].find(
		(words): words is string => typeof words === 'string',
	);
	return { code, message };
}
