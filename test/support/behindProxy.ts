/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A Data Center reachable only through a company's HTTP proxy, for the proxy tests: the simulator on
 * 127.0.0.1, a forward proxy that alone resolves `dc.behind-proxy.test` to it, and a credential saved
 * with its defaults whose Base URL names that host. The proxy variables are cleared for the test file
 * and restored after it.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { runNode, type NodeRun } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic } from './credentials';
import { PROXY_ONLY_HOST, startForwardProxy, type ForwardProxy } from './forwardProxy';
import { clearProxyEnv, setProxyEnv } from './proxyEnv';

/** A host name no DNS knows: only the proxy resolves it (to 127.0.0.1). */
export const HOST = PROXY_ONLY_HOST;

/** A read of each of the four nodes, and the items each outputs against the simulator's data. */
export const READS: Array<{ node: string; parameters: INodeParameters; items: number }> = [
	{ node: 'resolutionSamlSso', parameters: { resource: 'config', operation: 'get' }, items: 1 },
	{
		node: 'adAttributesSync',
		parameters: { resource: 'connection', operation: 'getAll' },
		items: 2,
	},
	{
		node: 'kantegaSso',
		parameters: { resource: 'identityProvider', operation: 'getAll' },
		items: 3,
	},
	{
		node: 'atlassianDcSso',
		parameters: { resource: 'identityProvider', operation: 'getAll' },
		items: 6,
	},
];

/** What each read sends (context path /jira). */
export const READ_PATHS = [
	'/jira/rest/samlsso-admin/1.0/config',
	'/jira/rest/intenso/ad/1.0/public/connection',
	'/jira/rest/ksso/api/idp/1.0/idp/ids',
	'/jira/rest/authconfig/1.0/idps?start=0&limit=50',
];

/** The package's error for the Kantega read when the host name cannot be resolved. */
export const NOT_FOUND =
	/^Could not reach Data Center: host not found \(GET \/rest\/ksso\/api\/idp\/1\.0\/idp\/ids\)$/;

/** The simulator's admin with Basic auth, its Base URL on the proxy-only host; the credential's defaults otherwise. */
export function behindProxy(sim: Simulator): ICredentialDataDecryptedObject {
	const credential = adminBasic(sim);
	return { ...credential, baseUrl: String(credential.baseUrl).replace('127.0.0.1', HOST) };
}

/** The proxy-only host with the simulator's port, as the proxy records it. */
export const hostPort = (sim: Simulator) => `${HOST}:${new URL(sim.url).port}`;

/** What a proxy forwarded, as "METHOD host:port path?query" ("CONNECT host:port" for a tunnel). */
export const proxied = (proxy: ForwardProxy) =>
	proxy.forwarded.map((r) => `${r.method} ${r.host} ${r.path}`.trim());

/** What the simulator received, in the same form, the host from the request's Host header. */
export const received = (sim: Simulator) =>
	sim.requests.map((r) => {
		const query = new URLSearchParams(r.query as Record<string, string>).toString();
		return `${r.method} ${String(r.headers.host)} ${r.rawPath}${query ? `?${query}` : ''}`;
	});

/** The four reads, one after the other: each one's error (none expected) and item count. */
export async function readEach(credentials: ICredentialDataDecryptedObject) {
	const outcomes: Array<{ node: string; error?: string; items: number }> = [];
	for (const { node, parameters } of READS) {
		const run = await runNode({ node, parameters, credentials });
		outcomes.push({ node, error: run.error?.message, items: run.json.length });
	}
	return outcomes;
}

/** What readEach answers when every read succeeds. */
export const ALL_READ = READS.map(({ node, items }) => ({ node, error: undefined, items }));

/** The Kantega read alone (one request). */
export async function listKantegaIdps(
	credentials: ICredentialDataDecryptedObject,
): Promise<NodeRun> {
	return await runNode({ node: 'kantegaSso', parameters: READS[2].parameters, credentials });
}

/**
 * One simulator (context path /jira) and one proxy for the test file, both reset before each test;
 * the proxy variables cleared for the file, cleared again after each test, restored at its end.
 */
export function useBehindProxy(): { readonly sim: Simulator; readonly proxy: ForwardProxy } {
	const holder = {} as { sim: Simulator; proxy: ForwardProxy };
	let restoreEnv: () => void = () => undefined;
	beforeAll(async () => {
		restoreEnv = clearProxyEnv();
		holder.sim = await startSimulator({ contextPath: '/jira' });
		holder.proxy = await startForwardProxy({ hosts: { [HOST]: '127.0.0.1' } });
	});
	beforeEach(() => {
		holder.sim.reset();
		holder.proxy.reset();
	});
	afterEach(() => setProxyEnv({}));
	afterAll(async () => {
		restoreEnv();
		await holder.proxy?.close();
		await holder.sim?.close();
	});
	return holder;
}

/** A loopback port nothing listens on (taken from the system, then released). */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}
