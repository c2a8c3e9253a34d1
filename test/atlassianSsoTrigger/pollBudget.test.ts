/**
 * A poll stays within n8n's shortest poll interval: it never waits out a long Retry-After or a server that does
 * not answer. What it cannot do within its budget is reported as the source's failure, and the next poll tries
 * again. The clock stands still: a poll that waited on a timer would never end.
 */
import { POLL_BUDGET_MS } from '../../nodes/shared/http';
import { freezeClock, until } from '../harness/frozenClock';
import { activeTrigger, json, useSimulator } from './helpers';

const IDPS = '/rest/authconfig/1.0/idps';

describe('a poll never waits past its budget', () => {
	const ctx = useSimulator();

	test("a 429 asking for 50 s (more than the poll's budget leaves) is reported at once, sent once, and the next poll tries again", async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders'],
		});
		expect((await trigger.poll()).error).toBeUndefined();
		ctx.sim.requests.length = 0;
		ctx.sim.setFault({ kind: 'rateLimit', retryAfterSeconds: 50, times: 1 });
		freezeClock();
		const limited = await trigger.poll();
		expect(json(limited)).toEqual([
			expect.objectContaining({
				event: 'sourceFailed',
				source: 'atlassianIdentityProviders',
				error: expect.objectContaining({
					message: expect.stringMatching(
						/^Rate limited by Data Center \(GET .*idps.* answered 429\)/,
					),
				}),
			}),
		]);
		expect(ctx.sim.requests.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([
			`429 GET ${IDPS}`,
		]);
		expect(json(await trigger.poll())).toEqual([
			expect.objectContaining({ event: 'sourceRecovered', source: 'atlassianIdentityProviders' }),
		]);
	});

	test('a server that does not answer is given up when the budget ends, not waited for', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders'],
		});
		expect((await trigger.poll()).error).toBeUndefined();
		ctx.sim.setFault({ kind: 'latency', ms: 10 * 60_000, times: 1 });
		const clock = freezeClock();
		let ended = false;
		const polling = trigger.poll().then((outcome) => ((ended = true), outcome));
		await until(() => ctx.sim.requests.length === 2, 'the poll to send its request');
		await clock.advance(POLL_BUDGET_MS - 1);
		expect(ended).toBe(false);
		await clock.advance(1);
		await until(() => ended, 'the poll to give up');
		const outcome = await polling;
		expect(json(outcome)).toEqual([
			expect.objectContaining({
				event: 'sourceFailed',
				error: expect.objectContaining({
					message: `Could not reach Data Center: timed out or aborted (GET ${IDPS})`,
				}),
			}),
		]);
	});
});

test("an action node's run has no such budget: it waits out the Retry-After", async () => {
	// Covered with real time by the transport tests ("429 waits for Retry-After and retries"); here the budget's
	// absence is shown directly.
	const { runOf } = await import('../../nodes/shared/http');
	const ctx = { getNode: () => ({}) } as never;
	expect(runOf(ctx).mayWait(10 * 60_000)).toBe(true);
	expect(runOf(ctx).requestTimeout()).toBeUndefined();
});
