/**
 * 50 executions of the same workflow at once against one simulator: every one complete and correct (no
 * answer crosses to another execution), and one execution's retry wait (a 429 with Retry-After for it
 * alone) does not hold up the others.
 */
import type { IDataObject } from 'n8n-workflow';

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

const userKeysOf = (execution: number) => [0, 1, 2].map((i) => `JIRAUSER${10100 + 7 + execution * 3 + i}`);

async function getUsers(execution: number): Promise<{ run: NodeRun; endedAt: number }> {
	const run = await runNode({
		node: 'adAttributesSync',
		parameters: { resource: 'user', operation: 'get', user: '={{ $json.userKey }}' },
		credentials: basicCredentials(sim),
		input: userKeysOf(execution).map((userKey) => ({ userKey })),
	});
	return { run, endedAt: Date.now() };
}

test(`${EXECUTIONS} executions paging all users of a connection at once: each gets every user, once, in order`, async () => {
	const expected = sim.state.deviniti.users.filter((u) => u.connectionId === '1').map((u) => u.username);
	const runs = await Promise.all(
		Array.from({ length: EXECUTIONS }, async () =>
			await runNode({
				node: 'adAttributesSync',
				parameters: { resource: 'user', operation: 'getAll', connection: { __rl: true, mode: 'id', value: 'LDAP_server_23' }, returnAll: true },
				credentials: basicCredentials(sim),
			}),
		),
	);
	expect(expected.length).toBeGreaterThan(200);
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
	sim.setFault({ kind: 'rateLimit', retryAfterSeconds: RETRY_AFTER_SECONDS, pathIncludes: `/user/${slowKey}`, times: 1 });
	const started = Date.now();
	const results = await Promise.all(Array.from({ length: EXECUTIONS }, async (_, execution) => await getUsers(execution)));

	const byKey = new Map(sim.state.deviniti.users.map((u) => [u.userKey, u]));
	results.forEach(({ run }, execution) => {
		expect(run.error).toBeUndefined();
		expect(run.json.map((item) => item.user)).toEqual(userKeysOf(execution));
		for (const item of run.json) expect(item.fields).toEqual(byKey.get(item.user as string)!.fields as IDataObject);
	});
	const slowEnded = results[slow].endedAt - started;
	const othersEnded = Math.max(...results.filter((_, i) => i !== slow).map((r) => r.endedAt - started));
	expect(slowEnded).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
	// The others are done well before the wait ends (they do not queue behind it): the waiting execution
	// ends just after its wait, the others at least half the wait before it. 50 engine runs take about
	// 1.5 s of CPU on a small machine, so the time of the others alone is not the measure.
	expect(othersEnded).toBeLessThan(slowEnded - (RETRY_AFTER_SECONDS * 1000) / 2);
	expect(sim.requests.filter((r) => r.path.endsWith(`/user/${slowKey}`)).map((r) => r.status)).toEqual([429, 200]);
	expect(sim.requests).toHaveLength(EXECUTIONS * 3 + 1);
});
