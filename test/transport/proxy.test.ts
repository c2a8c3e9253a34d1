/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The nodes through a company's HTTP proxy: the instance's host name resolves only through the proxy
 * (test/support/behindProxy.ts), so a request that does not go through it cannot reach Data Center.
 * How n8n reads the proxy variables is below; test/transport/proxyVariables.test.ts shows each rule.
 *
 * n8n 2.41.1 (n8n-core 2.41.1 → @n8n/backend-network 1.15.1):
 * - Every request of `httpRequest`, `httpRequestWithAuthentication` and the legacy `request` (the
 *   credential test) gets a new pair of agents, EnvProxyHttpAgent / EnvProxyHttpsAgent
 *   (http/axios/utils.js setAxiosAgents, called from convertN8nRequestToAxios and the legacy
 *   adapter). axios's own proxy support is off (`axios.defaults.proxy = false`).
 * - When the agent opens the request's connection (addRequest), its EnvProxyRouter asks
 *   proxy-from-env 1.1.0 `getProxyForUrl('scheme://host:port')`, which reads process.env then: per
 *   request, not at import or start. http:// targets: `http_proxy`, else `HTTP_PROXY`; https://
 *   targets: `https_proxy`, else `HTTPS_PROXY`; then `all_proxy` / `ALL_PROXY`; npm's
 *   `npm_config_http_proxy` / `npm_config_https_proxy` / `npm_config_proxy` come before all of them.
 *   Lower case wins over upper case.
 * - NO_PROXY: `npm_config_no_proxy`, else `no_proxy`, else `NO_PROXY`; entries split on commas or
 *   spaces: an exact host name, `.domain` or `*.domain` (a bare `domain` matches only itself, unlike
 *   curl), optionally `:port`, or `*`. No IP ranges: 127.0.0.1 and localhost are separate entries.
 * - http:// targets go to the proxy in absolute form (http-proxy-agent), https:// targets through a
 *   CONNECT tunnel (https-proxy-agent); the proxy, not n8n, resolves the host name. The agent is new
 *   per request, so is the tunnel.
 * - At start (BaseCommand.init), when any of HTTP(S)_PROXY / ALL_PROXY is set then, n8n also
 *   replaces Node's http/https global agents with the same env agents (installGlobalProxyAgent;
 *   N8N_OUTBOUND_PROXY_MODE=all, the default, or main-only), for code that uses Node's global agent.
 *   Node's own fetch (undici) is not affected; n8n's undici transport uses undici's EnvHttpProxyAgent.
 * n8n 1.123.81 (n8n-core 1.122.48, no @n8n/backend-network; read in the e2e suite's install):
 * - The same proxy-from-env 1.1.0 rules (lower case first, npm's variables first, NO_PROXY's forms),
 *   and axios's own proxy off; but the choice is made when the request is built, not at connect:
 *   setAxiosAgents (an axios interceptor, and the request conversions of `httpRequest`,
 *   `httpRequestWithAuthentication` and `request`) asks `getProxyForUrl(target URL)` and gives the
 *   request a new HttpProxyAgent / HttpsProxyAgent when a proxy applies, a plain new Agent when not.
 *   Still per request, never cached from start.
 * - The main (`n8n start`, Server.configure) replaces Node's global agents with proxy-routing ones
 *   only when HTTP_PROXY, HTTPS_PROXY or ALL_PROXY is set in upper case at start.
 * test/e2e/run-checks.ts ("through a company HTTP proxy") runs the four reads of this file in a real
 * n8n of each version, started with HTTP_PROXY and NO_PROXY=127.0.0.1,localhost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { testCredential } from '../harness/credentialTest';
import { PollingWorkflow } from '../harness/pollingWorkflow';
import { startSimulator } from '../simulator';
import {
	ALL_READ,
	behindProxy,
	hostPort,
	listKantegaIdps,
	NOT_FOUND,
	proxied,
	READ_PATHS,
	readEach,
	received,
	useBehindProxy,
} from '../support/behindProxy';
import { setProxyEnv } from '../support/proxyEnv';

const ctx = useBehindProxy();

test('HTTP_PROXY: a read of each of the four nodes reaches the proxy-only host, 4 requests forwarded once each', async () => {
	setProxyEnv({ HTTP_PROXY: ctx.proxy.url });
	expect(await readEach(behindProxy(ctx.sim))).toEqual(ALL_READ);
	const expected = READ_PATHS.map((path) => `GET ${hostPort(ctx.sim)} ${path}`);
	expect(proxied(ctx.proxy)).toEqual(expected);
	expect(received(ctx.sim)).toEqual(expected);
	expect(ctx.proxy.refused).toHaveLength(0);
});

test('without a proxy variable the same credential fails: host not found, nothing reaches the proxy or Data Center', async () => {
	const run = await listKantegaIdps(behindProxy(ctx.sim));
	expect(run.error?.message).toMatch(NOT_FOUND);
	expect(ctx.proxy.forwarded).toHaveLength(0);
	expect(ctx.sim.requests).toHaveLength(0);
});

test('HTTPS_PROXY: an https:// instance is reached through CONNECT tunnels, one per request', async () => {
	const tls = {
		key: readFileSync(join(__dirname, '..', 'fixtures', 'tls', 'key.pem'), 'utf8'),
		cert: readFileSync(join(__dirname, '..', 'fixtures', 'tls', 'cert.pem'), 'utf8'),
	};
	const secure = await startSimulator({ tls, contextPath: '/jira' });
	try {
		// Its certificate is self-signed for 127.0.0.1: the credential skips the check, as for internal instances.
		const credentials = { ...behindProxy(secure), ignoreSSLIssues: true };
		setProxyEnv({ HTTP_PROXY: ctx.proxy.url });
		expect((await listKantegaIdps(credentials)).error?.message).toMatch(NOT_FOUND);
		setProxyEnv({ HTTPS_PROXY: ctx.proxy.url });
		expect(await readEach(credentials)).toEqual(ALL_READ);
		expect(proxied(ctx.proxy)).toEqual(READ_PATHS.map(() => `CONNECT ${hostPort(secure)}`));
		expect(received(secure)).toEqual(READ_PATHS.map((path) => `GET ${hostPort(secure)} ${path}`));
	} finally {
		await secure.close();
	}
});

test("the trigger's poll goes through the proxy", async () => {
	setProxyEnv({ HTTP_PROXY: ctx.proxy.url });
	const trigger = PollingWorkflow.ofTrigger(
		{ event: 'configurationChanged', sources: ['atlassianSsoSettings'] },
		behindProxy(ctx.sim),
	);
	const outcome = await trigger.poll();
	expect(outcome.error).toBeUndefined();
	expect(proxied(ctx.proxy)).toEqual([`GET ${hostPort(ctx.sim)} /jira/rest/authconfig/1.0/sso`]);
	expect(received(ctx.sim)).toEqual(proxied(ctx.proxy));
});

describe('the credential test', () => {
	test('passes through the proxy: its two requests forwarded', async () => {
		setProxyEnv({ HTTP_PROXY: ctx.proxy.url });
		expect(await testCredential(behindProxy(ctx.sim))).toEqual({
			status: 'OK',
			message: expect.stringMatching(/^Connected to Jira \S+ as admin$/),
		});
		const expected = ['/jira/rest/applinks/1.0/manifest', '/jira/rest/api/2/myself'].map(
			(path) => `GET ${hostPort(ctx.sim)} ${path}`,
		);
		expect(proxied(ctx.proxy)).toEqual(expected);
		expect(received(ctx.sim)).toEqual(expected);
	});

	test('without the proxy it fails: the host was not found, and it names the proxy variables', async () => {
		const result = await testCredential(behindProxy(ctx.sim));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Could not reach http:\/\/dc\.behind-proxy\.test:\d+\/jira: ENOTFOUND\. .*HTTP_PROXY/,
		);
		expect(ctx.proxy.forwarded).toHaveLength(0);
		expect(ctx.sim.requests).toHaveLength(0);
	});
});
