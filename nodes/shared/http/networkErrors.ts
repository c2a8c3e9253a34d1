import { NodeApiError, NodeOperationError, type JsonObject } from 'n8n-workflow';

import type { TransportContext } from './context';

/** What a network error is about: the request, by method and path (never its URL's credentials or body). */
interface Where {
	method: string;
	path: string;
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	ETIMEDOUT: 'timed out',
	ECONNRESET: 'connection reset',
	EPIPE: 'connection broken',
	ECONNABORTED: 'timed out or aborted',
};

/** A failure of the TLS handshake (an untrusted, self-signed or expired certificate). */
export function isTlsFailure({ code, message }: { code?: string; message?: string }): boolean {
	return /certificate|self.signed|SSL|TLS/i.test(`${code ?? ''} ${message ?? ''}`);
}

/** n8n rewrites any error message that contains a system error code, so the message says it in words. */
export function networkError(
	ctx: TransportContext,
	failure: { code?: string; message?: string },
	request: Where,
	itemIndex: number,
): NodeApiError {
	const { code, message } = failure;
	const where = `${request.method} ${request.path}`;
	if (code === 'ABORT_ERR') {
		return new NodeApiError(
			ctx.getNode(),
			{ cancelled: true, method: request.method, path: request.path } as JsonObject,
			{
				message: `The execution was cancelled (${where})`,
				description:
					'The request was stopped while it was under way; whether Data Center acted on it is not known.',
				itemIndex,
			},
		);
	}
	const tls = isTlsFailure(failure);
	const what = tls
		? 'TLS certificate not accepted'
		: (code && NETWORK_WORDS[code]) || 'network error';
	return new NodeApiError(
		ctx.getNode(),
		{ networkError: what, method: request.method, path: request.path } as JsonObject,
		{
			message: `Could not reach Data Center: ${what} (${where})`,
			description: tls
				? 'The TLS certificate was not accepted. For an internal instance with a self-signed certificate, turn on "Ignore SSL Issues" in the credential.'
				: `Check the base URL (with its context path, e.g. https://example.com/jira) and that n8n can reach the instance (through n8n's HTTP_PROXY / HTTPS_PROXY where it needs a proxy). Cause: ${code ?? message ?? 'unknown'}.`,
			itemIndex,
		},
	);
}

/** n8n's outbound-request policy refused the instance: nothing was sent. */
export function egressRefused(
	ctx: TransportContext,
	target: string,
	reason: string | undefined,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`n8n's outbound-request policy does not allow ${target}`,
		{
			description: `Nothing was sent. ${(reason ?? 'The address is blocked').replace(/\.?$/, '.')} Ask the n8n administrator to allow the instance (N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES), or check the credential's Base URL.`,
			itemIndex,
		},
	);
}
