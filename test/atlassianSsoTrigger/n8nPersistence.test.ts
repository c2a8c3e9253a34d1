import type { INodeParameters } from 'n8n-workflow';

import { setDate } from '../harness/frozenClock';
import { certificateExpiringIn } from '../simulator/certificates';
import { activeTrigger, json, startSync, useSimulator } from './helpers';

const DAY = 86_400_000;

/**
 * n8n saves a polling trigger's static data after the activation poll and after a poll that emits, never
 * after a quiet or a failed one (and its scheduler may read it back from the database at every poll).
 * Every case below runs with that persistence: nothing the trigger reports may depend on a quiet poll's write.
 */
describe('with the static data stored as n8n stores it (activation and emitting polls only)', () => {
	const ctx = useSimulator();
	const trigger = (parameters: INodeParameters) => {
		const polling = activeTrigger(ctx.sim, parameters);
		polling.persistence = 'n8n';
		return polling;
	};
	afterEach(() => jest.useRealTimers());

	it('configurationChanged: the activation baseline is kept; each change is reported once; quiet polls stay quiet', async () => {
		const watch = trigger({
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders', 'atlassianSsoSettings'],
		});
		expect((await watch.poll()).emitted).toBeNull();
		expect(watch.staticDataWrites).toBe(1);
		expect((await watch.poll()).emitted).toBeNull();
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		expect(json(await watch.poll()).map((i) => i.summary)).toEqual([
			['show-login-form changed: true → false'],
		]);
		expect((await watch.poll()).emitted).toBeNull();
		ctx.sim.state.authconfig.idps[0].enabled = false;
		ctx.sim.state.authconfig.sso['show-login-form'] = true;
		expect(json(await watch.poll()).map((i) => i.summary)).toEqual([
			["IdP 1 'SAML SSO': enabled changed: true → false"],
			['show-login-form changed: false → true'],
		]);
		expect((await watch.poll()).emitted).toBeNull();
		expect(watch.executions).toHaveLength(2);
	});

	it('configurationChanged: the only source fails once (one sourceFailed), then the change once with its recovery', async () => {
		const watch = trigger({ event: 'configurationChanged', sources: ['atlassianSsoSettings'] });
		await watch.poll();
		ctx.sim.state.authconfig.sso['enable-authentication-fallback'] = true;
		ctx.sim.setFault({ kind: 'serverError', pathIncludes: '/authconfig/1.0/sso', times: 1 });
		const failed = await watch.poll();
		expect(failed.error).toBeUndefined();
		expect(json(failed).map((i) => i.event)).toEqual(['sourceFailed']);
		expect(json(await watch.poll()).map((i) => i.event ?? i.summary)).toEqual([
			['enable-authentication-fallback changed: false → true'],
			'sourceRecovered',
		]);
		expect((await watch.poll()).emitted).toBeNull();
		expect(watch.executions).toHaveLength(2);
	});

	it('userSyncFinished: a sync seen running (a quiet poll, not stored) is reported once when it has finished', async () => {
		const connector = ctx.sim.state.resolution.connectors[0];
		connector.statusReadsUntilDone = 1;
		connector.failWithCount = 2;
		const watch = trigger({ event: 'userSyncFinished', connectorIds: '1' });
		await watch.poll();
		await startSync(ctx.sim, '1');
		expect((await watch.poll()).emitted).toBeNull();
		expect(json(await watch.poll())).toEqual([
			expect.objectContaining({ connectorId: '1', syncId: 100, status: 'FAILED', failedCount: 2 }),
		]);
		expect((await watch.poll()).emitted).toBeNull();
		expect((await watch.poll()).emitted).toBeNull();
		expect(watch.executions).toHaveLength(1);
	});

	it('userSyncFinished with onlyFailures: a clean run is never reported, a failed one once', async () => {
		const connector = ctx.sim.state.resolution.connectors[0];
		connector.statusReadsUntilDone = 0;
		const watch = trigger({ event: 'userSyncFinished', connectorIds: '1', onlyFailures: true });
		await watch.poll();
		await startSync(ctx.sim, '1');
		expect((await watch.poll()).emitted).toBeNull();
		expect((await watch.poll()).emitted).toBeNull();
		connector.failWithCount = 1;
		await startSync(ctx.sim, '1');
		expect(json(await watch.poll())).toEqual([
			expect.objectContaining({ syncId: 101, status: 'FAILED' }),
		]);
		expect((await watch.poll()).emitted).toBeNull();
		expect(watch.executions).toHaveLength(1);
	});

	it('certificateExpiring: one already inside the window at activation, one crossing later: each once', async () => {
		ctx.sim.state.authconfig.idps[0].certificate = certificateExpiringIn('my.idp.com rotated', 35);
		const watch = trigger({
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		expect(json(await watch.poll()).map((c) => c.idpId)).toEqual(['6']);
		expect((await watch.poll()).emitted).toBeNull();
		setDate(Date.now() + 6 * DAY);
		expect(json(await watch.poll()).map((c) => c.idpId)).toEqual(['1']);
		expect((await watch.poll()).emitted).toBeNull();
		expect(watch.executions).toHaveLength(2);
	});
});
