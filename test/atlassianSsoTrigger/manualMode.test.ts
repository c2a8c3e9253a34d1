import { activeTrigger, json, useSimulator } from './helpers';

describe('"Fetch Test Event" (manual mode) returns a real sample and leaves the baseline alone', () => {
	const ctx = useSimulator();

	it('configurationChanged before any baseline: the current state of each source, nothing stored', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianSsoSettings'],
		});
		const { run, items } = await trigger.fetchTestEvent();
		expect(run.status).toBe('success');
		expect(items).toEqual([
			{
				source: 'atlassianSsoSettings',
				instance: { baseUrl: ctx.sim.url },
				changes: [],
				summary: [expect.stringMatching(/^Nothing stored to compare with yet/)],
				current: ctx.sim.state.authconfig.sso,
			},
		]);
		expect(trigger.nodeStaticData()).toEqual({});
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('configurationChanged after a change: the real change, and the next scheduled poll still reports it', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianSsoSettings'],
		});
		await trigger.poll();
		const stored = trigger.staticDataJson;
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		const { items } = await trigger.fetchTestEvent();
		expect(items[0].summary).toEqual(['show-login-form changed: true → false']);
		expect(trigger.staticDataJson).toBe(stored);
		expect(json(await trigger.poll()).map((i) => i.summary)).toEqual([
			['show-login-form changed: true → false'],
		]);
	});

	it('userSyncFinished: the latest run of each connector, whatever the filter; the baseline does not move', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'userSyncFinished',
			connectorIds: '1,2',
			onlyFailures: true,
		});
		const { items } = await trigger.fetchTestEvent();
		expect(items.map((i) => [i.connectorId, i.syncId, i.status])).toEqual([
			['1', 94, 'DONE'],
			['2', 95, 'DONE'],
		]);
		expect(trigger.nodeStaticData()).toEqual({});
	});

	it('certificateExpiring with nothing in the window: the certificate that expires first, and nothing recorded as reported', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['resolutionConfig'],
			reminderDays: '7',
		});
		const { items } = await trigger.fetchTestEvent();
		expect(items).toEqual([
			expect.objectContaining({ source: 'resolutionConfig', idpName: 'TIDP', daysLeft: 44 }),
		]);
		expect(trigger.nodeStaticData()).toEqual({});
		const inWindow = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		await inWindow.fetchTestEvent();
		expect(json(await inWindow.poll()).map((c) => c.idpId)).toEqual(['6']);
	});
});
