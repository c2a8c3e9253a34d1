import type { Simulator } from '../index';
import { startSimulator } from '../index';
import { ADMIN, ADMIN_PAT, call, JSON_BODY, XSRF } from './helpers';

describe('simulator apps', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ adUsers: 120, adMaxPageSize: 50 });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	describe('resolution', () => {
		const R = () => `${sim.url}/rest/samlsso-admin/1.0`;

		it('gets, puts, patches and deletes the config as a version stack', async () => {
			const config = (await call(`${R()}/config`, { headers: ADMIN })).json() as Record<
				string,
				unknown
			>;
			expect(Object.keys(config).slice(0, 3)).toEqual([
				'entityId',
				'redirectToSso',
				'reloadMetadataIntervalInMinutes',
			]);
			expect(
				(
					await call(`${R()}/config`, {
						method: 'PUT',
						headers: { ...ADMIN, ...XSRF, 'Content-Type': 'text/plain' },
						body: '{}',
					})
				).status,
			).toBe(415);
			expect(
				(
					await call(`${R()}/config`, {
						method: 'PUT',
						headers: { ...ADMIN, ...JSON_BODY },
						body: '[1]',
					})
				).status,
			).toBe(400);
			const patched = await call(`${R()}/config`, {
				method: 'PATCH',
				headers: { ...ADMIN, ...XSRF, 'Content-Type': 'application/json-patch+json' },
				body: [
					{ op: 'test', path: '/redirectToSso', value: false },
					{ op: 'replace', path: '/redirectToSso', value: true },
					{ op: 'move', from: '/idps/2', path: '/idps/0' },
				],
			});
			expect(patched.status).toBe(200);
			expect(patched.json()).toMatchObject({
				redirectToSso: true,
				idps: [{ name: 'Okta Contractors' }, { name: 'Azure AD' }, { name: 'TIDP' }],
			});
			const failing = await call(`${R()}/config`, {
				method: 'PATCH',
				headers: { ...ADMIN, ...XSRF, 'Content-Type': 'application/json-patch+json' },
				body: [{ op: 'test', path: '/redirectToSso', value: false }],
			});
			expect(failing.status).toBe(409);
			const merged = await call(`${R()}/config`, {
				method: 'PATCH',
				headers: { ...ADMIN, ...XSRF, 'Content-Type': 'application/merge-patch+json' },
				body: { nossoEnabled: null },
			});
			expect(merged.json()).not.toHaveProperty('nossoEnabled');
			expect(sim.state.resolution.configVersions).toHaveLength(4);
			expect(
				(await call(`${R()}/config`, { method: 'DELETE', headers: { ...ADMIN, ...XSRF } })).status,
			).toBe(204);
			expect((await call(`${R()}/config`, { headers: ADMIN })).json()).toMatchObject({
				redirectToSso: true,
				nossoEnabled: true,
			});
		});

		it('runs a sync to DONE (JSON answer) and reports a failed one (text answer)', async () => {
			const started = (
				await call(`${R()}/usersync/connector/1/sync`, {
					method: 'POST',
					headers: { ...ADMIN, ...XSRF },
				})
			).json() as { id: number; status: string };
			expect(started.status).toBe('RUNNING');
			const statuses = [];
			for (let i = 0; i < 3; i++)
				statuses.push(
					(
						(await call(`${R()}/usersync/syncstatus/${started.id}`, { headers: ADMIN })).json() as {
							status: string;
						}
					).status,
				);
			expect(statuses).toEqual(['RUNNING', 'RUNNING', 'DONE']);
			sim.state.resolution.connectors[1].failWithCount = 4;
			sim.state.resolution.connectors[1].statusReadsUntilDone = 0;
			const text = await call(`${R()}/usersync/connector/2/sync`, {
				method: 'POST',
				headers: { ...ADMIN, ...XSRF },
			});
			expect(text.headers.get('content-type')).toContain('text/plain');
			expect(text.text).toMatch(/^Scheduled with jobid [0-9a-f-]{36}$/);
			expect(
				(await call(`${R()}/usersync/connector/2/syncstatus`, { headers: ADMIN })).json(),
			).toMatchObject({ status: 'FAILED', failedCount: 4 });
		});

		it('syncs single users and deletes directories', async () => {
			// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
			sim.state.variants.allowEncodedSlash = true;
			expect(
				(
					await call(`${R()}/usersync/connector/1/syncsingle/user0042`, {
						method: 'POST',
						headers: { ...ADMIN, ...XSRF },
					})
				).status,
			).toBe(200);
			expect(
				(
					await call(`${R()}/usersync/connector/1/syncsingle/ext%2Fjane.doe`, {
						method: 'POST',
						headers: { ...ADMIN, ...XSRF },
					})
				).status,
			).toBe(200);
			expect(
				(
					await call(`${R()}/usersync/connector/1/syncsingle/nobody`, {
						method: 'POST',
						headers: { ...ADMIN, ...XSRF },
					})
				).status,
			).toBe(404);
			expect(
				(await call(`${R()}/directory/10200`, { method: 'DELETE', headers: { ...ADMIN, ...XSRF } }))
					.status,
			).toBe(204);
			expect(
				(await call(`${R()}/directory/10200`, { method: 'DELETE', headers: { ...ADMIN, ...XSRF } }))
					.status,
			).toBe(404);
			const sync = await call(`${R()}/usersync/connector/2/sync`, {
				method: 'POST',
				headers: { ...ADMIN, ...XSRF },
			});
			expect(sync.text).toMatch(
				/^Scheduled with jobid [0-9a-f-]{36}\nDirectory 10200 does not exists$/,
			);
		});
	});

	describe('deviniti', () => {
		const D = () => `${sim.url}/rest/intenso/ad/1.0/public`;

		it('pages users with a capped size and filters', async () => {
			const first = (await call(`${D()}/user?size=500`, { headers: ADMIN_PAT })).json() as {
				elements: unknown[];
				page: Record<string, number>;
			};
			expect(first.page).toEqual({ current: 1, pageSize: 50, totalPages: 3, totalElements: 120 });
			const last = (await call(`${D()}/user?size=50&page=3`, { headers: ADMIN_PAT })).json() as {
				elements: unknown[];
			};
			expect(last.elements).toHaveLength(20);
			expect(
				(
					(await call(`${D()}/user?page=9`, { headers: ADMIN_PAT })).json() as {
						elements: unknown[];
					}
				).elements,
			).toEqual([]);
			const filtered = (
				await call(
					`${D()}/connection/Active_Directory_server/user?usernames=luserion13&userkeys=JIRAUSER10106&fields=mail`,
					{ headers: ADMIN_PAT },
				)
			).json();
			expect(filtered).toEqual({
				elements: [
					{
						username: 'luserion13',
						configurationName: 'Active_Directory_server',
						fields: { mail: 'luserion9@one.com' },
					},
					{
						username: 'nwalters',
						configurationName: 'Active_Directory_server',
						fields: { mail: 'nellie.walters@dtest.com' },
					},
				],
				page: { current: 1, pageSize: 25, totalPages: 1, totalElements: 2 },
			});
			sim.state.deviniti.pagingChurn.insertPerPage = 5;
			await call(`${D()}/user`, { headers: ADMIN_PAT });
			expect(
				(
					(await call(`${D()}/user`, { headers: ADMIN_PAT })).json() as {
						page: { totalElements: number };
					}
				).page.totalElements,
			).toBe(125);
		});

		it('reads connections, users and fields, updates, and answers 405 for POST', async () => {
			expect(
				Object.keys((await call(`${D()}/connection`, { headers: ADMIN_PAT })).json() as object),
			).toEqual(['LDAP_server_23', 'Active_Directory_server']);
			expect(
				(
					await call(`${D()}/connection/2/user/JIRAUSER10102/field/mail`, { headers: ADMIN_PAT })
				).json(),
			).toEqual({ mail: 'john@test.com' });
			expect(
				(await call(`${D()}/connection/2/user/john/field/nope`, { headers: ADMIN_PAT })).status,
			).toBe(404);
			const update = await call(`${D()}/update`, {
				method: 'PUT',
				headers: { ...ADMIN_PAT, ...JSON_BODY },
				body: {
					connectionId: '2',
					update: [
						{
							connection: [{ name: 'AD_renamed' }],
							data: [{ userKey: 'JIRAUSER10102', fields: [{ departmentNumber: '124567' }] }],
						},
					],
				},
			});
			expect(update.status).toBe(200);
			expect((await call(`${D()}/user/John`, { headers: ADMIN_PAT })).json()).toEqual({
				AD_renamed: expect.objectContaining({ departmentNumber: '124567' }),
			});
			expect(
				(
					await call(`${D()}/update`, {
						method: 'PUT',
						headers: { ...ADMIN_PAT, ...JSON_BODY },
						body: { update: [] },
					})
				).status,
			).toBe(400);
			expect(
				(await call(`${D()}/user`, { method: 'POST', headers: { ...ADMIN_PAT, ...XSRF } })).status,
			).toBe(405);
		});
	});

	describe('kantega', () => {
		const K = () => `${sim.url}/rest/ksso/api/idp/1.0`;
		it('manages groups with exact, once-decoded names', async () => {
			// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
			sim.state.variants.allowEncodedSlash = true;
			expect((await call(`${K()}/idp/ids`, { headers: ADMIN })).json()).toContainEqual({
				id: '1ncq3jsPC74BGuNnfZPl',
				name: 'AD FS',
			});
			const g = `${K()}/managedgroups/8xKQm2LpZr4TvW9sYb1E/groups`;
			expect(
				(await call(`${g}/a%2Fb%20c%C3%A9`, { method: 'POST', headers: { ...ADMIN, ...XSRF } }))
					.status,
			).toBe(204);
			expect(
				(await call(`${g}/a%2Fb%20c%C3%A9`, { method: 'POST', headers: { ...ADMIN, ...XSRF } }))
					.status,
			).toBe(400);
			expect((await call(g, { headers: ADMIN })).json()).toEqual([
				'confluence-users',
				'sales team',
				'a/b cé',
			]);
			expect((await call(`${g}/a%252Fb`, { headers: ADMIN })).status).toBe(404);
			expect(
				(
					await call(`${g}/sales%20team`, {
						method: 'PUT',
						headers: { ...ADMIN, ...JSON_BODY },
						body: { name: 'x' },
					})
				).status,
			).toBe(400);
			expect(
				(
					await call(`${g}/sales%20team`, {
						method: 'PUT',
						headers: { ...ADMIN, ...JSON_BODY },
						body: { groupName: 'sales' },
					})
				).status,
			).toBe(204);
			expect(
				(await call(`${g}/sales%20team`, { method: 'DELETE', headers: { ...ADMIN, ...XSRF } }))
					.status,
			).toBe(404);
			expect(
				(
					await call(`${K()}/managedgroups/unknown/groups/sales`, {
						method: 'DELETE',
						headers: { ...ADMIN, ...XSRF },
					})
				).status,
			).toBe(400);
			expect(sim.state.kantega.idps[1].managedGroups).toEqual([
				'confluence-users',
				'sales',
				'a/b cé',
			]);
		});
	});

	describe('authconfig', () => {
		const A = () => `${sim.url}/rest/authconfig/1.0`;
		it('creates, patches and deletes IdPs with validation and a write-only secret', async () => {
			expect(
				(
					await call(`${A()}/idps`, {
						method: 'POST',
						headers: { ...ADMIN, ...JSON_BODY },
						body: { name: 'x' },
					})
				).json(),
			).toEqual({ errors: { 'sso-type': ['must not be null'] } });
			const bad = await call(`${A()}/idps`, {
				method: 'POST',
				headers: { ...ADMIN, ...JSON_BODY },
				body: { name: 'o', 'sso-type': 'OIDC', 'issuer-url': 'https://x?y=1', 'client-id': 'c' },
			});
			expect(Object.keys((bad.json() as { errors: object }).errors).sort()).toEqual([
				'client-secret',
				'issuer-url',
			]);
			const created = await call(`${A()}/idps`, {
				method: 'POST',
				headers: { ...ADMIN, ...JSON_BODY },
				body: {
					name: 'New OIDC',
					'sso-type': 'OIDC',
					enabled: true,
					'issuer-url': 'https://idp.example.com',
					'client-id': 'c',
					'client-secret': 's3cret',
				},
			});
			expect(created.json()).toMatchObject({
				id: 7,
				'discovery-enabled': true,
				'jit-configuration': { 'mapping-email': '' },
			});
			expect(created.text).not.toContain('s3cret');
			expect(sim.state.authconfig.idps[6]['client-secret']).toBe('s3cret');
			expect(
				(
					await call(`${A()}/idps/7`, {
						method: 'PATCH',
						headers: { ...ADMIN, ...JSON_BODY },
						body: { id: 8 },
					})
				).status,
			).toBe(400);
			const patched = await call(`${A()}/idps/1`, {
				method: 'PATCH',
				headers: { ...ADMIN, ...JSON_BODY },
				body: { 'button-text': 'Hi', 'jit-configuration': { 'mapping-email': 'mail' } },
			});
			expect(patched.json()).toMatchObject({
				'button-text': 'Hi',
				'jit-configuration': { 'user-provisioning-enabled': false, 'mapping-email': 'mail' },
			});
			const page = (await call(`${A()}/idps?start=5&limit=2`, { headers: ADMIN })).json();
			expect(page).toMatchObject({ size: 2, start: 5, limit: 2, isLastPage: true });
			expect(
				(await call(`${A()}/idps/7`, { method: 'DELETE', headers: { ...ADMIN, ...XSRF } })).json(),
			).toMatchObject({ id: 7, name: 'New OIDC' });
			expect((await call(`${A()}/idps/7`, { headers: ADMIN })).status).toBe(404);
			expect((await call(`${A()}/idps/abc`, { headers: ADMIN })).json()).toMatchObject({
				'status-code': 404,
			});
		});

		it('derives login options and updates SSO settings', async () => {
			await call(`${A()}/sso`, {
				method: 'PATCH',
				headers: { ...ADMIN, ...JSON_BODY },
				body: { 'show-login-form': false, 'enable-authentication-fallback': true },
			});
			const options = (await call(`${A()}/login-options`)).json() as {
				results: Array<{ type: string; id: number }>;
			};
			expect(options.results.map((o) => o.id)).toEqual([1, 2, 3, 6]);
			expect((await call(`${A()}/sso`, { headers: ADMIN })).json()).toMatchObject({
				'enable-authentication-fallback': true,
			});
			expect(
				(
					await call(`${A()}/sso`, {
						method: 'PATCH',
						headers: { ...ADMIN, ...JSON_BODY },
						body: { bogus: 1 },
					})
				).status,
			).toBe(400);
		});
	});
});
