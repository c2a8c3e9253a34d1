import { setDate } from '../harness/frozenClock';
import { certificateExpiringIn } from '../simulator/certificates';
import { activeTrigger, json, useSimulator } from './helpers';

const DAY = 86_400_000;

describe('trigger certificateExpiring, in n8n-core polling against the simulator', () => {
	const ctx = useSimulator();
	afterEach(() => jest.useRealTimers());

	it('a certificate already inside the window is reported at the first poll, then never again', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders', 'resolutionConfig'],
			reminderDays: '30',
		});
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(json(outcome)).toEqual([
			{
				source: 'atlassianIdentityProviders',
				idpId: '6',
				idpName: 'ADFS customers',
				subject: 'CN=adfs.example.com/adfs signing',
				fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
				notAfter: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				daysLeft: 19,
				reminder: 30,
				instance: { baseUrl: ctx.sim.url },
			},
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(1);
	});

	it('the certificates in the resolution configuration, with the IdP they belong to', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['resolutionConfig'],
			reminderDays: '60',
		});
		expect(json(await trigger.poll())).toEqual([
			expect.objectContaining({
				source: 'resolutionConfig',
				idpId: '2',
				idpName: 'TIDP',
				subject: 'CN=some.idp.com signing',
				daysLeft: 44,
			}),
		]);
	});

	it('a certificate crossing the threshold is reported at that poll, and the next poll is silent', async () => {
		ctx.sim.state.authconfig.idps[0].certificate = certificateExpiringIn('my.idp.com rotated', 35);
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		expect(json(await trigger.poll()).map((c) => c.idpId)).toEqual(['6']);
		expect((await trigger.poll()).emitted).toBeNull();
		// Six days later (only the clock moves; timers stay real for HTTP).
		setDate(Date.now() + 6 * DAY);
		expect(json(await trigger.poll())).toEqual([
			expect.objectContaining({ idpId: '1', subject: 'CN=my.idp.com rotated', daysLeft: 28 }),
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(2);
	});

	it('a PEM bundle of two certificates: the one inside the window is reported, once; neither is stored in full', async () => {
		const pem = (base64: string) =>
			`-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----`;
		const [current, next] = [
			certificateExpiringIn('my.idp.com current', 12),
			certificateExpiringIn('my.idp.com next', 700),
		];
		ctx.sim.state.authconfig.idps[0].certificate = `${pem(current)}\n${pem(next)}\n`;
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		expect(json(await trigger.poll()).map((c) => [c.idpId, c.subject])).toEqual([
			['1', 'CN=my.idp.com current'],
			['6', 'CN=adfs.example.com/adfs signing'],
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		const watch = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders'],
		});
		await watch.poll();
		const stored = watch.nodeStaticData().configurationChanged as {
			atlassianIdentityProviders: Record<string, { certificate: unknown }>;
		};
		expect(stored.atlassianIdentityProviders['1'].certificate).toEqual([
			expect.objectContaining({ subject: 'CN=my.idp.com current' }),
			expect.objectContaining({ subject: 'CN=my.idp.com next' }),
		]);
		expect(watch.staticDataJson + trigger.staticDataJson).not.toContain(next.slice(0, 40));
	});

	it('a rotated certificate that is again inside the window is a new certificate: reported once', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		await trigger.poll();
		ctx.sim.state.authconfig.idps[5].certificate = certificateExpiringIn(
			'adfs.example.com/adfs signing 2',
			10,
		);
		expect(json(await trigger.poll())).toEqual([
			expect.objectContaining({
				idpId: '6',
				subject: 'CN=adfs.example.com/adfs signing 2',
				daysLeft: 9,
			}),
		]);
		const stored = trigger.nodeStaticData().certificateExpiring as {
			reported: Record<string, string>;
		};
		expect(Object.keys(stored.reported)).toHaveLength(1);
		expect(trigger.staticDataJson).not.toContain(
			String(ctx.sim.state.authconfig.idps[5].certificate).slice(0, 40),
		);
	});
});
