/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The connection-reusing route and the execution's cancel signal: a long run leaves no listener behind on it
 * (fetch's own would stay until garbage collection, and Node warns past 1,500), and a cancel still stops a request.
 */
import { getEventListeners } from 'node:events';
import type { INode } from 'n8n-workflow';

import { sendReusingConnections } from '../../nodes/shared/send';
import type { TransportContext } from '../../nodes/shared/transport';
import { startSimulator, type Simulator } from '../simulator';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const contextWith = (signal: AbortSignal) =>
	({ getNode: () => node, getExecutionCancelSignal: () => signal }) as unknown as TransportContext;
const listIdps = () => ({ method: 'GET' as const, url: `${sim.url}/rest/ksso/api/idp/1.0/idp/ids`, headers: { Accept: 'application/json' } });
const auth = `Basic ${Buffer.from('admin:admin-password').toString('base64')}`;

test('2,000 requests leave no abort listener on the execution signal', async () => {
	const execution = new AbortController();
	const ctx = contextWith(execution.signal);
	for (let batch = 0; batch < 250; batch++) {
		const answers = await Promise.all(Array.from({ length: 8 }, async () => await sendReusingConnections(ctx, auth, listIdps())));
		expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
	}
	expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
});

test('cancelling the execution stops a request under way', async () => {
	sim.state.latencyMs = 5000;
	const execution = new AbortController();
	const started = Date.now();
	const sending = sendReusingConnections(contextWith(execution.signal), auth, listIdps());
	setTimeout(() => execution.abort(), 100);
	await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
	expect(Date.now() - started).toBeLessThan(2000);
	expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
});
