/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The trigger's three events × every fault of the simulator on the first request of a poll: a read is
 * retried after 429, 503 and a broken connection (it emits what a clean poll emits); any other fault fails
 * the poll with a clear error, moves nothing (static data as before) and the next poll emits what was
 * missed, once. No secret in any poll's error.
 */
import { inspect } from 'node:util';
import type { INodeParameters } from 'n8n-workflow';

import { PollingWorkflow, type PollOutcome } from '../harness/pollingWorkflow';
import { startSimulator, type FaultKind, type Simulator } from '../simulator';
import { FAULT_KINDS } from '../simulator/faults';
import { startSync } from '../atlassianSsoTrigger/helpers';
import { SECRETS } from './checks';
import { basicCredentials, normalize } from './run';

interface TriggerCase {
	event: string;
	parameters: INodeParameters;
	/** What happens on the instance between the baseline poll and the poll under the fault (none: the first poll is under it). */
	change?: (sim: Simulator) => Promise<void>;
}

const CASES: TriggerCase[] = [
	{
		event: 'configurationChanged',
		parameters: {
			event: 'configurationChanged',
			sources: ['resolutionConfig', 'atlassianIdentityProviders', 'atlassianSsoSettings', 'kantegaManagedGroups'],
			kantegaIdpIds: '1ncq3jsPC74BGuNnfZPl',
		},
		change: async (sim) => {
			sim.state.authconfig.idps[0].name = 'SAML SSO (prod)';
		},
	},
	{
		event: 'userSyncFinished',
		parameters: { event: 'userSyncFinished', connectorIds: '1' },
		change: async (sim) => {
			sim.state.resolution.connectors.forEach((c) => (c.statusReadsUntilDone = 0));
			await startSync(sim, '1');
		},
	},
	{ event: 'certificateExpiring', parameters: { event: 'certificateExpiring', sources: ['atlassianIdentityProviders', 'resolutionConfig'], withinDays: 60 } },
];

/** Faults a poll survives by waiting and asking again (a poll only reads). */
const RETRIED: FaultKind[] = ['rateLimit', 'rateLimitNoRetryAfter', 'unavailable', 'connectionReset', 'connectionResetAfterProcessing'];
const KINDS = FAULT_KINDS.filter((kind) => kind !== 'latency');

const emitted = (outcome: PollOutcome) => normalize(JSON.stringify((outcome.emitted?.[0] ?? []).map((item) => item.json)));

async function polls(sim: Simulator, c: TriggerCase, kind?: FaultKind) {
	sim.reset();
	const trigger = PollingWorkflow.ofTrigger(c.parameters, basicCredentials(sim));
	if (c.change) {
		await trigger.poll();
		await c.change(sim);
	}
	const before = JSON.stringify(trigger.nodeStaticData());
	if (kind) sim.setFault({ kind, times: 1, retryAfterSeconds: 0 });
	const first = await trigger.poll();
	const afterFirst = JSON.stringify(trigger.nodeStaticData());
	const next = await trigger.poll();
	return { first, next, before, afterFirst };
}

const sims = new Map<TriggerCase, Simulator>();
beforeAll(async () => {
	for (const c of CASES) sims.set(c, await startSimulator({ contextPath: '/jira' }));
});
afterAll(async () => await Promise.all([...sims.values()].map(async (sim) => await sim.close())));

test(`${CASES.length} trigger events × ${KINDS.length} faults = ${CASES.length * KINDS.length} polls: retried, or failed moving nothing and caught up at the next poll`, async () => {
	const problems = await Promise.all(
		CASES.map(async (c) => {
			const sim = sims.get(c)!;
			const clean = await polls(sim, c);
			const expected = emitted(clean.first);
			const found: string[] = [];
			if (expected === '[]') found.push('a clean poll emits nothing: the case proves nothing');
			for (const kind of KINDS) {
				const result = await polls(sim, c, kind);
				const where = `${c.event} under ${kind}`;
				const text = result.first.error ? inspect(result.first.error, { depth: 6 }) : '';
				const leaked = Object.entries(SECRETS).filter(([, value]) => text.includes(value));
				if (leaked.length) found.push(`${where}: secrets in the error: ${leaked.map(([name]) => name).join(', ')}`);
				if (RETRIED.includes(kind)) {
					if (result.first.error) found.push(`${where}: not retried: ${result.first.error.message}`);
					else if (emitted(result.first) !== expected) found.push(`${where}: emitted ${emitted(result.first).slice(0, 200)}`);
					continue;
				}
				const error = result.first.error;
				if (!error) {
					found.push(`${where}: the poll did not fail (emitted ${emitted(result.first).slice(0, 120)})`);
					continue;
				}
				if (!['NodeApiError', 'NodeOperationError'].includes(error.constructor.name) || !/GET \/rest\//.test(error.message)) {
					found.push(`${where}: ${error.constructor.name}: ${error.message}`);
				}
				if (result.afterFirst !== result.before) found.push(`${where}: the failed poll changed the stored state`);
				if (emitted(result.next) !== expected) found.push(`${where}: the next poll emitted ${emitted(result.next).slice(0, 200)}`);
			}
			return found;
		}),
	);
	expect(problems.flat()).toEqual([]);
});

test('userSyncFinished: an empty or cut status answer fails the poll with a clear error', async () => {
	const c = CASES.find((x) => x.event === 'userSyncFinished')!;
	const sim = sims.get(c)!;
	for (const kind of ['truncatedJson', 'emptyBody'] as const) {
		const result = await polls(sim, c, kind);
		expect(result.first.error?.message).toMatch(/not valid JSON.*GET \/rest\/samlsso-admin/);
	}
});
