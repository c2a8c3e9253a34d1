import type { ICredentialsDecrypted, IExecuteFunctions } from 'n8n-workflow';

import { authorizationHeader } from './authorization';
import { CREDENTIAL_TYPE } from './constants';
import { egressRefused } from './networkErrors';
import { routeOf, type Route } from './send';
import type { TransportContext } from './transport';
import { normalizeBaseUrl } from './url';

export interface Connection {
	baseUrl: string;
	route: Route;
	ignoreSSLIssues: boolean;
	/** Handed to n8n's request helper so that it does not load and decrypt the credential again per request. */
	credentials: ICredentialsDecrypted;
	/** The credential's Authorization header, for the connection-reusing route. */
	authorization: string;
}

/** One node run reads its credential once, however many requests and items it has. */
const connections = new WeakMap<TransportContext, Promise<Connection>>();

async function openConnection(ctx: TransportContext): Promise<Connection> {
	const data = await ctx.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = normalizeBaseUrl(String(data.baseUrl ?? ''));
	const route = routeOf(data);
	if (route === 'reuse') await assertEgressAllowed(ctx, baseUrl);
	return {
		baseUrl,
		route,
		ignoreSSLIssues: data.ignoreSSLIssues === true,
		credentials: { id: ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '', name: CREDENTIAL_TYPE, type: CREDENTIAL_TYPE, data },
		authorization: authorizationHeader(data),
	};
}

export async function connection(ctx: TransportContext): Promise<Connection> {
	let cached = connections.get(ctx);
	if (!cached) {
		cached = openConnection(ctx);
		connections.set(ctx, cached);
		cached.catch(() => connections.delete(ctx));
	}
	return await cached;
}

/**
 * n8n's request helper checks every connection against the instance's outbound-request policy (n8n 2.41+);
 * the connection-reusing route asks the same policy about the base URL before the run's first request.
 */
async function assertEgressAllowed(ctx: TransportContext, baseUrl: string): Promise<void> {
	const helpers = ctx.helpers as Partial<Pick<IExecuteFunctions['helpers'], 'getSecureEgressFilter'>>;
	if (typeof helpers.getSecureEgressFilter !== 'function' || !baseUrl) return;
	const verdict = await helpers.getSecureEgressFilter().validateUrl(baseUrl);
	if (!verdict.ok) throw egressRefused(ctx, baseUrl, verdict.error.message);
}
