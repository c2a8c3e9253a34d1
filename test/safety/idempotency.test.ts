/** Each request says whether it may be repeated; retries follow that, not the HTTP method. */
import type { INodeParameters } from 'n8n-workflow';

import { CHANGE, OKTA, run, setTitle, useSimulator, type NodeName } from './helpers';

const ctx = useSimulator();

interface Case {
	name: string;
	node: NodeName;
	parameters: INodeParameters;
	method: string;
	/** Substring of the change's path. */
	path: string;
	idempotent: boolean;
	/** The status of the change when it goes through. */
	ok: number;
}

const CASES: Case[] = [
	{
		name: 'config.replace (PUT)',
		node: 'resolutionSamlSso',
		parameters: {
			resource: 'config',
			operation: 'replace',
			source: 'json',
			config: '{"entityId":"x"}',
		},
		method: 'PUT',
		path: '/config',
		idempotent: true,
		ok: 200,
	},
	{
		name: 'config.patch merge patch (PATCH)',
		node: 'resolutionSamlSso',
		parameters: { resource: 'config', operation: 'patch', mergePatch: '{"redirectToSso":true}' },
		method: 'PATCH',
		path: '/config',
		idempotent: true,
		ok: 200,
	},
	{
		name: 'config.patch JSON Patch (PATCH, an "add" to an array appends again)',
		node: 'resolutionSamlSso',
		parameters: {
			resource: 'config',
			operation: 'patch',
			patchFormat: 'jsonPatch',
			jsonPatch: '[{"op":"replace","path":"/redirectToSso","value":true}]',
		},
		method: 'PATCH',
		path: '/config',
		idempotent: false,
		ok: 200,
	},
	{
		name: 'config.delete (DELETE removes the latest version each time)',
		node: 'resolutionSamlSso',
		parameters: { resource: 'config', operation: 'delete', confirm: true },
		method: 'DELETE',
		path: '/config',
		idempotent: false,
		ok: 204,
	},
	{
		name: 'config.resetEntityId (POST)',
		node: 'resolutionSamlSso',
		parameters: { resource: 'config', operation: 'resetEntityId' },
		method: 'POST',
		path: '/reset/entityid',
		idempotent: false,
		ok: 204,
	},
	{
		name: 'connector.sync (POST starts another run)',
		node: 'resolutionSamlSso',
		parameters: { resource: 'connector', operation: 'sync', connectorId: '1' },
		method: 'POST',
		path: '/sync',
		idempotent: false,
		ok: 200,
	},
	{
		name: 'connector.syncUser (POST, syncs the same user again)',
		node: 'resolutionSamlSso',
		parameters: {
			resource: 'connector',
			operation: 'syncUser',
			connectorId: '1',
			username: 'user0042',
		},
		method: 'POST',
		path: '/syncsingle/',
		idempotent: true,
		ok: 200,
	},
	{
		name: 'directory.delete (DELETE)',
		node: 'resolutionSamlSso',
		parameters: { resource: 'directory', operation: 'delete', directoryId: '10200', confirm: true },
		method: 'DELETE',
		path: '/directory/',
		idempotent: false,
		ok: 204,
	},
	{
		name: 'AD connection.update (PUT)',
		node: 'adAttributesSync',
		parameters: {
			resource: 'connection',
			operation: 'update',
			connectionId: '2',
			updateFields: { name: 'AD' },
		},
		method: 'PUT',
		path: '/update',
		idempotent: true,
		ok: 200,
	},
	{
		name: 'AD user.update (PUT)',
		node: 'adAttributesSync',
		parameters: setTitle('JIRAUSER10100', 'CTO'),
		method: 'PUT',
		path: '/update',
		idempotent: true,
		ok: 200,
	},
	{
		name: 'Kantega add (POST)',
		node: 'kantegaSso',
		parameters: { resource: 'managedGroup', operation: 'add', idpId: OKTA, group: 'new-group' },
		method: 'POST',
		path: '/groups/',
		idempotent: false,
		ok: 204,
	},
	{
		name: 'Kantega remove (DELETE)',
		node: 'kantegaSso',
		parameters: { resource: 'managedGroup', operation: 'remove', idpId: OKTA, group: 'sales team' },
		method: 'DELETE',
		path: '/groups/',
		idempotent: false,
		ok: 204,
	},
	{
		name: 'Kantega replace (PUT)',
		node: 'kantegaSso',
		parameters: CHANGE.replaceSalesTeam,
		method: 'PUT',
		path: '/groups/',
		idempotent: false,
		ok: 204,
	},
	{
		name: 'DC SSO identityProvider.create (POST adds another)',
		node: 'atlassianDcSso',
		parameters: CHANGE.createOidcIdp,
		method: 'POST',
		path: '/idps',
		idempotent: false,
		ok: 200,
	},
	{
		name: 'DC SSO identityProvider.update (PATCH)',
		node: 'atlassianDcSso',
		parameters: CHANGE.renameIdp2,
		method: 'PATCH',
		path: '/idps/2',
		idempotent: true,
		ok: 200,
	},
	{
		name: 'DC SSO identityProvider.delete (DELETE)',
		node: 'atlassianDcSso',
		parameters: CHANGE.deleteIdp2,
		method: 'DELETE',
		path: '/idps/2',
		idempotent: false,
		ok: 200,
	},
	{
		name: 'DC SSO ssoSettings.update (PATCH)',
		node: 'atlassianDcSso',
		parameters: {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { enableAuthenticationFallback: true },
		},
		method: 'PATCH',
		path: '/sso',
		idempotent: true,
		ok: 200,
	},
];

const changesOf = (c: Case) =>
	ctx.sim.requests.filter((q) => q.method === c.method && q.rawPath.includes(c.path));

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
	test(`503 once: ${c.idempotent ? 'repeated (idempotent), then done' : 'not repeated (not idempotent): the error is reported'}`, async () => {
		const { sim } = ctx;
		sim.setFault({
			kind: 'unavailable',
			method: c.method,
			pathIncludes: c.path,
			times: 1,
			retryAfterSeconds: 0,
		});
		const r = await run(sim, c.node, c.parameters);
		if (c.idempotent) {
			expect(r.error).toBeUndefined();
			expect(changesOf(c).map((q) => q.status)).toEqual([503, c.ok]);
		} else {
			expect(r.error?.message).toMatch(new RegExp(`\\(${c.method} .* answered 503\\)`));
			expect(changesOf(c).map((q) => q.status)).toEqual([503]);
		}
	});

	test('429 once: repeated for any request (the server refused before processing)', async () => {
		const { sim } = ctx;
		sim.setFault({
			kind: 'rateLimit',
			method: c.method,
			pathIncludes: c.path,
			times: 1,
			retryAfterSeconds: 0,
		});
		const r = await run(sim, c.node, c.parameters);
		expect(r.error).toBeUndefined();
		expect(changesOf(c).map((q) => q.status)).toEqual([429, c.ok]);
	});
});

test('config.delete answered 503 (before the server acted): not sent again, the error reported, no version removed', async () => {
	const { sim } = ctx;
	const versions = sim.state.resolution.configVersions.length;
	sim.setFault({ kind: 'unavailable', method: 'DELETE', times: 1, retryAfterSeconds: 0 });
	const r = await run(sim, 'resolutionSamlSso', {
		resource: 'config',
		operation: 'delete',
		confirm: true,
	});
	expect(r.error?.message).toMatch(/\(DELETE .* answered 503\)/);
	expect(sim.requests.filter((q) => q.method === 'DELETE').map((q) => q.status)).toEqual([503]);
	expect(sim.state.resolution.configVersions).toHaveLength(versions);
});

test('config.delete whose connection breaks after the server removed a version: not sent again, one version removed, not two', async () => {
	const { sim } = ctx;
	const versions = sim.state.resolution.configVersions.length;
	sim.setFault({ kind: 'connectionResetAfterProcessing', method: 'DELETE', times: 1 });
	const r = await run(sim, 'resolutionSamlSso', {
		resource: 'config',
		operation: 'delete',
		confirm: true,
	});
	expect(r.error).toBeDefined();
	expect(sim.requests.filter((q) => q.method === 'DELETE').map((q) => q.status)).toEqual([0]);
	expect(sim.state.resolution.configVersions).toHaveLength(versions - 1);
});

test('a read is repeated after a 503 (GET is idempotent by default)', async () => {
	const { sim } = ctx;
	sim.setFault({ kind: 'unavailable', method: 'GET', times: 1, retryAfterSeconds: 0 });
	const r = await run(sim, 'resolutionSamlSso', { resource: 'config', operation: 'get' });
	expect(r.error).toBeUndefined();
	expect(sim.requests.map((q) => q.status)).toEqual([503, 200]);
});
