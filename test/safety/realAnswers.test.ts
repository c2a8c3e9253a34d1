/** The answers real Tomcat and real app versions give besides the seeds' (simulator "Variants"). */
import type { INodeParameters } from 'n8n-workflow';

import { collectPages, PageGuard } from '../../nodes/shared/http';
import type { TransportContext } from '../../nodes/shared/http';
import { PollingWorkflow } from '../harness/pollingWorkflow';
import type { Simulator } from '../simulator';
import type { Variants } from '../simulator/types';
import { adminBasic } from '../support/credentials';
import { CHANGE, changes, OKTA, run, sent, setTitle, useSimulator, type NodeName } from './helpers';

const ctx = useSimulator();
const groupsOf = (sim: Simulator, idpId = OKTA) =>
	sim.state.kantega.idps.find((i) => i.id === idpId)!.managedGroups;
const idp = (sim: Simulator, id: number) => sim.state.authconfig.idps.find((i) => i.id === id);
const directory = (sim: Simulator, id: number) =>
	sim.state.resolution.directories.find((d) => d.id === id);
/** Runs `node` against the instance with `variant` switched on. */
/** Kantega's managed-group operation on `group` of Okta. */
const oktaGroup = (
	operation: string,
	group: string,
	more: INodeParameters = {},
): INodeParameters => ({
	resource: 'managedGroup',
	operation,
	idpId: OKTA,
	group,
	...more,
});
const runWith = async (variant: keyof Variants, node: NodeName, parameters: INodeParameters) => {
	ctx.sim.state.variants[variant] = true;
	return await run(ctx.sim, node, parameters);
};

describe('a change answered 2xx with an empty body is a success (variant emptyMutationAnswers)', () => {
	/** The case, its node and parameters, the one change it sends, and what the server holds after it (read from its state). */
	const CASES: Array<
		[
			string,
			NodeName,
			INodeParameters,
			string,
			(sim: Simulator) => unknown,
			(sim: Simulator) => unknown,
		]
	> = [
		[
			'DC SSO identityProvider.delete',
			'atlassianDcSso',
			CHANGE.deleteIdp2,
			'DELETE',
			(sim) => idp(sim, 2),
			() => undefined,
		],
		[
			'DC SSO identityProvider.update',
			'atlassianDcSso',
			CHANGE.renameIdp2,
			'PATCH',
			(sim) => idp(sim, 2)?.name,
			() => 'Renamed',
		],
		[
			'DC SSO identityProvider.create',
			'atlassianDcSso',
			CHANGE.createOidcIdp,
			'POST',
			(sim) => sim.state.authconfig.idps.filter((i) => i.name === 'New').length,
			() => 1,
		],
		[
			'DC SSO ssoSettings.update',
			'atlassianDcSso',
			{
				resource: 'ssoSettings',
				operation: 'update',
				updateFields: { enableAuthenticationFallback: true },
			},
			'PATCH',
			(sim) => sim.state.authconfig.sso['enable-authentication-fallback'],
			() => true,
		],
		[
			'resolution config.patch',
			'resolutionSamlSso',
			{ resource: 'config', operation: 'patch', mergePatch: '{"redirectToSso":true}' },
			'PATCH',
			(sim) => sim.state.resolution.configVersions.map((v) => v.redirectToSso),
			() => [true, false, true],
		],
		[
			'resolution config.replace',
			'resolutionSamlSso',
			{
				resource: 'config',
				operation: 'replace',
				source: 'json',
				config: '{"entityId":"https://clone.example.com"}',
			},
			'PUT',
			(sim) => sim.state.resolution.configVersions.at(-1),
			() => ({ entityId: 'https://clone.example.com' }),
		],
		[
			'resolution config.delete',
			'resolutionSamlSso',
			{ resource: 'config', operation: 'delete', confirm: true },
			'DELETE',
			(sim) => sim.state.resolution.configVersions.length,
			() => 1,
		],
		[
			'resolution config.resetEntityId',
			'resolutionSamlSso',
			{ resource: 'config', operation: 'resetEntityId' },
			'POST',
			(sim) => sim.state.resolution.configVersions.at(-1)?.entityId,
			(sim) => `${sim.url}/plugins/servlet/samlsso`,
		],
		[
			'resolution connector.syncUser',
			'resolutionSamlSso',
			{ resource: 'connector', operation: 'syncUser', connectorId: '2', username: 'user0600' },
			'POST',
			(sim) => directory(sim, 10200)?.users.filter((u) => u === 'user0600').length,
			() => 1,
		],
		[
			'resolution directory.delete',
			'resolutionSamlSso',
			{ resource: 'directory', operation: 'delete', directoryId: '10200', confirm: true },
			'DELETE',
			(sim) => directory(sim, 10200),
			() => undefined,
		],
		[
			'AD connection.update',
			'adAttributesSync',
			{
				resource: 'connection',
				operation: 'update',
				connectionId: '2',
				updateFields: { name: 'AD renamed' },
			},
			'PUT',
			(sim) => sim.state.deviniti.connections.find((c) => String(c.id) === '2')?.name,
			() => 'AD renamed',
		],
		[
			'AD user.update',
			'adAttributesSync',
			setTitle('JIRAUSER10100', 'CTO'),
			'PUT',
			(sim) =>
				sim.state.deviniti.users.find(
					(u) => u.connectionId === '2' && u.userKey === 'JIRAUSER10100',
				)?.fields.title,
			() => 'CTO',
		],
		[
			'Kantega managedGroup.replace',
			'kantegaSso',
			CHANGE.replaceSalesTeam,
			'PUT',
			(sim) => groupsOf(sim),
			() => ['confluence-users', 'sales'],
		],
	];

	test.each(CASES)('%s', async (_name, node, parameters, method, held, expected) => {
		const { sim } = ctx;
		sim.state.variants.emptyMutationAnswers = true;
		// What the server holds is not yet what the change makes of it: the check below tells the change happened.
		expect(held(sim)).not.toEqual(expected(sim));
		const r = await run(sim, node, parameters);
		expect(r.error).toBeUndefined();
		expect(r.json).toHaveLength(1);
		expect(changes(sim).map((c) => [c.method, c.status])).toEqual([[method, 204]]);
		expect(held(sim)).toEqual(expected(sim));
	});

	test('DELETE /idps/{id} answered 204: the output says what was deleted', async () => {
		const r = await runWith('emptyMutationAnswers', 'atlassianDcSso', CHANGE.deleteIdp2);
		expect(r.json).toEqual([{ id: 2, deleted: true }]);
	});
});

describe('every paging loop is bounded (variant ignorePaging: always the first page, never the last)', () => {
	test('DC SSO identityProvider.getAll, return all: stops with a clear error after the repeated page', async () => {
		const { sim } = ctx;
		const r = await runWith('ignorePaging', 'atlassianDcSso', {
			resource: 'identityProvider',
			operation: 'getAll',
			returnAll: true,
		});
		expect(r.error?.message).toMatch(
			/^The server answered the same page again \(GET \/rest\/authconfig\/1.0\/idps, page at 6\): it ignores the paging parameters/,
		);
		expect(r.json).toEqual([]);
		expect(sim.requests).toHaveLength(2);
	});

	test('DC SSO identityProvider.getAll with a limit inside the first page: one request, no error', async () => {
		const { sim } = ctx;
		const r = await runWith('ignorePaging', 'atlassianDcSso', {
			resource: 'identityProvider',
			operation: 'getAll',
			limit: 3,
		});
		expect(r.error).toBeUndefined();
		expect(r.json.map((i) => i.id)).toEqual([1, 2, 3]);
		expect(sim.requests).toHaveLength(1);
	});

	test('AD user.getAll, return all over several pages: a clear error, not a list with repeats', async () => {
		const { sim } = ctx;
		sim.state.variants.ignorePaging = true;
		sim.state.deviniti.maxPageSize = 100;
		const r = await run(sim, 'adAttributesSync', {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
		});
		expect(r.error?.message).toMatch(
			/^The server answered the same page again \(GET \/rest\/intenso\/ad\/1.0\/public\/user, page 2\)/,
		);
		expect(r.json).toEqual([]);
	});

	test('the trigger watching the IdPs: the poll fails with the same error instead of paging forever', async () => {
		const { sim } = ctx;
		sim.state.variants.ignorePaging = true;
		const trigger = PollingWorkflow.ofTrigger(
			{ event: 'configurationChanged', sources: ['atlassianIdentityProviders'] },
			adminBasic(sim),
		);
		const outcome = await trigger.poll();
		expect(String(outcome.error?.message)).toMatch(/answered the same page again/);
		expect(sim.requests.map((q) => `${q.method} ${q.path} start=${String(q.query.start)}`)).toEqual(
			['GET /rest/authconfig/1.0/idps start=0', 'GET /rest/authconfig/1.0/idps start=6'],
		);
	});
});

test('a server that answers new pages forever and never says "last": stopped at the page cap', async () => {
	const node = {
		id: '1',
		name: 'Node',
		type: 't',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const ctx = { getNode: () => node } as unknown as TransportContext;
	let fetched = 0;
	const endless = collectPages(
		new PageGuard(ctx, 0, 'GET /endless', 5),
		0,
		Infinity,
		async (start: number) => {
			fetched++;
			return { entities: [{ id: start }], next: start + 1 };
		},
	);
	await expect(endless).rejects.toThrow(
		'The server kept answering pages of GET /endless: stopped after 5 pages',
	);
	expect(fetched).toBe(6);
	// A total announced up front (AD's pages fetched in parallel) is held to the same cap before any page is asked for.
	expect(() => new PageGuard(ctx, 0, 'GET /user', 5).plan(6, 600)).toThrow(
		'The server announced 600 entries of GET /user: 6 pages, more than the 5 any list of this app has',
	);
	expect(() => new PageGuard(ctx, 0, 'GET /user', 5).plan(5, 500)).not.toThrow();
});

describe('a PATCH of part of a nested object keeps its other fields (variant replaceNestedObjects)', () => {
	test('identityProvider.update of one JIT field: read, merged, sent whole; the others stay on the server', async () => {
		const { sim } = ctx;
		sim.state.variants.replaceNestedObjects = true;
		const before = { ...(idp(sim, 3)!['jit-configuration'] as object) };
		const r = await run(sim, 'atlassianDcSso', {
			resource: 'identityProvider',
			operation: 'update',
			idpId: '3',
			updateFields: { mappingEmail: '${mail}' },
		});
		expect(r.error).toBeUndefined();
		expect(sent(sim)).toEqual([
			'GET /rest/authconfig/1.0/idps/3',
			'PATCH /rest/authconfig/1.0/idps/3',
		]);
		expect(JSON.parse(changes(sim)[0].body)).toEqual({
			'jit-configuration': { ...before, 'mapping-email': '${mail}' },
		});
		expect(idp(sim, 3)!['jit-configuration']).toEqual({ ...before, 'mapping-email': '${mail}' });
	});

	test('its dry run shows the whole nested object the real run would send, and changes nothing', async () => {
		const { sim } = ctx;
		sim.state.variants.replaceNestedObjects = true;
		const before = { ...(idp(sim, 3)!['jit-configuration'] as object) };
		const r = await run(sim, 'atlassianDcSso', {
			resource: 'identityProvider',
			operation: 'update',
			idpId: '3',
			updateFields: { mappingEmail: '${mail}' },
			options: { dryRun: true },
		});
		expect(r.json[0].body).toEqual({
			'jit-configuration': { ...before, 'mapping-email': '${mail}' },
		});
		expect(changes(sim)).toEqual([]);
		expect(idp(sim, 3)!['jit-configuration']).toEqual(before);
	});
});

describe('Tomcat refuses %2F in a path (the default; variant allowEncodedSlash for instances that allow it)', () => {
	const SLASHED: Array<[string, NodeName, INodeParameters, string]> = [
		[
			'Kantega managedGroup.check',
			'kantegaSso',
			{
				resource: 'managedGroup',
				operation: 'check',
				idpId: '1ncq3jsPC74BGuNnfZPl',
				group: 'Team A/Ops',
			},
			'"Team A/Ops"',
		],
		[
			'Kantega managedGroup.remove',
			'kantegaSso',
			{
				resource: 'managedGroup',
				operation: 'remove',
				idpId: '1ncq3jsPC74BGuNnfZPl',
				group: 'Team A/Ops',
				options: { ignoreIfMissing: true },
			},
			'"Team A/Ops"',
		],
		[
			'resolution connector.syncUser',
			'resolutionSamlSso',
			{ resource: 'connector', operation: 'syncUser', connectorId: '1', username: 'ext/jane.doe' },
			'"ext/jane.doe"',
		],
		[
			'AD user.get',
			'adAttributesSync',
			{ resource: 'user', operation: 'get', user: 'ext/jane.doe', connection: '2' },
			'"ext/jane.doe"',
		],
	];

	test.each(SLASHED)(
		'%s: the error says the id contains "/", never "not found" or exists: false',
		async (_name, node, parameters, value) => {
			const { sim } = ctx;
			const before = JSON.stringify(sim.state.kantega);
			const r = await run(sim, node, parameters);
			expect(r.error?.message).toContain(
				`The id or name ${value} contains "/", which the server refuses in a URL (`,
			);
			expect(r.error?.message).not.toMatch(/not found/i);
			expect(r.json).toEqual([]);
			expect(sim.requests.map((q) => q.status)).toEqual([400]);
			expect(JSON.stringify(sim.state.kantega)).toBe(before);
		},
	);

	test('an instance that allows it: the same check answers exists: true', async () => {
		const { sim } = ctx;
		const r = await runWith('allowEncodedSlash', 'kantegaSso', {
			resource: 'managedGroup',
			operation: 'check',
			idpId: '1ncq3jsPC74BGuNnfZPl',
			group: 'Team A/Ops',
		});
		expect(r.json).toEqual([{ idpId: '1ncq3jsPC74BGuNnfZPl', group: 'Team A/Ops', exists: true }]);
		expect(sim.requests[0].rawPath).toMatch(/groups\/Team%20A%2FOps$/);
	});
});

describe('an answer of another shape says what came, never a TypeError (variant kantegaGroupsAsObjects)', () => {
	test('Kantega managedGroup.getAll', async () => {
		const r = await runWith('kantegaGroupsAsObjects', 'kantegaSso', {
			resource: 'managedGroup',
			operation: 'getAll',
			idpId: OKTA,
		});
		expect(r.error?.message).toBe(
			`Unexpected answer of GET /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups: expected a list of group names, got an object: {"groups":[{"name":"confluence-users"},{"name":"sales team"}]}`,
		);
	});

	test('the trigger watching Kantega groups: the source fails with the same message (one sourceFailed item)', async () => {
		const { sim } = ctx;
		sim.state.variants.kantegaGroupsAsObjects = true;
		const trigger = PollingWorkflow.ofTrigger(
			{ event: 'configurationChanged', sources: ['kantegaManagedGroups'] },
			adminBasic(sim),
		);
		const outcome = await trigger.poll();
		const items = (outcome.emitted?.[0] ?? []).map(
			(item) => item.json as { event?: string; error?: { message?: string } },
		);
		expect(items.map((item) => item.event)).toEqual(['sourceFailed']);
		expect(String(items[0].error?.message)).toMatch(
			/^Unexpected answer of GET .*\/groups: expected a list of group names, got an object/,
		);
		expect(String(items[0].error?.message)).not.toMatch(/TypeError|is not/);
	});
});

describe('"." and ".." ids never leave the operation\'s endpoint', () => {
	const DOTS: Array<[string, NodeName, INodeParameters]> = [
		['Kantega check ".."', 'kantegaSso', oktaGroup('check', '..')],
		['Kantega check "."', 'kantegaSso', oktaGroup('check', '.')],
		['Kantega add ".."', 'kantegaSso', oktaGroup('add', '..')],
		[
			'Kantega remove with the IdP ".."',
			'kantegaSso',
			{ resource: 'managedGroup', operation: 'remove', idpId: '..', group: 'sales team' },
		],
		[
			'resolution connector.get ".."',
			'resolutionSamlSso',
			{ resource: 'connector', operation: 'get', connectorId: '..' },
		],
		[
			'resolution syncUser "."',
			'resolutionSamlSso',
			{ resource: 'connector', operation: 'syncUser', connectorId: '1', username: '.' },
		],
		[
			'AD user.get ".."',
			'adAttributesSync',
			{ resource: 'user', operation: 'get', user: '..', connection: '2' },
		],
	];

	test.each(DOTS)('%s: refused before sending', async (_name, node, parameters) => {
		const { sim } = ctx;
		const r = await run(sim, node, parameters);
		expect(r.error?.message).toMatch(
			/^The id "\.{1,2}" cannot be sent in a URL \((GET|POST|DELETE) \/rest\/.*%2E/,
		);
		expect(r.error?.description).toMatch(/^Nothing was sent/);
		expect(sim.requests).toEqual([]);
	});

	test('a dry run refuses it too, instead of showing a URL that would reach another endpoint', async () => {
		const { sim } = ctx;
		const r = await run(
			sim,
			'kantegaSso',
			oktaGroup('remove', '..', { options: { dryRun: true } }),
		);
		expect(r.error?.message).toMatch(/cannot be sent in a URL/);
		expect(sim.requests).toEqual([]);
	});

	test('names that only contain dots are one segment as usual', async () => {
		const { sim } = ctx;
		const r = await run(sim, 'kantegaSso', oktaGroup('check', '...'));
		expect(r.error).toBeUndefined();
		expect(sim.requests.map((q) => q.rawPath)).toEqual([
			`/jira/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/...`,
		]);
	});
});
