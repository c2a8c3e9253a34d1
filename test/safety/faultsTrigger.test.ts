/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The trigger's three events × every fault of the simulator on the first request of a poll: a read is
 * retried after 429, 503 and a broken connection (it emits what a clean poll emits); any other fault makes
 * the source it hits fail on its own: the poll emits one sourceFailed item with a clear error, the other
 * sources' events as usual, and the next poll the rest of what was missed, once, with one sourceRecovered.
 * No secret in any poll's output or error.
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
			sources: [
				'resolutionConfig',
				'atlassianIdentityProviders',
				'atlassianSsoSettings',
				'kantegaManagedGroups',
			],
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
	{
		event: 'certificateExpiring',
		parameters: {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders', 'resolutionConfig'],
			reminderDays: '60',
		},
	},
];

/** Faults a poll survives by waiting and asking again (a poll only reads). */
const RETRIED: FaultKind[] = [
	'rateLimit',
	'rateLimitNoRetryAfter',
	'unavailable',
	'connectionReset',
	'connectionResetAfterProcessing',
];
const KINDS = FAULT_KINDS.filter((kind) => kind !== 'latency');

const emitted = (outcome: PollOutcome) =>
	normalize(JSON.stringify((outcome.emitted?.[0] ?? []).map((item) => item.json)));
const itemsOf = (outcome: PollOutcome) => (outcome.emitted?.[0] ?? []).map((item) => item.json);
const sorted = (items: unknown[]) =>
	normalize(JSON.stringify(items.map((item) => JSON.stringify(item)).sort()));
const ofEvent = (items: Array<Record<string, unknown>>, event?: string) =>
	items.filter((item) => item.event === event);

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

test(`${CASES.length} trigger events × ${KINDS.length} faults = ${CASES.length * KINDS.length} polls: retried, or one source failed once and caught up at the next poll`, async () => {
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
				if (leaked.length)
					found.push(`${where}: secrets in the error: ${leaked.map(([name]) => name).join(', ')}`);
				if (RETRIED.includes(kind)) {
					if (result.first.error)
						found.push(`${where}: not retried: ${result.first.error.message}`);
					else if (emitted(result.first) !== expected)
						found.push(`${where}: emitted ${emitted(result.first).slice(0, 200)}`);
					continue;
				}
				if (result.first.error) {
					found.push(`${where}: the poll failed: ${result.first.error.message}`);
					continue;
				}
				const [first, next] = [itemsOf(result.first), itemsOf(result.next)];
				const failed = ofEvent(first, 'sourceFailed');
				const recovered = ofEvent(next, 'sourceRecovered');
				const message = String((failed[0]?.error as { message?: unknown } | undefined)?.message);
				if (failed.length !== 1 || !/GET \/rest\//.test(message))
					found.push(
						`${where}: sourceFailed items ${normalize(JSON.stringify(failed)).slice(0, 200)}`,
					);
				if (recovered.length !== 1 || recovered[0].source !== failed[0]?.source)
					found.push(
						`${where}: sourceRecovered items ${normalize(JSON.stringify(recovered)).slice(0, 200)}`,
					);
				const leakedOut = Object.entries(SECRETS).filter(([, value]) =>
					JSON.stringify([first, next]).includes(value),
				);
				if (leakedOut.length)
					found.push(
						`${where}: secrets in the items: ${leakedOut.map(([name]) => name).join(', ')}`,
					);
				if (ofEvent(first, 'sourceRecovered').length + ofEvent(next, 'sourceFailed').length)
					found.push(`${where}: a failure or recovery reported twice`);
				// The same items as a clean poll, in any order: a source read after the failed one may come first.
				const events = sorted([...ofEvent(first), ...ofEvent(next)]);
				if (events !== sorted(itemsOf(clean.first)))
					found.push(`${where}: the two polls emitted ${events.slice(0, 200)}`);
			}
			return found;
		}),
	);
	expect(problems.flat()).toEqual([]);
});

test('userSyncFinished: an empty or cut status answer is a failing source with a clear error', async () => {
	const c = CASES.find((x) => x.event === 'userSyncFinished')!;
	const sim = sims.get(c)!;
	for (const kind of ['truncatedJson', 'emptyBody'] as const) {
		const result = await polls(sim, c, kind);
		expect(
			ofEvent(itemsOf(result.first), 'sourceFailed').map(
				(item) => (item.error as { message: string }).message,
			),
		).toEqual([expect.stringMatching(/not valid JSON.*GET \/rest\/samlsso-admin/)]);
	}
});
