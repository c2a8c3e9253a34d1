/**
 * How n8n 2.41.1 reads the proxy variables, as the nodes meet it (the sources' account is at the top
 * of test/transport/proxy.test.ts): read per request, lower case first, ALL_PROXY as the fallback,
 * NO_PROXY's forms. A request that skips the proxy cannot resolve the host: "host not found".
 */
import {
	ALL_READ,
	behindProxy,
	closedPort,
	hostPort,
	listKantegaIdps,
	NOT_FOUND,
	proxied,
	readEach,
	useBehindProxy,
} from '../support/behindProxy';
import { adminBasic } from '../support/credentials';
import { startForwardProxy } from '../support/forwardProxy';
import { setProxyEnv } from '../support/proxyEnv';

const ctx = useBehindProxy();
const viaProxy = async () => (await listKantegaIdps(behindProxy(ctx.sim))).error;

describe('HTTP_PROXY and its kin', () => {
	test('read per request, not at start: set after the import, and a second proxy takes over at the next request', async () => {
		const second = await startForwardProxy({ hosts: { 'dc.behind-proxy.test': '127.0.0.1' } });
		try {
			setProxyEnv({ HTTP_PROXY: ctx.proxy.url });
			expect(await viaProxy()).toBeUndefined();
			setProxyEnv({ HTTP_PROXY: second.url });
			expect(await viaProxy()).toBeUndefined();
			expect(await viaProxy()).toBeUndefined();
			expect(proxied(ctx.proxy)).toEqual([
				`GET ${hostPort(ctx.sim)} /jira/rest/ksso/api/idp/1.0/idp/ids`,
			]);
			expect(proxied(second)).toHaveLength(2);
			expect(ctx.sim.requests).toHaveLength(3);
		} finally {
			await second.close();
		}
	});

	test('http_proxy in lower case is honoured, and read before HTTP_PROXY', async () => {
		setProxyEnv({
			http_proxy: ctx.proxy.url,
			HTTP_PROXY: `http://127.0.0.1:${await closedPort()}`,
		});
		expect(await viaProxy()).toBeUndefined();
		expect(ctx.proxy.forwarded).toHaveLength(1);
		expect(ctx.sim.requests).toHaveLength(1);
	});

	test('ALL_PROXY serves when no variable of the scheme is set', async () => {
		setProxyEnv({ ALL_PROXY: ctx.proxy.url });
		expect(await viaProxy()).toBeUndefined();
		expect(ctx.proxy.forwarded).toHaveLength(1);
	});

	test('HTTPS_PROXY alone does not apply to an http:// instance', async () => {
		setProxyEnv({ HTTPS_PROXY: ctx.proxy.url });
		expect((await viaProxy())?.message).toMatch(NOT_FOUND);
		expect(ctx.proxy.forwarded).toHaveLength(0);
	});
});

describe('NO_PROXY', () => {
	test.each([
		['NO_PROXY', 'dc.behind-proxy.test'],
		['NO_PROXY', '.behind-proxy.test'],
		['NO_PROXY', '*.behind-proxy.test'],
		['NO_PROXY', 'example.com, dc.behind-proxy.test'],
		['NO_PROXY', '*'],
		['no_proxy', 'dc.behind-proxy.test'],
	])(
		'%s=%s sends the request past the proxy: host not found, nothing forwarded',
		async (name, value) => {
			setProxyEnv({ HTTP_PROXY: ctx.proxy.url, [name]: value });
			expect((await viaProxy())?.message).toMatch(NOT_FOUND);
			expect(ctx.proxy.forwarded).toHaveLength(0);
			expect(ctx.sim.requests).toHaveLength(0);
		},
	);

	test('a domain without its leading dot is no suffix (unlike curl): NO_PROXY=behind-proxy.test still proxies', async () => {
		setProxyEnv({ HTTP_PROXY: ctx.proxy.url, NO_PROXY: 'behind-proxy.test' });
		expect(await viaProxy()).toBeUndefined();
		expect(ctx.proxy.forwarded).toHaveLength(1);
	});

	test('no_proxy in lower case is read before NO_PROXY', async () => {
		setProxyEnv({
			HTTP_PROXY: ctx.proxy.url,
			no_proxy: 'example.com',
			NO_PROXY: 'dc.behind-proxy.test',
		});
		expect(await viaProxy()).toBeUndefined();
		expect(ctx.proxy.forwarded).toHaveLength(1);
	});

	test('an entry with a port matches that port only', async () => {
		setProxyEnv({ HTTP_PROXY: ctx.proxy.url, NO_PROXY: hostPort(ctx.sim) });
		expect((await viaProxy())?.message).toMatch(NOT_FOUND);
		setProxyEnv({ HTTP_PROXY: ctx.proxy.url, NO_PROXY: 'dc.behind-proxy.test:1' });
		expect(await viaProxy()).toBeUndefined();
		expect(ctx.proxy.forwarded).toHaveLength(1);
	});

	test('NO_PROXY=127.0.0.1,localhost (as the e2e suite starts n8n): the made-up host through the proxy, 127.0.0.1 directly', async () => {
		setProxyEnv({ HTTP_PROXY: ctx.proxy.url, NO_PROXY: '127.0.0.1,localhost' });
		expect(await readEach(behindProxy(ctx.sim))).toEqual(ALL_READ);
		expect(ctx.proxy.forwarded).toHaveLength(4);
		expect(ctx.sim.requests).toHaveLength(4);
		expect((await listKantegaIdps(adminBasic(ctx.sim))).error).toBeUndefined();
		expect(ctx.proxy.forwarded).toHaveLength(4);
		expect(ctx.sim.requests).toHaveLength(5);
	});
});
