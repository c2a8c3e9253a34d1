/** An unedited node changes nothing; no parameter default describes a change. */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { resources as adResources } from '../../nodes/AdAttributesSync/actions/resources';
import { resources as ssoResources } from '../../nodes/AtlassianDcSso/actions/resources';
import { resources as kantegaResources } from '../../nodes/KantegaSso/actions/resources';
import { resources as resolutionResources } from '../../nodes/ResolutionSamlSso/actions/resources';
import type { Resource } from '../../nodes/shared/node';
import { appState, changes, run, useSimulator, type NodeName } from './helpers';

const ctx = useSimulator();

const NODES: Array<[NodeName, Resource[]]> = [
	['resolutionSamlSso', resolutionResources],
	['adAttributesSync', adResources],
	['kantegaSso', kantegaResources],
	['atlassianDcSso', ssoResources],
];

/** Choosing this operation is the whole request: it has no parameter that could describe the change. */
const THE_CHOICE_IS_THE_CHANGE = new Set(['resolutionSamlSso config.resetEntityId']);

const OPERATIONS = NODES.flatMap(([node, resources]) =>
	resources.flatMap((resource) =>
		resource.operations.map((operation) => ({
			name: `${node} ${String(resource.option.value)}.${String(operation.option.value)}`,
			node,
			parameters: {
				resource: resource.option.value,
				operation: operation.option.value,
			} as INodeParameters,
			operation,
		})),
	),
);

test.each(NODES.map(([node]) => node))(
	'%s dropped on a canvas and run as it is: only reads',
	async (node) => {
		const { sim } = ctx;
		const before = appState(sim);
		await run(sim, node, {});
		expect(changes(sim)).toEqual([]);
		expect(appState(sim)).toBe(before);
	},
);

/**
 * The operations n8n itself refuses to start with every parameter at its default: a required parameter is empty
 * ("The 'Node under test' node has issues: Parameter … is required"). That sends nothing either.
 */
const REFUSED_BY_N8N = new Set([
	'resolutionSamlSso connector.get',
	'resolutionSamlSso connector.getStatus',
	'resolutionSamlSso connector.sync',
	'resolutionSamlSso connector.syncUser',
	'resolutionSamlSso directory.delete',
	'adAttributesSync connection.update',
	'adAttributesSync user.get',
	'adAttributesSync user.getField',
	'adAttributesSync user.update',
	'kantegaSso managedGroup.getAll',
	'kantegaSso managedGroup.add',
	'kantegaSso managedGroup.check',
	'kantegaSso managedGroup.remove',
	'kantegaSso managedGroup.replace',
	'atlassianDcSso identityProvider.get',
	'atlassianDcSso identityProvider.create',
	'atlassianDcSso identityProvider.update',
	'atlassianDcSso identityProvider.delete',
]);

test('the operations n8n refuses to start unedited are operations of the nodes', () => {
	expect([...REFUSED_BY_N8N].filter((name) => !OPERATIONS.some((o) => o.name === name))).toEqual(
		[],
	);
});

test.each(OPERATIONS.filter((o) => !THE_CHOICE_IS_THE_CHANGE.has(o.name)).map((o) => [o.name, o]))(
	'%s with every parameter at its default: nothing changes on the server',
	async (name, { node, parameters }) => {
		const { sim } = ctx;
		const before = appState(sim);
		const outcome = await run(sim, node, parameters).then(
			() => 'ran',
			(error: Error) => error.message,
		);
		expect(outcome).toEqual(
			REFUSED_BY_N8N.has(name)
				? expect.stringMatching(
						/^The 'Node under test' node has issues:(\n- Parameter "[^"]+" is required\.)+$/,
					)
				: 'ran',
		);
		expect(changes(sim)).toEqual([]);
		expect(appState(sim)).toBe(before);
	},
);

/** Defaults of the parameters a change is made of: empty (the example is a placeholder). */
function changeDefaults(properties: INodeProperties[]): Array<[string, unknown]> {
	return properties
		.filter(
			(p) =>
				p.type === 'json' ||
				(p.type === 'collection' && p.name !== 'options') ||
				p.type === 'fixedCollection',
		)
		.map((p) => [p.name, p.default]);
}

test.each(OPERATIONS.map((o) => [o.name, o]))(
	'%s: the defaults of its change parameters are empty',
	(_name, { operation }) => {
		for (const [name, value] of changeDefaults(operation.properties)) {
			expect([
				name,
				value === '' ||
					(typeof value === 'object' && value !== null && Object.keys(value).length === 0),
			]).toEqual([name, true]);
		}
	},
);

test('config.patch: the example is a placeholder, not a default', () => {
	const patch = resolutionResources
		.flatMap((r) => r.operations)
		.find((o) => o.option.value === 'patch')!;
	const merge = patch.properties.find((p) => p.name === 'mergePatch')!;
	const jsonPatch = patch.properties.find((p) => p.name === 'jsonPatch')!;
	expect([merge.default, jsonPatch.default]).toEqual(['', '']);
	expect(merge.placeholder).toMatch(/redirectToSso/);
	expect(jsonPatch.placeholder).toMatch(/"op"/);
});

/** The object is named; what to change is left at its default: refused before sending, saying so. */
const NAMED_BUT_EMPTY: Array<[string, NodeName, INodeParameters, RegExp]> = [
	[
		'config.patch (merge patch)',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'patch' },
		/empty/i,
	],
	[
		'config.patch (JSON Patch)',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'patch', patchFormat: 'jsonPatch' },
		/empty/i,
	],
	[
		'config.patch {}',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'patch', mergePatch: '{}' },
		/empty|nothing/i,
	],
	[
		'config.patch []',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'patch', patchFormat: 'jsonPatch', jsonPatch: '[]' },
		/empty|nothing/i,
	],
	[
		'config.delete',
		'resolutionSamlSso',
		{ resource: 'config', operation: 'delete' },
		/Not confirmed/,
	],
	[
		'directory.delete',
		'resolutionSamlSso',
		{ resource: 'directory', operation: 'delete', directoryId: '10100' },
		/Not confirmed/,
	],
	[
		'connection.update',
		'adAttributesSync',
		{ resource: 'connection', operation: 'update', connectionId: '1' },
		/Nothing to update/,
	],
	[
		'user.update',
		'adAttributesSync',
		{ resource: 'user', operation: 'update', connectionId: '1', userKey: 'JIRAUSER10100' },
		/Nothing to update/,
	],
	[
		'identityProvider.update',
		'atlassianDcSso',
		{ resource: 'identityProvider', operation: 'update', idpId: '1' },
		/Nothing to update/,
	],
	[
		'identityProvider.delete',
		'atlassianDcSso',
		{ resource: 'identityProvider', operation: 'delete', idpId: '1' },
		/Not confirmed/,
	],
	[
		'ssoSettings.update',
		'atlassianDcSso',
		{ resource: 'ssoSettings', operation: 'update' },
		/Nothing to update/,
	],
];

test.each(NAMED_BUT_EMPTY)(
	'%s with nothing to change: refused, nothing sent',
	async (_name, node, parameters, message) => {
		const { sim } = ctx;
		const before = appState(sim);
		const r = await run(sim, node, parameters);
		expect(r.error?.message).toMatch(message);
		expect(`${r.error?.message} ${r.error?.description}`).toMatch(
			/Nothing was sent|Nothing to update|empty|Not confirmed/,
		);
		expect(changes(sim)).toEqual([]);
		expect(appState(sim)).toBe(before);
	},
);
