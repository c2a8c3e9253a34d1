/** An operation on a server-wide object changes it once per node run, not once per input item. */
import type { INodeParameters } from 'n8n-workflow';

import { appState, changes, run, useSimulator, type NodeName } from './helpers';

const ctx = useSimulator();

const SERVER_WIDE: Array<[string, NodeName, INodeParameters]> = [
	[
		'config.replace',
		'resolutionSamlSso',
		{
			resource: 'config',
			operation: 'replace',
			source: 'json',
			config: '{"entityId":"https://clone.example.com","idps":[]}',
		},
	],
	[
		'config.patch (merge patch)',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'patch', mergePatch: '{"redirectToSso":true}' },
	],
	[
		'config.patch (JSON Patch)',
		'resolutionSamlSso',
		{
			resource: 'config',
			operation: 'patch',
			patchFormat: 'jsonPatch',
			jsonPatch: '[{"op":"replace","path":"/redirectToSso","value":true}]',
		},
	],
	[
		'config.delete',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'delete', confirm: true },
	],
	['config.resetEntityId', 'resolutionSamlSso', { resource: 'config', operation: 'resetEntityId' }],
	[
		'ssoSettings.update',
		'atlassianDcSso',
		{
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { enableAuthenticationFallback: true },
		},
	],
];

describe.each(SERVER_WIDE)('%s', (_name, node, parameters) => {
	test('3 input items: refused before anything is sent, naming "Execute Once"; the server holds what it held', async () => {
		const { sim } = ctx;
		const before = appState(sim);
		const r = await run(sim, node, parameters, { input: [{}, {}, {}] });
		expect(r.error?.message).toMatch(
			/changes one object of the whole instance, but the node got 3 input items/,
		);
		expect(r.error?.description).toMatch(/"Execute Once"/);
		expect(sim.requests).toEqual([]);
		expect(appState(sim)).toBe(before);
	});

	test('continue on fail does not turn the refusal into 3 changes', async () => {
		const { sim } = ctx;
		const before = appState(sim);
		const r = await run(sim, node, parameters, { input: [{}, {}, {}], continueOnFail: true });
		expect(r.error?.message).toMatch(/3 input items/);
		expect(sim.requests).toEqual([]);
		expect(appState(sim)).toBe(before);
	});

	test('with "Execute Once": one change for 3 items', async () => {
		const { sim } = ctx;
		const r = await run(sim, node, parameters, { input: [{}, {}, {}], executeOnce: true });
		expect(r.error).toBeUndefined();
		expect(changes(sim)).toHaveLength(1);
		expect(r.json).toHaveLength(1);
	});
});

test('config.delete fed 3 items with "Execute Once" removes one stored version, not 3', async () => {
	const { sim } = ctx;
	const versions = sim.state.resolution.configVersions.length;
	const r = await run(
		sim,
		'resolutionSamlSso',
		{ resource: 'config', operation: 'delete', confirm: true },
		{ input: [{}, {}, {}], executeOnce: true },
	);
	expect(r.error).toBeUndefined();
	expect(changes(sim).map((q) => `${q.method} ${q.path}`)).toEqual([
		'DELETE /rest/samlsso-admin/1.0/config',
	]);
	expect(sim.state.resolution.configVersions).toHaveLength(versions - 1);
});

test('operations on one object each (an IdP, a group) still run once per item', async () => {
	const { sim } = ctx;
	const r = await run(
		sim,
		'kantegaSso',
		{
			resource: 'managedGroup',
			operation: 'add',
			idpId: '8xKQm2LpZr4TvW9sYb1E',
			group: '={{ $json.group }}',
		},
		{ input: [{ group: 'g1' }, { group: 'g2' }, { group: 'g3' }] },
	);
	expect(r.error).toBeUndefined();
	expect(changes(sim)).toHaveLength(3);
	expect(
		sim.state.kantega.idps.find((i) => i.id === '8xKQm2LpZr4TvW9sYb1E')?.managedGroups,
	).toEqual(expect.arrayContaining(['g1', 'g2', 'g3']));
});
