/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/** The proxy tests' own forward proxy (test/support/forwardProxy.ts): it refuses what it does not know, bounded. */
import { request } from 'node:http';
import { connect } from 'node:net';

import { startForwardProxy, type ForwardProxy } from '../support/forwardProxy';

/** One request to the proxy as an HTTP client configured with it sends it (absolute form). */
async function viaProxy(proxy: ForwardProxy, target: string): Promise<number> {
	const { port } = new URL(proxy.url);
	return await new Promise((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path: target, agent: false }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		req.end();
	});
}

/** The status line the proxy answers to CONNECT host:port. */
async function tunnel(proxy: ForwardProxy, hostPort: string): Promise<string> {
	const { port } = new URL(proxy.url);
	return await new Promise((resolve, reject) => {
		const socket = connect(Number(port), '127.0.0.1', () =>
			socket.write(`CONNECT ${hostPort} HTTP/1.1\r\nHost: ${hostPort}\r\n\r\n`),
		);
		socket.once('data', (data) => {
			resolve(data.toString('latin1').split('\r\n')[0]);
			socket.destroy();
		});
		socket.on('error', reject);
	});
}

test('another host is refused with 502, by request and by tunnel; nothing forwarded', async () => {
	const proxy = await startForwardProxy({ hosts: { 'dc.behind-proxy.test': '127.0.0.1' } });
	try {
		expect(await viaProxy(proxy, 'http://example.com/')).toBe(502);
		expect(await tunnel(proxy, 'example.com:443')).toBe('HTTP/1.1 502 Bad Gateway');
		expect(await viaProxy(proxy, '/not-absolute')).toBe(400);
		expect(proxy.forwarded).toEqual([]);
		expect(proxy.refused).toEqual([
			{ method: 'GET', host: 'example.com:80', path: '/' },
			{ method: 'CONNECT', host: 'example.com:443', path: '' },
		]);
	} finally {
		await proxy.close();
	}
});

test('past maxRequests it answers 503 and forwards nothing more', async () => {
	const proxy = await startForwardProxy({
		hosts: { 'dc.behind-proxy.test': '127.0.0.1' },
		maxRequests: 1,
	});
	try {
		// Nothing listens on port 1: the first is forwarded (and fails upstream), the second is over the bound.
		expect(await viaProxy(proxy, 'http://dc.behind-proxy.test:1/a')).toBe(502);
		expect(await viaProxy(proxy, 'http://dc.behind-proxy.test:1/b')).toBe(503);
		expect(proxy.forwarded.map((r) => r.path)).toEqual(['/a']);
		expect(proxy.refused.map((r) => r.path)).toEqual(['/b']);
	} finally {
		await proxy.close();
	}
});

test('only loopback addresses are accepted as targets', async () => {
	await expect(
		startForwardProxy({ hosts: { 'dc.behind-proxy.test': '10.0.0.1' } }),
	).rejects.toThrow('not a loopback address: 10.0.0.1');
});

test('close() ends a tunnel that is still open', async () => {
	const proxy = await startForwardProxy({ hosts: { 'dc.behind-proxy.test': '127.0.0.1' } });
	const { port } = new URL(proxy.url);
	// A tunnel to the proxy itself, kept open by the client.
	const socket = connect(Number(port), '127.0.0.1', () =>
		socket.write(`CONNECT dc.behind-proxy.test:${port} HTTP/1.1\r\n\r\n`),
	);
	await new Promise((resolve) => socket.once('data', resolve));
	const ended = new Promise((resolve) => socket.once('close', resolve));
	await proxy.close();
	await ended;
	expect(proxy.forwarded).toEqual([
		{ method: 'CONNECT', host: `dc.behind-proxy.test:${port}`, path: '' },
	]);
});
