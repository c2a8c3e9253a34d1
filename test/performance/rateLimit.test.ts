import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { RateLimiter } from '../simulator/rateLimiter';
import { adminBasic } from '../support/credentials';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ latencyMs: 20 });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const usernames = (n: number) => Array.from({ length: n }, (_, i) => ({ username: `user${String(i + 1).padStart(4, '0')}` }));
const syncUsers = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'connector',
	operation: 'syncUser',
	connectorId: '1',
	username: '={{ $json.username }}',
	options,
});

async function timed(options: Parameters<typeof runNode>[0]) {
	const started = Date.now();
	const run = await runNode(options);
	return { run, ms: Date.now() - started };
}

describe("the simulator's rate limiter (Jira Data Center's token bucket per user)", () => {
	test('every answer carries the bucket; an empty one answers 429 with Retry-After', () => {
		const limiter = new RateLimiter();
		const config = { limit: 2, fillRate: 1, intervalSeconds: 2 };
		expect(limiter.take(config, 'admin', 0).headers).toEqual({
			'X-RateLimit-Limit': '2',
			'X-RateLimit-Remaining': '1',
			'X-RateLimit-FillRate': '1',
			'X-RateLimit-Interval-Seconds': '2',
		});
		expect(limiter.take(config, 'admin', 0).refused).toBeUndefined();
		const refused = limiter.take(config, 'admin', 500).refused;
		expect(refused?.status).toBe(429);
		expect(refused?.headers?.['Retry-After']).toBe('2');
		expect(refused?.headers?.['X-RateLimit-Remaining']).toBe('0');
		expect(limiter.take(config, 'user', 500).refused).toBeUndefined();
		expect(limiter.take(config, 'admin', 2000).refused).toBeUndefined();
	});
});

describe('pacing one run by the server\'s rate-limit headers', () => {
	test('items are sent as fast as the bucket allows, almost without a 429', async () => {
		sim.state.rateLimit = { limit: 10, fillRate: 20, intervalSeconds: 1 };
		const { run, ms } = await timed({ node: 'resolutionSamlSso', parameters: syncUsers(), credentials: adminBasic(sim), input: usernames(40) });
		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(40);
		// Unpaced, 8 in flight would be refused about 25 times here. A busy machine can bunch two sends
		// that were paced apart (event-loop lag), so one or two refusals do not fail the test; the
		// benchmark holds the 1% bound over 2,000 items.
		expect(sim.requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(2);
		// 10 at once, then 30 at 20 per second: 1.5 s at best (the benchmark measures how close;
		// here only the order of magnitude, so a busy machine does not fail it).
		expect(ms).toBeGreaterThanOrEqual(1400);
		expect(ms).toBeLessThan(5000);
	});

	test('without the headers the run keeps 8 requests in flight, as before', async () => {
		// Long answers make the bound structural, not a race with a busy machine: 24 requests of
		// 250 ms, 8 at a time, are 3 rounds (750 ms); more in flight would be faster, one at a time 6 s.
		sim.setLatency(250);
		const { run, ms } = await timed({ node: 'resolutionSamlSso', parameters: syncUsers(), credentials: adminBasic(sim), input: usernames(24) });
		expect(run.error).toBeUndefined();
		expect(sim.requests.map((r) => r.status)).toEqual(new Array(24).fill(200));
		expect(ms).toBeGreaterThanOrEqual(740);
		expect(ms).toBeLessThan(3000);
	});

	test('a 429 with Retry-After holds back the other items of the run too', async () => {
		sim.setFault({ kind: 'rateLimit', times: 1, retryAfterSeconds: 1 });
		const { run, ms } = await timed({ node: 'resolutionSamlSso', parameters: syncUsers({ maxInFlight: 1 }), credentials: adminBasic(sim), input: usernames(3) });
		expect(run.error).toBeUndefined();
		expect(sim.requests.map((r) => r.status)).toEqual([429, 200, 200, 200]);
		expect(ms).toBeGreaterThanOrEqual(950);
	});
});

describe('Max Requests in Flight', () => {
	test('caps the requests a run keeps open, items and pages alike', async () => {
		sim.setLatency(50);
		const gentle = await timed({ node: 'resolutionSamlSso', parameters: syncUsers({ maxInFlight: 2 }), credentials: adminBasic(sim), input: usernames(12) });
		expect(gentle.run.error).toBeUndefined();
		expect(gentle.ms).toBeGreaterThanOrEqual(6 * 50);
		sim.reset();
		sim.setLatency(50);
		const pages = await timed({
			node: 'adAttributesSync',
			parameters: { resource: 'user', operation: 'getAll', returnAll: true, options: { maxInFlight: 1 } },
			credentials: adminBasic(sim),
		});
		expect(pages.run.error).toBeUndefined();
		expect(pages.run.json.length).toBe(1200);
	});
});
