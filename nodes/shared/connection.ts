import { NodeOperationError, type ICredentialsDecrypted } from 'n8n-workflow';

import { authQueryOf } from './authorization';
import { checkBaseUrl } from './baseUrl';
import { CREDENTIAL_TYPE } from './constants';
import type { TransportContext } from './transport';

export interface Connection {
	baseUrl: string;
	ignoreSSLIssues: boolean;
	/** Handed to n8n's request helper so that it does not load and decrypt the credential again per request. */
	credentials: ICredentialsDecrypted;
	/** Added to every request's query: `os_authType=basic` when the credential asks for it (Basic auth only). */
	authQuery: Record<string, string>;
}

/** One node run reads its credential once, however many requests and items it has. */
const connections = new WeakMap<TransportContext, Promise<Connection>>();

async function openConnection(ctx: TransportContext): Promise<Connection> {
	const data = await ctx.getCredentials(CREDENTIAL_TYPE);
	const base = checkBaseUrl(data.baseUrl);
	if (!base.ok) throw new NodeOperationError(ctx.getNode(), base.message, { description: `Nothing was sent. ${base.description}` });
	return {
		baseUrl: base.baseUrl,
		ignoreSSLIssues: data.ignoreSSLIssues === true,
		credentials: { id: ctx.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '', name: CREDENTIAL_TYPE, type: CREDENTIAL_TYPE, data },
		authQuery: authQueryOf(data),
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
