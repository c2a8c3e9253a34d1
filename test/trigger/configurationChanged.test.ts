import { activeTrigger, calls, json, useSimulator } from './helpers';

const IDPS = '/rest/authconfig/1.0/idps';

describe('trigger configurationChanged, in n8n-core polling against the simulator', () => {
	const ctx = useSimulator();

	it('records a baseline at the first poll and emits nothing, then stays silent while nothing changes', async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'configurationChanged', sources: ['atlassianIdentityProviders', 'atlassianSsoSettings'] });
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.emitted).toBeNull();
		expect(calls(ctx.sim)).toEqual([`GET ${IDPS}?start=0&limit=50`, 'GET /rest/authconfig/1.0/sso']);
		const stored = trigger.nodeStaticData().configurationChanged as Record<string, Record<string, Record<string, unknown>>>;
		expect(Object.keys(stored.atlassianIdentityProviders)).toEqual(['1', '2', '3', '4', '5', '6']);
		const second = await trigger.poll();
		expect(second.emitted).toBeNull();
		expect(trigger.executions).toHaveLength(0);
	});

	it('reports one changed IdP field as a JSON Patch and a readable line, and runs the workflow once', async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'configurationChanged', sources: ['atlassianIdentityProviders'] });
		await trigger.poll();
		ctx.sim.state.authconfig.idps[1]['button-text'] = 'Sign in with Okta';
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(json(outcome)).toEqual([
			expect.objectContaining({
				source: 'atlassianIdentityProviders',
				changes: [{ op: 'replace', path: '/2/button-text', value: 'Sign in with Okta' }],
				summary: ["IdP 2 'Another SAML SSO': button-text changed: 'Log in with another IdP' → 'Sign in with Okta'"],
			}),
		]);
		expect(trigger.executions).toHaveLength(1);
		expect((await trigger.poll()).emitted).toBeNull();
	});
});
