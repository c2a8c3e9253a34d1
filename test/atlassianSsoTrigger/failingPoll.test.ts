import { activeTrigger, json, startSync, useSimulator } from './helpers';

describe('a poll that fails moves nothing: nothing lost, nothing doubled when the server is back', () => {
	const ctx = useSimulator();

	it('configurationChanged: the second source fails once; the change is reported at the next poll, once', async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'configurationChanged', sources: ['atlassianIdentityProviders', 'atlassianSsoSettings'] });
		await trigger.poll();
		const stored = trigger.staticDataJson;
		ctx.sim.state.authconfig.idps[0].name = 'SAML SSO (prod)';
		ctx.sim.setFault({ kind: 'serverError', pathIncludes: '/authconfig/1.0/sso', times: 1 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe('Server error (GET /rest/authconfig/1.0/sso answered 500)');
		expect(failed.emitted).toBeNull();
		expect(trigger.staticDataJson).toBe(stored);
		expect(trigger.executions).toHaveLength(0);
		const recovered = await trigger.poll();
		expect(json(recovered).map((i) => i.summary)).toEqual([["IdP 1 'SAML SSO': name changed: 'SAML SSO' → 'SAML SSO (prod)'"]]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(1);
	});

	it('userSyncFinished: the status read of the second connector fails; both finished syncs come at the next poll, once each', async () => {
		ctx.sim.state.resolution.connectors.forEach((c) => (c.statusReadsUntilDone = 0));
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1,2' });
		await trigger.poll();
		await startSync(ctx.sim, '1');
		await startSync(ctx.sim, '2');
		const stored = trigger.staticDataJson;
		ctx.sim.setFault({ kind: 'htmlLogin', pathIncludes: '/connector/2/syncstatus', times: 1 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toMatch(/HTML page instead of JSON.*GET \/rest\/samlsso-admin\/1.0\/usersync\/connector\/2\/syncstatus/);
		expect(trigger.staticDataJson).toBe(stored);
		expect(json(await trigger.poll()).map((i) => [i.connectorId, i.syncId])).toEqual([['1', 100], ['2', 101]]);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('certificateExpiring: a failure at the first poll loses nothing; the certificate is reported once when the server answers', async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'certificateExpiring', sources: ['atlassianIdentityProviders'], withinDays: 30 });
		ctx.sim.setFault({ kind: 'unavailable', pathIncludes: '/idps', retryAfterSeconds: 120 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toMatch(/503/);
		ctx.sim.clearFaults();
		expect(json(await trigger.poll()).map((c) => c.idpId)).toEqual(['6']);
		expect((await trigger.poll()).emitted).toBeNull();
	});
});
