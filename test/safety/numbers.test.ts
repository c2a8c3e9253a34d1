/** Every numeric parameter an expression fills is checked, naming it, before anything is sent. */
import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import type { Resource } from '../../nodes/shared/node';
import { freezeClock, until } from '../harness/frozenClock';
import { PollingWorkflow } from '../harness/pollingWorkflow';
import type { NodeRun } from '../harness/runNode';
import type { Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';
import { changes, run, setTitle, useSimulator, type NodeName } from './helpers';

const ctx = useSimulator();

/** Each numeric parameter, the node and operation it belongs to, and how to set it. */
const NUMBERS: Array<[string, NodeName, INodeParameters, (value: string) => INodeParameters]> = [
	[
		'options.pollIntervalSeconds',
		'resolutionSamlSso',
		{ resource: 'connector', operation: 'sync', connectorId: '1' },
		(v) => ({ options: { waitForCompletion: true, pollIntervalSeconds: v } }),
	],
	[
		'options.timeoutSeconds',
		'resolutionSamlSso',
		{ resource: 'connector', operation: 'sync', connectorId: '1' },
		(v) => ({ options: { waitForCompletion: true, timeoutSeconds: v } }),
	],
	[
		'options.maxInFlight',
		'resolutionSamlSso',
		{ resource: 'connector', operation: 'syncUser', connectorId: '1', username: 'user0001' },
		(v) => ({ options: { maxInFlight: v } }),
	],
	['limit', 'adAttributesSync', { resource: 'user', operation: 'getAll' }, (v) => ({ limit: v })],
	[
		'options.maxInFlight',
		'adAttributesSync',
		{ resource: 'user', operation: 'getAll' },
		(v) => ({ options: { maxInFlight: v } }),
	],
	[
		'options.maxInFlight',
		'adAttributesSync',
		{ resource: 'user', operation: 'get', user: 'JIRAUSER10100' },
		(v) => ({ options: { maxInFlight: v } }),
	],
	[
		'options.maxInFlight',
		'adAttributesSync',
		{
			resource: 'user',
			operation: 'getField',
			user: 'JIRAUSER10100',
			connection: '2',
			field: 'mail',
		},
		(v) => ({ options: { maxInFlight: v } }),
	],
	[
		'options.batchSize',
		'adAttributesSync',
		setTitle('JIRAUSER10100'),
		(v) => ({ options: { combineItems: true, batchSize: v } }),
	],
	[
		'limit',
		'atlassianDcSso',
		{ resource: 'identityProvider', operation: 'getAll' },
		(v) => ({ limit: v }),
	],
];

/** What an expression may give instead of a number. */
const BAD = ['={{ "abc" }}', '={{ NaN }}', '={{ -1 }}', '={{ 1e12 }}', '={{ 2.5e-3 }}'];

describe.each(NUMBERS)('%s of %s', (name, node, base, set) => {
	test.each(BAD)('%s: a clear error naming the parameter, nothing sent', async (bad) => {
		const { sim } = ctx;
		const r = await run(sim, node, { ...base, ...set(bad) });
		expect(r.error?.message).toMatch(
			new RegExp(`^The parameter "${name.replace('.', '\\.')}" must be`),
		);
		expect(r.error?.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toEqual([]);
	});
});

/** Three inputs for the operations whose numbers bound items in flight or per request. */
const THREE_USERS = ['JIRAUSER10100', 'JIRAUSER10101', 'JIRAUSER10102'].map((key) => ({ key }));

/**
 * The requests at the server each time a clock that stands still moves on by the simulator's latency: every
 * answer waits for it, so the first number is how many requests the node has in flight at once.
 */
async function arrivalsOnClock(
	sim: Simulator,
	start: () => Promise<NodeRun>,
	rounds: number[],
): Promise<{ error?: string; arrived: number[] }> {
	sim.setLatency(10);
	const clock = freezeClock();
	const running = start();
	const arrived: number[] = [];
	for (const expected of rounds) {
		await until(() => sim.requests.length >= expected, `${expected} requests at the server`);
		arrived.push(sim.requests.length);
		await clock.advance(10);
	}
	return { error: (await running).error?.message, arrived };
}

/** The arrivals on the clock of a run of `node` over three input items, given the number under test. */
const threeItemsArrivals =
	(node: NodeName, parameters: INodeParameters, input: IDataObject[]) =>
	async (sim: Simulator, two: INodeParameters) =>
		await arrivalsOnClock(
			sim,
			async () => await run(sim, node, { ...parameters, ...two }, { input }),
			[2, 3],
		);

/** For each parameter, the value 2 given as text by an expression, and what it does that another value would not. */
const TAKEN_AS_NUMBER: Array<
	[string, string, (sim: Simulator, two: INodeParameters) => Promise<unknown>, unknown]
> = [
	[
		'options.pollIntervalSeconds',
		'resolutionSamlSso connector.sync: waits of 2 s on the clock between its 3 status reads',
		async (sim, two) => {
			const clock = freezeClock();
			let ended = false;
			const running = run(sim, 'resolutionSamlSso', {
				resource: 'connector',
				operation: 'sync',
				connectorId: '1',
				...two,
			}).finally(() => {
				ended = true;
			});
			for (let waits = 1; waits <= 5; waits++) {
				await until(
					() => ended || clock.timersOf(2000).length === waits,
					`status read ${waits} and its wait of 2 s, or the end`,
				);
				if (ended) break;
				await clock.advance(2000);
			}
			const r = await running;
			return [r.error?.message, r.json[0]?.status, r.json[0]?.polls, r.json[0]?.waitedSeconds];
		},
		[undefined, 'DONE', 3, 4],
	],
	[
		'options.timeoutSeconds',
		'resolutionSamlSso connector.sync: gives up within 2 s (the 5 s interval would pass it)',
		async (sim, two) => {
			sim.state.resolution.connectors[0].statusReadsUntilDone = 1000;
			const r = await run(sim, 'resolutionSamlSso', {
				resource: 'connector',
				operation: 'sync',
				connectorId: '1',
				...two,
			});
			return r.error?.message;
		},
		'The sync of connector 1 did not finish within 2 seconds (last status: RUNNING)',
	],
	[
		'options.maxInFlight',
		'resolutionSamlSso connector.syncUser: 2 of 3 users in flight at once',
		threeItemsArrivals(
			'resolutionSamlSso',
			{
				resource: 'connector',
				operation: 'syncUser',
				connectorId: '1',
				username: '={{ $json.username }}',
			},
			['user0001', 'user0002', 'user0003'].map((username) => ({ username })),
		),
		{ arrived: [2, 3] },
	],
	[
		'limit',
		'adAttributesSync user.getAll: 2 users',
		async (sim, two) =>
			(
				await run(sim, 'adAttributesSync', { resource: 'user', operation: 'getAll', ...two })
			).json.map((j) => j.username),
		['sophie2', 'luserion14'],
	],
	[
		'options.maxInFlight',
		'adAttributesSync user.getAll: page 1 alone, then 2 of the 11 other pages in flight at a time',
		async (sim, two) => {
			sim.state.deviniti.maxPageSize = 100;
			return await arrivalsOnClock(
				sim,
				async () =>
					await run(sim, 'adAttributesSync', {
						resource: 'user',
						operation: 'getAll',
						returnAll: true,
						...two,
					}),
				[1, 3, 5, 7, 9, 11, 12],
			);
		},
		{ arrived: [1, 3, 5, 7, 9, 11, 12] },
	],
	[
		'options.maxInFlight',
		'adAttributesSync user.get: 2 of 3 users in flight at once',
		threeItemsArrivals(
			'adAttributesSync',
			{ resource: 'user', operation: 'get', user: '={{ $json.key }}' },
			THREE_USERS,
		),
		{ arrived: [2, 3] },
	],
	[
		'options.maxInFlight',
		'adAttributesSync user.getField: 2 of 3 users in flight at once',
		threeItemsArrivals(
			'adAttributesSync',
			{
				resource: 'user',
				operation: 'getField',
				user: '={{ $json.key }}',
				connection: '2',
				field: 'mail',
			},
			THREE_USERS,
		),
		{ arrived: [2, 3] },
	],
	[
		'options.batchSize',
		'adAttributesSync user.update: 3 users in requests of 2 and 1',
		async (sim, two) => {
			const r = await run(
				sim,
				'adAttributesSync',
				{ ...setTitle('={{ $json.key }}'), ...two },
				{ input: THREE_USERS },
			);
			return [
				r.error?.message,
				changes(sim).map(
					(q) =>
						(JSON.parse(q.body) as { update: Array<{ data: unknown[] }> }).update.flatMap(
							(u) => u.data,
						).length,
				),
			];
		},
		[undefined, [2, 1]],
	],
	[
		'limit',
		'atlassianDcSso identityProvider.getAll: 2 IdPs',
		async (sim, two) =>
			(
				await run(sim, 'atlassianDcSso', {
					resource: 'identityProvider',
					operation: 'getAll',
					...two,
				})
			).json.map((j) => j.id),
		[1, 2],
	],
];

test('every numeric parameter has its check of a valid value', () => {
	expect(TAKEN_AS_NUMBER.map(([name, what]) => `${name} ${what.split(':')[0]}`)).toEqual(
		NUMBERS.map(
			([name, node, base]) => `${name} ${node} ${String(base.resource)}.${String(base.operation)}`,
		),
	);
});

test.each(
	TAKEN_AS_NUMBER.map(
		([name, what, observe, expected], index) =>
			[name, what, observe, expected, NUMBERS[index][3]] as const,
	),
)(
	'%s given "2" by an expression is taken as the number 2: %s',
	async (_name, _what, observe, expected, set) => {
		expect(await observe(ctx.sim, set('={{ "2" }}'))).toEqual(expected);
	},
);

test('the panel shows the bounds the code checks, for exactly the numeric parameters above', async () => {
	const nodes: Array<[NodeName, Resource[]]> = [
		[
			'adAttributesSync',
			(await import('../../nodes/AdAttributesSync/actions/resources')).resources,
		],
		['atlassianDcSso', (await import('../../nodes/AtlassianDcSso/actions/resources')).resources],
		['kantegaSso', (await import('../../nodes/KantegaSso/actions/resources')).resources],
		[
			'resolutionSamlSso',
			(await import('../../nodes/ResolutionSamlSso/actions/resources')).resources,
		],
	];
	const numbers = nodes.flatMap(([node, resources]) =>
		resources.flatMap((r) =>
			r.operations.flatMap((o) =>
				o.properties
					.flatMap((p) =>
						p.type === 'collection'
							? ((p.options ?? []) as INodeProperties[]).map((option) => ({
									...option,
									name: `${p.name}.${option.name}`,
								}))
							: [p],
					)
					.filter((p) => p.type === 'number')
					.map((p) => ({
						...p,
						name: `${p.name} of ${node} ${String(r.option.value)}.${String(o.option.value)}`,
					})),
			),
		),
	);
	expect(numbers.map((p) => p.name).sort()).toEqual(
		NUMBERS.map(
			([name, node, base]) =>
				`${name} of ${node} ${String(base.resource)}.${String(base.operation)}`,
		).sort(),
	);
	for (const p of numbers) {
		expect([p.name, typeof p.typeOptions?.minValue, typeof p.typeOptions?.maxValue]).toEqual([
			p.name,
			'number',
			'number',
		]);
	}
});

test('sync with wait and a timeout of "abc" does not poll forever: refused at once, no sync started', async () => {
	const { sim } = ctx;
	const syncs = sim.state.resolution.syncs.length;
	const r = await run(sim, 'resolutionSamlSso', {
		resource: 'connector',
		operation: 'sync',
		connectorId: '1',
		options: { waitForCompletion: true, timeoutSeconds: 'abc' },
	});
	expect(r.error?.message).toBe(
		'The parameter "options.timeoutSeconds" must be a number from 1 to 86400, not "abc"',
	);
	expect(sim.state.resolution.syncs).toHaveLength(syncs);
});

describe('the trigger', () => {
	// Reminders are whole days; one bad entry of the list is enough.
	test.each([...BAD, '30,abc'])(
		'"Reminder Days" %s: the poll fails naming the parameter, nothing sent',
		async (bad) => {
			const { sim } = ctx;
			const trigger = PollingWorkflow.ofTrigger(
				{
					event: 'certificateExpiring',
					sources: ['atlassianIdentityProviders'],
					reminderDays: bad,
				},
				adminBasic(sim),
			);
			const outcome = await trigger.poll();
			expect(String(outcome.error?.message)).toMatch(
				/^The parameter "reminderDays" must be a whole number from 0 to 3650/,
			);
			expect(sim.requests).toEqual([]);
		},
	);
});
