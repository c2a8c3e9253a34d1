/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A company's forward HTTP proxy, on 127.0.0.1: `http://` targets in absolute form
 * (`GET http://host:port/path`), `https://` targets tunnelled with CONNECT. It knows host names
 * nobody else resolves (e.g. `dc.behind-proxy.test` → 127.0.0.1): a client reaches them only
 * through it. Any other host is refused with 502 and nothing is sent. It records what it forwarded
 * (method, host, path) and what it refused, forwards at most `maxRequests`, and `close()` ends every
 * connection it holds.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** The made-up host name the proxy tests and the e2e suite give the simulator: no DNS knows it. */
export const PROXY_ONLY_HOST = 'dc.behind-proxy.test';

export interface ProxiedRequest {
	method: string;
	/** host:port as the client asked for it */
	host: string;
	/** the path with its query (a CONNECT tunnel: empty, the proxy does not see inside) */
	path: string;
}

export interface ForwardProxy {
	/** e.g. http://127.0.0.1:41234, for HTTP_PROXY / HTTPS_PROXY */
	url: string;
	forwarded: ProxiedRequest[];
	refused: ProxiedRequest[];
	/** Forgets what was recorded. */
	reset(): void;
	close(): Promise<void>;
}

export interface ForwardProxyOptions {
	/** host name → loopback address it stands for (only 127.0.0.0/8: nothing leaves the machine) */
	hosts: Record<string, string>;
	/** requests and tunnels forwarded at most (then 503), default 1000 */
	maxRequests?: number;
	/** a connection idle this long is closed, default 30 s */
	idleMs?: number;
}

/** Headers that belong to one hop (RFC 9110 7.6.1), not passed on. */
const HOP_BY_HOP = new Set([
	'proxy-connection',
	'proxy-authorization',
	'keep-alive',
	'te',
	'trailer',
	'upgrade',
]);

function split(hostPort: string): { name: string; port: number } | undefined {
	const match = /^([^:/\s]+):(\d{1,5})$/.exec(hostPort);
	return match ? { name: match[1].toLowerCase(), port: Number(match[2]) } : undefined;
}

export async function startForwardProxy(options: ForwardProxyOptions): Promise<ForwardProxy> {
	for (const address of Object.values(options.hosts)) {
		if (!address.startsWith('127.')) throw new Error(`not a loopback address: ${address}`);
	}
	const maxRequests = options.maxRequests ?? 1000;
	const idleMs = options.idleMs ?? 30_000;
	const forwarded: ProxiedRequest[] = [];
	const refused: ProxiedRequest[] = [];
	const sockets = new Set<Socket>();
	const track = (socket: Socket) => {
		sockets.add(socket);
		socket.setTimeout(idleMs, () => socket.destroy());
		socket.on('close', () => sockets.delete(socket));
	};

	/** Where HOST:PORT goes, or the reason it is refused (recorded either way). */
	function route(record: ProxiedRequest): { address: string; port: number } | string {
		const target = split(record.host);
		const address =
			target && Object.hasOwn(options.hosts, target.name) ? options.hosts[target.name] : undefined;
		if (!target || address === undefined) {
			refused.push(record);
			return `unknown host ${record.host}`;
		}
		if (forwarded.length >= maxRequests) {
			refused.push(record);
			return `more than ${maxRequests} requests`;
		}
		forwarded.push(record);
		return { address, port: target.port };
	}

	function onRequest(req: IncomingMessage, res: ServerResponse): void {
		let url: URL;
		try {
			url = new URL(req.url ?? '');
		} catch {
			res
				.writeHead(400, { 'Content-Type': 'text/plain' })
				.end('a proxy request needs an absolute URL\n');
			return;
		}
		if (url.protocol !== 'http:') {
			res.writeHead(400, { 'Content-Type': 'text/plain' }).end(`${url.protocol} is not proxied\n`);
			return;
		}
		const host = `${url.hostname}:${url.port || '80'}`;
		const target = route({
			method: req.method ?? 'GET',
			host,
			path: `${url.pathname}${url.search}`,
		});
		if (typeof target === 'string') {
			res
				.writeHead(target.startsWith('more') ? 503 : 502, { 'Content-Type': 'text/plain' })
				.end(`${target}\n`);
			return;
		}
		const headers = Object.fromEntries(
			Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
		);
		const upstream = request(
			{
				host: target.address,
				port: target.port,
				method: req.method,
				path: `${url.pathname}${url.search}`,
				headers,
				agent: false,
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('socket', track);
		upstream.on('error', (error) => {
			if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
			res.end(`upstream: ${error.message}\n`);
		});
		req.pipe(upstream);
	}

	function onConnect(req: IncomingMessage, client: Socket, head: Buffer): void {
		const target = route({ method: 'CONNECT', host: req.url ?? '', path: '' });
		if (typeof target === 'string') {
			client.end(
				`HTTP/1.1 ${target.startsWith('more') ? '503 Service Unavailable' : '502 Bad Gateway'}\r\n\r\n`,
			);
			return;
		}
		const upstream = connect(target.port, target.address, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		track(upstream);
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	}

	const server = createServer(onRequest);
	server.on('connect', onConnect);
	server.on('connection', track);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		forwarded,
		refused,
		reset() {
			forwarded.length = 0;
			refused.length = 0;
		},
		async close() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			for (const socket of sockets) socket.destroy();
			await closed;
		},
	};
}
