/**
 * Pacing by Data Center's rate limit. The jobs behind the targets (at most 1 % of requests answered 429, at most
 * 1.05 times the ideal time) run on a virtual clock: the real RequestGate against the simulator's RateLimiter
 * (pacedJob.ts), so a minute-long interval takes no real time and a busy machine changes nothing. The node over
 * HTTP runs against the simulator with a frozen clock where the question is what was sent before what.
 */
import type { INodeParameters } from 'n8n-workflow';

import { fakeTimersAndDate, until } from '../harness/frozenClock';
import { runNode, type NodeRun } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { RateLimiter } from '../simulator/rateLimiter';
import type { RateLimitConfig } from '../simulator/types';
import { adminBasic } from '../support/credentials';
import { idealMs, runPacedJob, VirtualClock, type Latency } from './pacedJob';

/** The simulator's 20 ms and the way there and back; answers overtake each other by up to 10 ms. */
const LATENCY: Latency = { toServerMs: 1, answerMs: 21, jitterMs: 10 };

const VARIANTS: Array<[string, Partial<RateLimitConfig>]> = [
	['batches (the default)', {}],
	['continuous refill', { refill: 'continuous' }],
	['batches, Remaining 3 too high', { remainingLag: 3 }],
];

const JOBS: Array<[string, RateLimitConfig, number]> = [
	[
		'(a) bucket 100, 50 every 1 s, 600 items',
		{ limit: 100, fillRate: 50, intervalSeconds: 1 },
		600,
	],
	['(b) limit 20, 10 every 60 s, 100 items', { limit: 20, fillRate: 10, intervalSeconds: 60 }, 100],
];

/**
 * Where the job starts in the server's intervals: with a bucket made by its first request, or with one made
 * long before (full again), whose next batch comes this share of an interval after the job's first request.
 */
const PHASES: Array<[string, number | undefined]> = [
	['a new bucket', undefined],
	['the next batch half an interval away', 0.5],
	['the next batch right after the start (cut at the limit)', 0.02],
];

function startedAt(config: RateLimitConfig, nextBatch: number | undefined) {
	const clock = new VirtualClock();
	const limiter = new RateLimiter();
	if (nextBatch !== undefined) {
		const intervalMs = config.intervalSeconds * 1000;
		limiter.take(config, 'admin', 0);
		clock.now = 3 * intervalMs - nextBatch * intervalMs;
	}
	return { clock, limiter };
}

describe("a job paced by the server's bucket, on a virtual clock", () => {
	const cases = JOBS.flatMap(([job, base, items]) =>
		VARIANTS.flatMap(([variant, switches]) =>
			PHASES.map(
				([phase, nextBatch]) =>
					[job, variant, phase, { ...base, ...switches }, items, nextBatch] as const,
			),
		),
	);

	test.each(cases)(
		'%s, %s, %s: no 429, at most 1.05x the ideal time',
		async (_job, _variant, _phase, config, items, nextBatch) => {
			const job = await runPacedJob({
				config,
				items,
				latency: LATENCY,
				...startedAt(config, nextBatch),
			});
			const { ms, ...counts } = job;
			expect(counts).toEqual({
				requests: items,
				refused: 0,
				failed: 0,
				sentEarly: 0,
				maxInFlight: 8,
			});
			expect(ms / idealMs(config, items)).toBeLessThanOrEqual(1.05);
		},
	);

	test("another client on the same account: its tokens cost 429s, and every one's Retry-After holds the whole job", async () => {
		const config: RateLimitConfig = { limit: 20, fillRate: 10, intervalSeconds: 60 };
		const limiter = new RateLimiter();
		const clock = new VirtualClock();
		// Right after the batch at 120 s, before the job counts it: 6 of its 10 tokens gone.
		clock.at(120_005, () => {
			for (let i = 0; i < 6; i++) limiter.take(config, 'admin', clock.now);
		});
		const job = await runPacedJob({ config, items: 100, latency: LATENCY, clock, limiter });
		const { ms, ...counts } = job;
		// The 4 sent on the tokens the job did not get; none after them until their Retry-After ended.
		expect(counts).toEqual({ requests: 104, refused: 4, failed: 0, sentEarly: 0, maxInFlight: 8 });
		// The 6 tokens cost one batch more: the job ends right after the batch at 540 s instead of 480 s.
		expect(Math.floor(ms / 60_000)).toBe(9);
	});

	test('a gateway that sends only Retry-After: no pacing, but nothing is sent before a Retry-After ends', async () => {
		const config: RateLimitConfig = {
			limit: 20,
			fillRate: 10,
			intervalSeconds: 10,
			headers: false,
		};
		const job = await runPacedJob({ config, items: 60, latency: LATENCY });
		const { ms, ...counts } = job;
		expect(counts).toEqual({ requests: 86, refused: 26, failed: 0, sentEarly: 0, maxInFlight: 8 });
		// 20 at once, then 10 per batch: it ends right after the batch at 40 s, the ideal time.
		expect(Math.floor(ms / 10_000)).toBe(4);
	});
});

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ latencyMs: 20 });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const usernames = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ username: `user${String(i + 1).padStart(4, '0')}` }));
const syncUsers = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'connector',
	operation: 'syncUser',
	connectorId: '1',
	username: '={{ $json.username }}',
	options,
});

afterEach(() => jest.useRealTimers());

/** Some real time for whatever else would come in. */
async function pause(): Promise<void> {
	let polls = 0;
	await until(() => ++polls > 10, 'some real time');
}

/** Moves the clock on until the run ends, also when an expectation failed, so that nothing is left under way. */
async function settle(run: Promise<NodeRun>, stepMs: number): Promise<NodeRun> {
	let settled = false;
	const done = run.finally(() => (settled = true));
	while (!settled) {
		await jest.advanceTimersByTimeAsync(stepMs);
		await pause();
	}
	return await done;
}

/**
 * With the clock frozen the simulator holds every answer for its latency, so the requests that reach it before
 * the clock moves are the ones in flight at once. Lets them in wave after wave and answers how many each wave
 * had: it waits for `sizes` (jest's timeout if fewer come), then gives more real time to come in.
 */
async function waves(latencyMs: number, sizes: number[]): Promise<number[]> {
	const seen: number[] = [];
	let counted = 0;
	for (const size of sizes) {
		await until(() => sim.requests.length - counted >= size, `${size} more requests`);
		await pause();
		seen.push(sim.requests.length - counted);
		counted = sim.requests.length;
		await jest.advanceTimersByTimeAsync(latencyMs);
	}
	return seen;
}

describe('the node over HTTP', () => {
	test("against the simulator's batches: every item answered, none refused", async () => {
		sim.state.rateLimit = { limit: 10, fillRate: 10, intervalSeconds: 1 };
		const run = await runNode({
			node: 'resolutionSamlSso',
			parameters: syncUsers(),
			credentials: adminBasic(sim),
			input: usernames(25),
		});
		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(25);
		expect(sim.requests.map((r) => r.status)).toEqual(new Array(25).fill(200));
	});

	test('a 429 with Retry-After holds back the other items of the run until it ends', async () => {
		sim.setLatency(0);
		sim.setFault({ kind: 'rateLimit', times: 1, retryAfterSeconds: 1 });
		fakeTimersAndDate();
		const run = runNode({
			node: 'resolutionSamlSso',
			parameters: syncUsers({ maxInFlight: 2 }),
			credentials: adminBasic(sim),
			input: usernames(3),
		});
		const item = (r: { path: string }) => r.path.split('/').pop() ?? '';
		const seen = () => sim.requests.map((r) => `${item(r)} ${r.status}`).sort();
		try {
			// Items 1 and 2 go together; one is refused. Item 3 would follow the other at once, without a timer.
			await until(() => sim.requests.length >= 2, 'two requests');
			await pause();
			await jest.advanceTimersByTimeAsync(999);
			await pause();
			expect(seen()).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^user000[12] 429$/),
					expect.stringMatching(/^user000[12] 200$/),
				]),
			);
			expect(seen()).toHaveLength(2);
		} finally {
			expect((await settle(run, 1000)).error).toBeUndefined();
		}
		// After it: the refused item again, and item 3.
		const refused = item(sim.requests.find((r) => r.status === 429) ?? { path: '' });
		expect(
			sim.requests
				.slice(2)
				.map((r) => `${item(r)} ${r.status}`)
				.sort(),
		).toEqual([`${refused} 200`, 'user0003 200'].sort());
	});

	test('without the headers the run keeps 8 requests in flight, as before', async () => {
		sim.setLatency(257);
		fakeTimersAndDate();
		const run = runNode({
			node: 'resolutionSamlSso',
			parameters: syncUsers(),
			credentials: adminBasic(sim),
			input: usernames(24),
		});
		try {
			expect(await waves(257, [8, 8, 8])).toEqual([8, 8, 8]);
		} finally {
			expect((await settle(run, 257)).error).toBeUndefined();
		}
		expect(sim.requests.map((r) => r.status)).toEqual(new Array(24).fill(200));
	});
});

describe('Max Requests in Flight', () => {
	test('caps the requests a run keeps open: items', async () => {
		sim.setLatency(257);
		fakeTimersAndDate();
		const run = runNode({
			node: 'resolutionSamlSso',
			parameters: syncUsers({ maxInFlight: 2 }),
			credentials: adminBasic(sim),
			input: usernames(12),
		});
		try {
			expect(await waves(257, [2, 2, 2, 2, 2, 2])).toEqual([2, 2, 2, 2, 2, 2]);
		} finally {
			expect((await settle(run, 257)).json).toHaveLength(12);
		}
	});

	test("caps the requests a run keeps open: a list's pages", async () => {
		sim.setLatency(257);
		sim.state.deviniti.maxPageSize = 100;
		fakeTimersAndDate();
		const run = runNode({
			node: 'adAttributesSync',
			parameters: {
				resource: 'user',
				operation: 'getAll',
				returnAll: true,
				options: { maxInFlight: 3 },
			},
			credentials: adminBasic(sim),
		});
		try {
			// The first page says how many there are (12 of 100), then 3 at a time.
			expect(await waves(257, [1, 3, 3, 3, 2])).toEqual([1, 3, 3, 3, 2]);
		} finally {
			expect((await settle(run, 257)).json).toHaveLength(1200);
		}
	});
});
