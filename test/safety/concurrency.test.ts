/**
 * 50 executions of the same workflow at once against one simulator: every one complete and correct (no
 * answer crosses to another execution), and one execution's retry wait (a 429 with Retry-After for it
 * alone) does not hold up the others.
 */
import type { IDataObject } from 'n8n-workflow';

import { freezeClock, until } from '../harness/frozenClock';
import { runNode, type NodeRun } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { basicCredentials } from './run';

const EXECUTIONS = 50;
const RETRY_AFTER_SECONDS = 3;

let sim: Simulator;
beforeAll(async () => {
	// Small pages, so that every execution pages (several requests each, interleaved with the others').
	sim = await startSimulator({ adMaxPageSize: 50 });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const userKeysOf = (execution: number) =>
	[0, 1, 2].map((i) => `JIRAUSER${10100 + 7 + execution * 3 + i}`);

async function getUsers(execution: number): Promise<NodeRun> {
	return await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'user', operation: 'get', user: '={{ $json.userKey }}' },
		credentials: basicCredentials(sim),
		input: userKeysOf(execution).map((userKey) => ({ userKey })),
	});
}

test(`${EXECUTIONS} executions paging all users of a connection at once: each gets every user, once, in order`, async () => {
	const expected = sim.state.deviniti.users
		.filter((u) => u.connectionId === '1')
		.map((u) => u.username);
	const runs = await Promise.all(
		Array.from(
			{ length: EXECUTIONS },
			async () =>
				await runNode({
					node: 'adAttributesSync',
					parameters: {
						resource: 'user',
						operation: 'getAll',
						connection: { __rl: true, mode: 'id', value: 'LDAP_server_23' },
						returnAll: true,
					},
					credentials: basicCredentials(sim),
				}),
		),
	);
	expect(expected).toHaveLength(238);
	for (const run of runs) {
		expect(run.error).toBeUndefined();
		expect(run.json.map((item) => item.username)).toEqual(expected);
	}
	const pages = sim.requests.filter((r) => r.path.endsWith('/connection/LDAP_server_23/user'));
	expect(pages.length).toBe(EXECUTIONS * Math.ceil(expected.length / 50));
});

test(`${EXECUTIONS} executions with different inputs at once: each output is its own users'; one waiting ${RETRY_AFTER_SECONDS} s after a 429 stalls no other`, async () => {
	const slow = 17;
	const [slowKey] = userKeysOf(slow);
	const slowStatuses = () =>
		sim.requests.filter((r) => r.path.endsWith(`/user/${slowKey}`)).map((r) => r.status);
	sim.setFault({
		kind: 'rateLimit',
		retryAfterSeconds: RETRY_AFTER_SECONDS,
		pathIncludes: `/user/${slowKey}`,
		times: 1,
	});
	// The clock stands still until the test moves it: the slow execution's Retry-After wait cannot end before,
	// so the others can only end if none of them waits for it (whatever the load on the machine).
	const clock = freezeClock();
	const ended: number[] = [];
	const runs = Array.from({ length: EXECUTIONS }, async (_, execution) => {
		const run = await getUsers(execution);
		ended.push(execution);
		return run;
	});
	try {
		await Promise.all(runs.filter((_, execution) => execution !== slow));
		await until(
			() => clock.timersOf(RETRY_AFTER_SECONDS * 1000).length > 0,
			'the Retry-After wait of the slow execution',
		);
		const wait = () => clock.timersOf(RETRY_AFTER_SECONDS * 1000).map((t) => t.state);
		expect([ended.length, ended.includes(slow), slowStatuses(), wait()]).toEqual([
			EXECUTIONS - 1,
			false,
			[429],
			['pending'],
		]);
		// Its wait is the server's Retry-After on the clock: still pending 1 ms before it ends, over when it does.
		await clock.advance(RETRY_AFTER_SECONDS * 1000 - 1);
		expect(wait()).toEqual(['pending']);
		await clock.advance(1);
		expect(wait()).toEqual(['fired']);
	} finally {
		// Also when an expectation failed: no run may still be under way when the file ends.
		await clock.advance(RETRY_AFTER_SECONDS * 1000);
		await Promise.allSettled(runs);
	}
	const results = await Promise.all(runs);
	expect(ended.at(-1)).toBe(slow);

	const byKey = new Map(sim.state.deviniti.users.map((u) => [u.userKey, u]));
	results.forEach((run, execution) => {
		expect(run.error).toBeUndefined();
		expect(run.json.map((item) => item.user)).toEqual(userKeysOf(execution));
		for (const item of run.json)
			expect(item.fields).toEqual(byKey.get(item.user as string)!.fields as IDataObject);
	});
	expect(slowStatuses()).toEqual([429, 200]);
	expect(sim.requests).toHaveLength(EXECUTIONS * 3 + 1);
});
