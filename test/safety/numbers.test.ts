/** Issue 10, section 3: every numeric parameter an expression fills is checked, naming it, before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';

import { PollingWorkflow } from '../harness/pollingWorkflow';
import { adminBasic } from '../support/credentials';
import { run, useSimulator, type NodeName } from './helpers';

const ctx = useSimulator();

/** Each numeric parameter, the node and operation it belongs to, and how to set it. */
const NUMBERS: Array<[string, NodeName, INodeParameters, (value: string) => INodeParameters]> = [
	['options.pollIntervalSeconds', 'resolutionSamlSso', { resource: 'connector', operation: 'sync', connectorId: '1' }, (v) => ({ options: { waitForCompletion: true, pollIntervalSeconds: v } })],
	['options.timeoutSeconds', 'resolutionSamlSso', { resource: 'connector', operation: 'sync', connectorId: '1' }, (v) => ({ options: { waitForCompletion: true, timeoutSeconds: v } })],
	['options.maxInFlight', 'resolutionSamlSso', { resource: 'connector', operation: 'syncUser', connectorId: '1', username: 'user0001' }, (v) => ({ options: { maxInFlight: v } })],
	['limit', 'adAttributesSync', { resource: 'user', operation: 'getAll' }, (v) => ({ limit: v })],
	['options.maxInFlight', 'adAttributesSync', { resource: 'user', operation: 'get', user: 'JIRAUSER10100' }, (v) => ({ options: { maxInFlight: v } })],
	['options.maxInFlight', 'adAttributesSync', { resource: 'user', operation: 'getField', user: 'JIRAUSER10100', connection: '2', field: 'mail' }, (v) => ({ options: { maxInFlight: v } })],
	['options.batchSize', 'adAttributesSync', { resource: 'user', operation: 'update', connectionId: '2', userKey: 'JIRAUSER10100', fields: { field: [{ name: 'title', value: 'x' }] } }, (v) => ({ options: { combineItems: true, batchSize: v } })],
	['limit', 'atlassianDcSso', { resource: 'identityProvider', operation: 'getAll' }, (v) => ({ limit: v })],
];

/** What an expression may give instead of a number. */
const BAD = ['={{ "abc" }}', '={{ NaN }}', '={{ -1 }}', '={{ 1e12 }}', '={{ 2.5e-3 }}'];

describe.each(NUMBERS)('%s of %s', (name, node, base, set) => {
	test.each(BAD)('%s: a clear error naming the parameter, nothing sent', async (bad) => {
		const { sim } = ctx;
		const r = await run(sim, node, { ...base, ...set(bad) });
		expect(r.error?.message).toMatch(new RegExp(`^The parameter "${name.replace('.', '\\.')}" must be`));
		expect(r.error?.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toEqual([]);
	});

	test('a valid value given as text by an expression is taken as the number', async () => {
		const { sim } = ctx;
		const r = await run(sim, node, { ...base, ...set('={{ "2" }}') });
		expect(r.error?.message ?? '').not.toMatch(/The parameter/);
	});
});

test('the panel shows the bounds the code checks', async () => {
	const { resources: ad } = await import('../../nodes/AdAttributesSync/actions/resources');
	const { resources: sso } = await import('../../nodes/AtlassianDcSso/actions/resources');
	const { resources: resolution } = await import('../../nodes/ResolutionSamlSso/actions/resources');
	const numbers = [...ad, ...sso, ...resolution]
		.flatMap((r) => r.operations)
		.flatMap((o) => o.properties.flatMap((p) => (p.type === 'collection' ? ((p.options ?? []) as typeof o.properties) : [p])))
		.filter((p) => p.type === 'number');
	expect(numbers.length).toBeGreaterThanOrEqual(8);
	for (const p of numbers) {
		expect([p.name, typeof p.typeOptions?.minValue, typeof p.typeOptions?.maxValue]).toEqual([p.name, 'number', 'number']);
	}
});

test('sync with wait and a timeout of "abc" does not poll forever: refused at once, no sync started', async () => {
	const { sim } = ctx;
	const syncs = sim.state.resolution.syncs.length;
	const r = await run(sim, 'resolutionSamlSso', { resource: 'connector', operation: 'sync', connectorId: '1', options: { waitForCompletion: true, timeoutSeconds: 'abc' } });
	expect(r.error?.message).toBe('The parameter "options.timeoutSeconds" must be a number from 1 to 86400, not "abc"');
	expect(sim.state.resolution.syncs).toHaveLength(syncs);
});

describe('the trigger', () => {
	// A fraction of a day is a valid window.
	test.each(BAD.filter((bad) => !bad.includes('2.5e-3')))('"Within Days" %s: the poll fails naming the parameter, nothing sent', async (bad) => {
		const { sim } = ctx;
		const trigger = PollingWorkflow.ofTrigger({ event: 'certificateExpiring', sources: ['atlassianIdentityProviders'], withinDays: bad }, adminBasic(sim));
		const outcome = await trigger.poll();
		expect(String(outcome.error?.message)).toMatch(/^The parameter "withinDays" must be a number from 0 to 3650/);
		expect(sim.requests).toEqual([]);
	});
});
