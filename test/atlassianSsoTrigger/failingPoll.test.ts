import { setDate } from '../harness/frozenClock';
import { certificateExpiringIn } from '../simulator/certificates';
import { activeTrigger, json, startSync, useSimulator } from './helpers';

const DAY = 86_400_000;

/**
 * Each source is read on its own: one that fails never silences the others. It is reported once when it
 * starts failing (sourceFailed) and once when it answers again (sourceRecovered), and keeps its stored state
 * meanwhile, so a change made during the outage is reported once, after it.
 */
describe('sources are independent: a failing source is reported once, the others go on', () => {
	const ctx = useSimulator();
	afterEach(() => jest.useRealTimers());

	it('resolution not installed and an Atlassian IdP changed: exactly one item for the change and one sourceFailed (n8n persistence)', async () => {
		ctx.sim.state.installedApps = ['authconfig'];
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['resolutionConfig', 'atlassianIdentityProviders'],
		});
		trigger.persistence = 'n8n';
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(json(first)).toEqual([
			{
				event: 'sourceFailed',
				source: 'resolutionConfig',
				instance: { baseUrl: ctx.sim.url },
				error: {
					message: expect.stringMatching(/GET \/rest\/samlsso-admin\/1.0\/config answered 404/),
					description: expect.any(String),
				},
			},
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		ctx.sim.state.authconfig.idps[1]['button-text'] = 'Sign in with Okta';
		const changed = json(await trigger.poll());
		expect(changed).toEqual([
			expect.objectContaining({
				source: 'atlassianIdentityProviders',
				instance: { baseUrl: ctx.sim.url },
				summary: [
					"IdP 2 'Another SAML SSO': button-text changed: 'Log in with another IdP' → 'Sign in with Okta'",
				],
			}),
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(2);
	});

	it('the server down for 10 polls: one sourceFailed per source, one sourceRecovered each, the change made meanwhile once (n8n persistence)', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders', 'atlassianSsoSettings'],
		});
		trigger.persistence = 'n8n';
		await trigger.poll();
		ctx.sim.setFault({ kind: 'serverError' });
		const outcomes = [];
		for (let poll = 0; poll < 10; poll++) outcomes.push(await trigger.poll());
		expect(outcomes.map((o) => o.error)).toEqual(Array(10).fill(undefined));
		expect(
			outcomes.map((o) => json(o).map((i) => `${String(i.event)} ${String(i.source)}`)),
		).toEqual([
			['sourceFailed atlassianIdentityProviders', 'sourceFailed atlassianSsoSettings'],
			...Array(9).fill([]),
		]);
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		ctx.sim.clearFaults();
		const back = json(await trigger.poll());
		expect(back.map((i) => i.event ?? i.summary)).toEqual([
			['show-login-form changed: true → false'],
			'sourceRecovered',
			'sourceRecovered',
		]);
		expect(back.filter((i) => i.event).map((i) => i.source)).toEqual([
			'atlassianIdentityProviders',
			'atlassianSsoSettings',
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(2);
	});

	it('reportSourceFailures off: nothing readable fails the poll once per outage, then it is silent', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianSsoSettings'],
			reportSourceFailures: false,
		});
		await trigger.poll();
		ctx.sim.setFault({ kind: 'serverError', times: 3 });
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe('Server error (GET /rest/authconfig/1.0/sso answered 500)');
		expect(await trigger.poll()).toEqual({ emitted: null });
		expect(await trigger.poll()).toEqual({ emitted: null });
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		expect(json(await trigger.poll()).map((i) => i.summary)).toEqual([
			['show-login-form changed: true → false'],
		]);
		expect(trigger.executions).toHaveLength(1);
	});

	it("userSyncFinished: the second connector's status is an HTML login page; the first connector's finished sync is reported at that poll", async () => {
		ctx.sim.state.resolution.connectors.forEach((c) => (c.statusReadsUntilDone = 0));
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1,2' });
		await trigger.poll();
		await startSync(ctx.sim, '1');
		await startSync(ctx.sim, '2');
		ctx.sim.setFault({ kind: 'htmlLogin', pathIncludes: '/connector/2/syncstatus', times: 1 });
		const first = json(await trigger.poll());
		expect(first.map((i) => [i.event ?? 'finished', i.connectorId, i.syncId])).toEqual([
			['finished', '1', 100],
			['sourceFailed', '2', undefined],
		]);
		expect((first[1].error as { message: string }).message).toMatch(/HTML page instead of JSON/);
		expect(
			json(await trigger.poll()).map((i) => [i.event ?? 'finished', i.connectorId, i.syncId]),
		).toEqual([
			['finished', '2', 101],
			['sourceRecovered', '2', undefined],
		]);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('certificateExpiring: the only source fails at the first poll; the certificate is reported once when it answers', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		ctx.sim.setFault({ kind: 'unavailable', pathIncludes: '/idps', retryAfterSeconds: 120 });
		const failed = await trigger.poll();
		expect(json(failed).map((i) => [i.event, i.source])).toEqual([
			['sourceFailed', 'atlassianIdentityProviders'],
		]);
		ctx.sim.clearFaults();
		expect(json(await trigger.poll()).map((c) => c.event ?? c.idpId)).toEqual([
			'6',
			'sourceRecovered',
		]);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it("certificateExpiring: resolution failing does not hide the Atlassian IdPs' certificates", async () => {
		ctx.sim.state.installedApps = ['authconfig'];
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders', 'resolutionConfig'],
		});
		expect(json(await trigger.poll()).map((c) => c.event ?? c.idpId)).toEqual([
			'6',
			'sourceFailed',
		]);
		expect((await trigger.poll()).emitted).toBeNull();
	});
});

describe('a resolution configuration that disappears is a change', () => {
	const ctx = useSimulator();

	it('404 from the app: one item saying it is gone; put back: one item saying it is back', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['resolutionConfig'],
		});
		trigger.persistence = 'n8n';
		await trigger.poll();
		const saved = ctx.sim.state.resolution.configVersions.splice(0);
		const gone = json(await trigger.poll());
		expect(gone).toEqual([
			{
				source: 'resolutionConfig',
				instance: { baseUrl: ctx.sim.url },
				changes: [{ op: 'replace', path: '', value: null }],
				summary: [
					'resolution SAML SSO Configuration is gone: the server answers that there is none',
				],
				current: null,
			},
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		ctx.sim.state.resolution.configVersions.push(...saved);
		const back = json(await trigger.poll());
		expect(back.map((i) => i.summary)).toEqual([['resolution SAML SSO Configuration is back']]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(2);
	});

	it('an empty object is gone too', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['resolutionConfig'],
		});
		await trigger.poll();
		ctx.sim.state.resolution.configVersions.push({});
		expect(json(await trigger.poll()).map((i) => [i.current, i.summary])).toEqual([
			[null, ['resolution SAML SSO Configuration is gone: the server answers that there is none']],
		]);
	});
});

describe('syncs are never stuck', () => {
	const ctx = useSimulator();

	it('a running sync whose record was purged: one syncForgotten item, then it is no longer read', async () => {
		const connector = ctx.sim.state.resolution.connectors[0];
		connector.statusReadsUntilDone = 100;
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1' });
		await trigger.poll();
		await startSync(ctx.sim, '1');
		expect((await trigger.poll()).emitted).toBeNull();
		await startSync(ctx.sim, '1');
		const syncs = ctx.sim.state.resolution.syncs;
		syncs.splice(
			syncs.findIndex((s) => s.id === 100),
			1,
		);
		expect(json(await trigger.poll())).toEqual([
			{
				event: 'syncForgotten',
				connectorId: '1',
				syncId: '100',
				message: expect.stringMatching(/no longer knows sync 100/),
				instance: { baseUrl: ctx.sim.url },
			},
		]);
		ctx.sim.requests.length = 0;
		expect((await trigger.poll()).emitted).toBeNull();
		expect(ctx.sim.requests.map((r) => r.path)).toEqual([
			'/rest/samlsso-admin/1.0/usersync/connector/1/syncstatus',
		]);
	});

	it('a status the package does not know is not final: the sync is read again until it ends', async () => {
		const connector = ctx.sim.state.resolution.connectors[0];
		connector.statusReadsUntilDone = 100;
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1' });
		await trigger.poll();
		await startSync(ctx.sim, '1');
		const run = ctx.sim.state.resolution.syncs.find((s) => s.id === 100)!;
		run.status = 'WAITING_FOR_LOCK';
		expect((await trigger.poll()).emitted).toBeNull();
		expect((await trigger.poll()).emitted).toBeNull();
		run.status = 'DONE';
		expect(json(await trigger.poll()).map((i) => [i.syncId, i.status])).toEqual([[100, 'DONE']]);
	});
});

describe('certificate reminders', () => {
	const ctx = useSimulator();
	afterEach(() => jest.useRealTimers());

	it('30, 7 and 1 days left and expired: one item each, crossed with a fake clock; never twice', async () => {
		ctx.sim.state.authconfig.idps[0].certificate = certificateExpiringIn('my.idp.com rotated', 35);
		ctx.sim.state.authconfig.idps[5].certificate = certificateExpiringIn('far.idp.com', 900);
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
		});
		trigger.persistence = 'n8n';
		const start = Date.now();
		expect((await trigger.poll()).emitted).toBeNull();
		const reminders: unknown[] = [];
		for (const day of [3, 6, 10, 20, 28, 29, 33, 34, 34.5, 36, 40]) {
			setDate(start + day * DAY);
			const items = json(await trigger.poll());
			reminders.push(...items.map((i) => [day, i.idpId, i.reminder]));
		}
		expect(reminders).toEqual([
			[6, '1', 30],
			[28, '1', 7],
			[34, '1', 1],
			[36, '1', 'expired'],
		]);
		expect(trigger.executions).toHaveLength(4);
	});
});
