import type { JsonValue } from '../simulator/http';
import { applyJsonPatch } from '../simulator/jsonPatch';
import { certificateExpiringIn } from '../simulator/certificates';
import { activeTrigger, calls, json, useSimulator } from './helpers';

const IDPS = '/rest/authconfig/1.0/idps';
const ALL_SOURCES = [
	'resolutionConfig',
	'atlassianIdentityProviders',
	'atlassianSsoSettings',
	'kantegaManagedGroups',
];

type Item = { source: string; changes: unknown[]; summary: string[]; current: JsonValue };

describe('trigger configurationChanged, in n8n-core polling against the simulator', () => {
	const ctx = useSimulator();

	it('records a baseline at the first poll and emits nothing, then stays silent while nothing changes', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders', 'atlassianSsoSettings'],
		});
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.emitted).toBeNull();
		expect(calls(ctx.sim)).toEqual([
			`GET ${IDPS}?start=0&limit=50`,
			'GET /rest/authconfig/1.0/sso',
		]);
		const stored = trigger.nodeStaticData().configurationChanged as Record<
			string,
			Record<string, unknown>
		>;
		expect(Object.keys(stored.atlassianIdentityProviders)).toEqual(['1', '2', '3', '4', '5', '6']);
		const second = await trigger.poll();
		expect(second.emitted).toBeNull();
		expect(trigger.executions).toHaveLength(0);
	});

	it('an IdP field changed: one item with its JSON Patch and a readable line; the workflow runs once', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders'],
		});
		await trigger.poll();
		ctx.sim.state.authconfig.idps[1]['button-text'] = 'Sign in with Okta';
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(json(outcome)).toEqual([
			expect.objectContaining({
				source: 'atlassianIdentityProviders',
				changes: [{ op: 'replace', path: '/2/button-text', value: 'Sign in with Okta' }],
				summary: [
					"IdP 2 'Another SAML SSO': button-text changed: 'Log in with another IdP' → 'Sign in with Okta'",
				],
			}),
		]);
		expect(trigger.executions).toHaveLength(1);
		expect(trigger.executions[0].status).toBe('success');
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('SSO settings changed', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianSsoSettings'],
		});
		await trigger.poll();
		ctx.sim.state.authconfig.sso['enable-authentication-fallback'] = true;
		expect(json(await trigger.poll())).toEqual([
			{
				source: 'atlassianSsoSettings',
				instance: { baseUrl: ctx.sim.url },
				changes: [{ op: 'replace', path: '/enable-authentication-fallback', value: true }],
				summary: ['enable-authentication-fallback changed: false → true'],
				current: expect.objectContaining({ 'enable-authentication-fallback': true }),
			},
		]);
	});

	it('Kantega managed groups: a group no longer managed, another now managed', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['kantegaManagedGroups'],
			kantegaIdpIds: '8xKQm2LpZr4TvW9sYb1E',
		});
		await trigger.poll();
		expect(calls(ctx.sim)).toEqual([
			'GET /rest/ksso/api/idp/1.0/idp/ids',
			'GET /rest/ksso/api/idp/1.0/managedgroups/8xKQm2LpZr4TvW9sYb1E/groups',
		]);
		const okta = ctx.sim.state.kantega.idps[1];
		okta.managedGroups = ['confluence-users', 'ops-admins'];
		const [item] = json(await trigger.poll()) as Item[];
		expect(item.summary).toEqual([
			"Kantega IdP 'Okta': group sales team no longer managed, group ops-admins now managed",
		]);
		okta.managedGroups = ['confluence-users'];
		const [next] = json(await trigger.poll()) as Item[];
		expect(next.summary).toEqual(["Kantega IdP 'Okta': group ops-admins no longer managed"]);
		expect(next.current).toEqual({
			'8xKQm2LpZr4TvW9sYb1E': { name: 'Okta', groups: ['confluence-users'] },
		});
	});

	it('resolution configuration: a rotated certificate is shown by fingerprint and expiry, never in full', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['resolutionConfig'],
		});
		await trigger.poll();
		const config = ctx.sim.state.resolution.configVersions.at(-1) as {
			idps: Array<{ certificates: string[] }>;
		};
		const newCertificate = certificateExpiringIn('some.idp.com signing 2027', 400);
		config.idps[1].certificates = [newCertificate];
		const outcome = await trigger.poll();
		const [item] = json(outcome) as Item[];
		expect(item.summary).toEqual([
			expect.stringMatching(
				/^IdP 2 'TIDP': certificates\[0\] certificate changed: fingerprint [0-9A-F:]{11}… \(expires \d{4}-\d\d-\d\d\) → fingerprint [0-9A-F:]{11}… \(expires \d{4}-\d\d-\d\d\)$/,
			),
		]);
		expect(item.changes).toEqual([
			{
				op: 'replace',
				path: '/idps/1/certificates/0/subject',
				value: 'CN=some.idp.com signing 2027',
			},
			{
				op: 'replace',
				path: '/idps/1/certificates/0/fingerprint',
				value: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
			},
			{ op: 'replace', path: '/idps/1/certificates/0/notAfter', value: expect.any(String) },
		]);
		expect(JSON.stringify(outcome.emitted)).not.toContain(newCertificate.slice(0, 40));
		expect(trigger.staticDataJson).not.toContain(newCertificate.slice(0, 40));
	});

	it('several changes of every source between two polls: one item per changed source, each patch turns the old state into the new', async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'configurationChanged', sources: ALL_SOURCES });
		await trigger.poll();
		const before = trigger.nodeStaticData().configurationChanged as Record<string, JsonValue>;
		const { authconfig, kantega, resolution } = ctx.sim.state;
		authconfig.idps.splice(3, 1);
		authconfig.idps.push({ ...authconfig.idps[0], id: 7, name: 'New SAML' });
		authconfig.idps[0].enabled = false;
		authconfig.sso['show-login-form'] = false;
		kantega.idps[0].managedGroups.push('ops-admins');
		resolution.configVersions.push({
			...resolution.configVersions.at(-1),
			redirectToSso: true,
			nossoEnabled: false,
		});
		const outcome = await trigger.poll();
		const items = json(outcome) as Item[];
		expect(items.map((i) => i.source)).toEqual(ALL_SOURCES);
		for (const item of items)
			expect(applyJsonPatch(before[item.source], item.changes)).toEqual(item.current);
		expect(items.flatMap((i) => i.summary)).toEqual([
			'redirectToSso changed: false → true',
			'nossoEnabled changed: true → false',
			"IdP 1 'SAML SSO': enabled changed: true → false",
			"IdP 4 'Crowd SSO' removed",
			"IdP 7 'New SAML' added",
			'show-login-form changed: true → false',
			"Kantega IdP 'AD FS': group ops-admins now managed",
		]);
		expect(trigger.executions).toHaveLength(1);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('secrets are never emitted or stored: the OIDC client secret and secret-like fields of the resolution configuration', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['resolutionConfig', 'atlassianIdentityProviders'],
		});
		const config = ctx.sim.state.resolution.configVersions.at(-1) as Record<string, unknown>;
		const keyField = 'spPrivateKey';
		config[keyField] = 'private-key-material-1';
		await trigger.poll();
		config[keyField] = 'private-key-material-2';
		config.trackingEnabled = true;
		ctx.sim.state.authconfig.idps[2]['client-secret'] = 'rotated-oidc-secret';
		ctx.sim.state.authconfig.idps[2]['client-id'] = 'okta-oidc-client-2';
		const outcome = await trigger.poll();
		const everything = JSON.stringify(outcome.emitted) + trigger.staticDataJson;
		for (const secret of ['private-key-material', 'okta-oidc-secret', 'rotated-oidc-secret'])
			expect(everything).not.toContain(secret);
		expect((json(outcome) as Item[]).flatMap((i) => i.summary)).toEqual([
			'trackingEnabled changed: false → true',
			"IdP 3 'Okta OIDC': client-id changed: 'okta-oidc-client' → 'okta-oidc-client-2'",
		]);
	});

	it('a new list of Kantega IdPs starts a new baseline instead of reporting a change', async () => {
		const parameters = {
			event: 'configurationChanged',
			sources: ['kantegaManagedGroups'],
			kantegaIdpIds: '8xKQm2LpZr4TvW9sYb1E',
		};
		const trigger = activeTrigger(ctx.sim, parameters);
		await trigger.poll();
		Object.assign(parameters, { kantegaIdpIds: '' });
		expect((await trigger.poll()).emitted).toBeNull();
	});
});
