/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A local Atlassian Data Center (Jira, Confluence or Bitbucket) with four SSO/identity apps:
 * resolution SAML SSO + User Sync, Deviniti AD Attributes Sync, Kantega SSO, Atlassian's authconfig.
 * Usage: `const sim = await startSimulator({ contextPath: '/jira' }); ... await sim.close();`
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { FaultList } from './faults';
import type { JsonValue } from './http';
import { createHandler } from './server';
import { createState, resolveOptions } from './state';
import type { Fault, RecordedRequest, Simulator, SimulatorOptions, SimulatorState } from './types';

export { SIMULATOR_USERS } from './auth';
export type { SimUser } from './auth';
export type * from './types';

export async function startSimulator(input: SimulatorOptions = {}): Promise<Simulator> {
	const options = resolveOptions(input);
	const faults = new FaultList();
	const requests: RecordedRequest[] = [];
	const inbox: JsonValue[] = [];
	const sockets = new Set<Socket>();
	let port = 0;
	let state = undefined as unknown as SimulatorState;
	const target = {
		get state() {
			return state;
		},
		requests,
		faults,
		inbox,
		reset: () => sim.reset(),
		setLatency: (ms: number) => sim.setLatency(ms),
	};
	const scheme = input.tls ? 'https' : 'http';
	const handler = createHandler(target, options, () => `${scheme}://127.0.0.1:${port}`);
	const listener = (req: IncomingMessage, res: ServerResponse) => {
		handler(req, res).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: `Simulator crashed: ${error.message}` }));
		});
	};
	const server = input.tls ? createTlsServer(input.tls, listener) : createServer(listener);
	server.on(input.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => resolve());
	});
	port = (server.address() as AddressInfo).port;
	const url = `${scheme}://127.0.0.1:${port}${options.contextPath}`;
	state = createState(options, url);

	const sim: Simulator = {
		url,
		port,
		requests,
		get state() {
			return state;
		},
		setFault: (fault: Fault) => faults.add(fault),
		clearFaults: () => faults.clear(),
		setLatency: (ms: number) => {
			state.latencyMs = ms;
		},
		reset: () => {
			Object.assign(state, createState(options, url));
			requests.length = 0;
			inbox.length = 0;
			faults.clear();
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				for (const socket of sockets) socket.destroy();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
	return sim;
}
