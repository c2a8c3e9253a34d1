import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import { SIMULATOR_USERS, startSimulator, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

const ADFS = '1ncq3jsPC74BGuNnfZPl';
const OKTA = '8xKQm2LpZr4TvW9sYb1E';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const basicHeader = () => {
	const { username, password } = SIMULATOR_USERS.admin;
	return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
};
const groupsOf = (idpId: string) =>
	sim.state.kantega.idps.find((idp) => idp.id === idpId)?.managedGroups;
const kantega = async (parameters: INodeParameters, input?: IDataObject[]) =>
	await runNode({ node: 'kantegaSso', parameters, credentials: adminBasic(sim), input });
/** A managed-group operation on one group of an IdP. */
const managedGroup = async (
	operation: string,
	idpId: string,
	group: string,
	more: INodeParameters = {},
) => await kantega({ resource: 'managedGroup', operation, idpId, group, ...more });

test('identity providers: one item per IdP', async () => {
	const run = await kantega({ resource: 'identityProvider', operation: 'getAll' });
	expect(run.json).toEqual([
		{ id: ADFS, name: 'AD FS' },
		{ id: OKTA, name: 'Okta' },
		{ id: 'Qm7tY2uV5wX8zA1bC4dE', name: 'Azure AD (inactive)' },
	]);
	expect(sim.requests[0].path).toBe('/rest/ksso/api/idp/1.0/idp/ids');
});

test('managed groups: one item per group, with its IdP', async () => {
	const run = await kantega({ resource: 'managedGroup', operation: 'getAll', idpId: OKTA });
	expect(run.json).toEqual([
		{ idpId: OKTA, group: 'confluence-users' },
		{ idpId: OKTA, group: 'sales team' },
	]);
});

test('check answers exists from 204 and 404', async () => {
	const run = await kantega(
		{ resource: 'managedGroup', operation: 'check', idpId: OKTA, group: '={{ $json.group }}' },
		[{ group: 'sales team' }, { group: 'nobody' }],
	);
	expect(run.json.map((j) => j.exists)).toEqual([true, false]);
	expect(sim.requests.map((r) => r.status)).toEqual([204, 404]);
});

test('add, then add again: an error, or quietly with "succeed if already managed"', async () => {
	// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
	sim.state.variants.allowEncodedSlash = true;
	const first = await managedGroup('add', OKTA, 'ops/on-call');
	expect(first.json).toEqual([{ idpId: OKTA, group: 'ops/on-call', added: true }]);
	expect(groupsOf(OKTA)).toContain('ops/on-call');
	expect(sim.requests[0].rawPath).toBe(
		`/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/ops%2Fon-call`,
	);

	const again = await managedGroup('add', OKTA, 'ops/on-call');
	expect(again.error?.message).toMatch(/^Request rejected \(POST .* answered 400\)/);

	const quiet = await managedGroup('add', OKTA, 'ops/on-call', {
		options: { ignoreIfExists: true },
	});
	expect(quiet.error).toBeUndefined();
	expect(quiet.json).toEqual([
		{ idpId: OKTA, group: 'ops/on-call', added: false, alreadyManaged: true },
	]);
	expect(groupsOf(OKTA)?.filter((g) => g === 'ops/on-call')).toHaveLength(1);
});

test('add to an unknown IdP fails even with "succeed if already managed"', async () => {
	const run = await managedGroup('add', 'no-such-idp', 'g', { options: { ignoreIfExists: true } });
	expect(run.error?.message).toMatch(/answered 400/);
	expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
});

test('replace sends the new name in the one documented body shape', async () => {
	const run = await managedGroup('replace', OKTA, 'sales team', { newGroup: 'sales-emea' });
	expect(run.json).toEqual([
		{ idpId: OKTA, group: 'sales-emea', previousGroup: 'sales team', replaced: true },
	]);
	const [request] = sim.requests;
	expect(request.method).toBe('PUT');
	expect(request.rawPath).toBe(`/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team`);
	expect(JSON.parse(request.body)).toEqual({ groupName: 'sales-emea' });
	expect(request.headers['content-type']).toBe('application/json');
	expect(groupsOf(OKTA)).toEqual(['confluence-users', 'sales-emea']);
});

test('replace of a group that is not managed is a clear 404', async () => {
	const run = await managedGroup('replace', OKTA, 'ghost', { newGroup: 'x' });
	expect(run.error?.message).toMatch(/^Not found \(PUT .*ghost answered 404\)/);
});

test('remove, then remove again: an error, or quietly with "succeed if not managed"', async () => {
	const first = await managedGroup('remove', ADFS, 'Développeurs Zürich');
	expect(first.json).toEqual([{ idpId: ADFS, group: 'Développeurs Zürich', removed: true }]);
	expect(groupsOf(ADFS)).not.toContain('Développeurs Zürich');
	const again = await managedGroup('remove', ADFS, 'Développeurs Zürich');
	expect(again.error?.message).toMatch(/answered 404/);
	const quiet = await managedGroup('remove', ADFS, 'Développeurs Zürich', {
		options: { ignoreIfMissing: true },
	});
	expect(quiet.json).toEqual([
		{ idpId: ADFS, group: 'Développeurs Zürich', removed: false, notManaged: true },
	]);
});

test('dry run: every mutation sends nothing and shows the request, without credentials', async () => {
	const dry = { options: { dryRun: true } };
	const runs = await Promise.all([
		managedGroup('add', OKTA, 'a b', dry),
		managedGroup('replace', OKTA, 'sales team', { newGroup: 'n', ...dry }),
		managedGroup('remove', OKTA, 'sales team', dry),
	]);
	expect(sim.requests).toHaveLength(0);
	expect(runs.map((r) => r.json[0])).toEqual([
		{
			dryRun: true,
			method: 'POST',
			url: `${sim.url}/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/a%20b`,
			body: null,
		},
		{
			dryRun: true,
			method: 'PUT',
			url: `${sim.url}/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team`,
			body: { groupName: 'n' },
		},
		{
			dryRun: true,
			method: 'DELETE',
			url: `${sim.url}/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team`,
			body: null,
		},
	]);
	expect(JSON.stringify(runs.map((r) => r.json))).not.toContain('admin-password');
	expect(groupsOf(OKTA)).toEqual(['confluence-users', 'sales team']);
});

test('a blank group is refused before anything is sent', async () => {
	const run = await managedGroup('add', OKTA, '  ');
	expect(run.error?.message).toBe('The parameter "group" is empty');
	expect(sim.requests).toHaveLength(0);
});

describe('replace is checked: after the PUT, a GET of the new group must answer that it is managed', () => {
	test('the documented body (default): PUT, then GET of the new group answers 204; replaced', async () => {
		const run = await managedGroup('replace', OKTA, 'sales team', { newGroup: 'sales-emea' });
		expect(run.error).toBeUndefined();
		expect(sim.requests.map((r) => `${r.method} ${r.rawPath} ${r.status}`)).toEqual([
			`PUT /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team 204`,
			`GET /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales-emea 204`,
		]);
		expect(run.json).toEqual([
			{ idpId: OKTA, group: 'sales-emea', previousGroup: 'sales team', replaced: true },
		]);
	});

	test('a version that reads another body (variant kantegaReplaceBodyName): 204 but nothing changed, a clear error', async () => {
		sim.state.variants.kantegaReplaceBodyName = true;
		const run = await managedGroup('replace', OKTA, 'sales team', { newGroup: 'sales-emea' });
		expect(run.error?.message).toBe(
			`Kantega SSO answered PUT /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team with 204 (success), but "sales-emea" is not a managed group of identity provider ${OKTA} afterwards`,
		);
		expect(run.error?.description).toMatch(
			/^The app's version may expect another body for this request: .* the node sends \{"groupName":"sales-emea"\}/,
		);
		expect(sim.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 204', 'GET 404']);
		expect(groupsOf(OKTA)).toEqual(['confluence-users', 'sales team']);
	});

	test('the same version given the body it reads changes the group (the switch models a real alternative)', async () => {
		sim.state.variants.kantegaReplaceBodyName = true;
		const answer = await fetch(
			`${sim.url}/rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team`,
			{
				method: 'PUT',
				headers: {
					...basicHeader(),
					'Content-Type': 'application/json',
					'X-Atlassian-Token': 'no-check',
				},
				body: JSON.stringify({ name: 'sales-emea' }),
			},
		);
		expect(answer.status).toBe(204);
		expect(groupsOf(OKTA)).toEqual(['confluence-users', 'sales-emea']);
	});
});
