import type { Simulator } from '../simulator';
import { activeTrigger, json, startSync, useSimulator } from './helpers';

/** The trigger watching resolution's configuration, polled once, and the configuration it stored. */
async function watchResolutionConfig<Stored>(sim: Simulator) {
	const trigger = activeTrigger(sim, {
		event: 'configurationChanged',
		sources: ['resolutionConfig'],
	});
	await trigger.poll();
	const { resolutionConfig } = trigger.nodeStaticData().configurationChanged as {
		resolutionConfig: Stored;
	};
	return { trigger, stored: resolutionConfig };
}

/** The PEM form of a private key, as a server might keep one in an ordinary-looking field. */
const PRIVATE_KEY_PEM =
	'-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----';

describe("the trigger's state lives only in the workflow static data, written only when it changed", () => {
	const ctx = useSimulator();

	it('configurationChanged: the baseline is one write, polls without a change write nothing, a change writes once', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianIdentityProviders', 'atlassianSsoSettings'],
		});
		await trigger.poll();
		expect(trigger.staticDataWrites).toBe(1);
		await trigger.poll();
		await trigger.poll();
		expect(trigger.staticDataWrites).toBe(1);
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		expect(json(await trigger.poll())).toHaveLength(1);
		expect(trigger.staticDataWrites).toBe(2);
		await trigger.poll();
		expect(trigger.staticDataWrites).toBe(2);
	});

	it('userSyncFinished and certificateExpiring: no write while nothing new happens', async () => {
		ctx.sim.state.resolution.connectors.forEach((c) => (c.statusReadsUntilDone = 0));
		const sync = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1' });
		await sync.poll();
		await sync.poll();
		expect(sync.staticDataWrites).toBe(1);
		await startSync(ctx.sim, '1');
		expect(json(await sync.poll())).toHaveLength(1);
		await sync.poll();
		expect(sync.staticDataWrites).toBe(2);

		const certificates = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['atlassianIdentityProviders'],
			reminderDays: '30',
		});
		expect(json(await certificates.poll())).toHaveLength(1);
		await certificates.poll();
		await certificates.poll();
		expect(certificates.staticDataWrites).toBe(1);
	});

	it('a failing source keeps its stored state; "Fetch Test Event" writes nothing', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['atlassianSsoSettings'],
		});
		await trigger.fetchTestEvent();
		expect(trigger.staticDataWrites).toBe(0);
		await trigger.poll();
		const baseline = JSON.stringify(trigger.nodeStaticData().configurationChanged);
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		ctx.sim.setFault({ kind: 'serverError', pathIncludes: '/authconfig/1.0/sso', times: 1 });
		expect(json(await trigger.poll()).map((i) => i.event)).toEqual(['sourceFailed']);
		expect(JSON.stringify(trigger.nodeStaticData().configurationChanged)).toBe(baseline);
		expect(trigger.nodeStaticData()['configurationChanged:health']).toEqual({
			failing: { atlassianSsoSettings: 'Server error (GET /rest/authconfig/1.0/sso answered 500)' },
			outage: true,
		});
		await trigger.fetchTestEvent();
		expect(trigger.staticDataWrites).toBe(2);
	});

	it('queue mode: another instance given the stored static data continues from it; nothing is remembered outside it', async () => {
		const parameters = { event: 'configurationChanged', sources: ['atlassianSsoSettings'] };
		const first = activeTrigger(ctx.sim, parameters);
		await first.poll();
		ctx.sim.state.authconfig.sso['enable-authentication-fallback'] = true;
		// Another worker: the same workflow, the static data as n8n stored it.
		const second = activeTrigger(ctx.sim, parameters);
		second.staticDataJson = first.staticDataJson;
		expect(json(await second.poll()).map((i) => i.summary)).toEqual([
			['enable-authentication-fallback changed: false → true'],
		]);
		expect((await second.poll()).emitted).toBeNull();
		// A workflow without stored data starts a baseline, whatever this process saw before: no module state.
		const fresh = activeTrigger(ctx.sim, parameters);
		expect((await fresh.poll()).emitted).toBeNull();
		expect(fresh.nodeStaticData()).toEqual(second.nodeStaticData());
	});
});

describe('secrets: only fields that really are secrets are hidden; they are never output nor stored', () => {
	const ctx = useSimulator();

	it('secret, password, token and private-key fields are hidden; token-endpoint URLs and the like are still compared', async () => {
		const config = ctx.sim.state.resolution.configVersions.at(-1) as Record<string, unknown>;
		// Made-up values, one per field, built from the field name (recognisable if one leaked).
		const secrets: Record<string, string> = Object.fromEntries(
			['clientSecret', 'keystore-password', 'accessToken', 'api_token', 'spPrivateKey'].map(
				(field) => [field, `${field}-made-up-value-1`],
			),
		);
		secrets.signingMaterial = PRIVATE_KEY_PEM;
		Object.assign(config, secrets, {
			tokenEndpoint: 'https://idp.example.com/oauth2/token',
			tokenLifetimeInMinutes: 60,
			passwordPolicyUrl: 'https://idp.example.com/policy',
			secretRotationEnabled: false,
		});
		const idp5 = ctx.sim.state.authconfig.idps[4];
		const trigger = activeTrigger(ctx.sim, {
			event: 'configurationChanged',
			sources: ['resolutionConfig', 'atlassianIdentityProviders'],
		});
		await trigger.poll();
		const stored = trigger.nodeStaticData().configurationChanged as {
			resolutionConfig: Record<string, unknown>;
		};
		const { signingMaterial, ...named } = stored.resolutionConfig;
		for (const field of Object.keys(named).filter((f) => f in secrets))
			expect(named[field]).toBe('**hidden**');
		expect(Object.keys(secrets).filter((f) => f in named)).toHaveLength(5);
		// A private key wherever it sits: by the start of its SHA-256, so that a rotation still shows.
		expect(signingMaterial).toMatch(/^\*\*hidden key\*\* \(SHA-256 [0-9A-F]{16}\)$/);
		for (const field of Object.keys(secrets)) config[field] = `${String(config[field])}-rotated`;
		Object.assign(config, {
			tokenEndpoint: 'https://idp2.example.com/oauth2/token',
			tokenLifetimeInMinutes: 30,
			passwordPolicyUrl: 'https://idp2.example.com/policy',
			secretRotationEnabled: true,
		});
		idp5['token-endpoint'] =
			'https://keycloak.example.com/realms/prod/protocol/openid-connect/token';
		const outcome = await trigger.poll();
		const everything = JSON.stringify(outcome.emitted) + trigger.staticDataJson;
		for (const value of Object.values(secrets))
			expect(everything).not.toContain(value.slice(0, 20));
		expect(everything).not.toContain('MIGHAgEAMBMGByqGSM49');
		expect((json(outcome) as Array<{ summary: string[] }>).flatMap((i) => i.summary)).toEqual([
			'signingMaterial changed',
			"tokenEndpoint changed: 'https://idp.example.com/oauth2/token' → 'https://idp2.example.com/oauth2/token'",
			'tokenLifetimeInMinutes changed: 60 → 30',
			"passwordPolicyUrl changed: 'https://idp.example.com/policy' → 'https://idp2.example.com/policy'",
			'secretRotationEnabled changed: false → true',
			"IdP 5 'Keycloak staging': token-endpoint changed: 'https://keycloak.example.com/realms/staging/protocol/openid-connect/token' → 'https://keycloak.example.com/realms/prod/protocol/openid-connect/token'",
		]);
	});

	it('a secret that is set or removed shows as such, without its value', async () => {
		const config = ctx.sim.state.resolution.configVersions.at(-1) as Record<string, unknown>;
		const { trigger } = await watchResolutionConfig(ctx.sim);
		config.clientSecret = 'brand-new-client-secret';
		const [item] = json(await trigger.poll()) as Array<{ summary: string[]; changes: unknown[] }>;
		expect(item.summary).toEqual(['clientSecret added']);
		expect(item.changes).toEqual([{ op: 'add', path: '/clientSecret', value: '**hidden**' }]);
		delete config.clientSecret;
		expect((json(await trigger.poll()) as Array<{ summary: string[] }>)[0].summary).toEqual([
			'clientSecret removed',
		]);
	});
});

describe('secrets by value: key material is replaced by its fingerprint wherever it sits', () => {
	const ctx = useSimulator();
	// Random bytes as base64: a key or a key store without a PEM header, in fields named like anything.
	const keyBase64 = Buffer.from(
		Array.from({ length: 900 }, (_, i) => (i * 7919 + 13) % 251),
	).toString('base64');
	const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${keyBase64.slice(0, 64)}\n${keyBase64.slice(64, 128)}\n-----END PUBLIC KEY-----`;
	const FINGERPRINT = /^\*\*hidden key\*\* \(SHA-256 [0-9A-F]{16}\)$/;

	it('a long base64 value and a PEM block of any kind but a certificate: never stored nor emitted; a rotation is a change without its value', async () => {
		const config = ctx.sim.state.resolution.configVersions.at(-1) as Record<string, unknown>;
		Object.assign(config, {
			sp: { keystore: keyBase64 },
			verification: publicKeyPem,
			digest: 'a'.repeat(64),
			label: 'Production IdP signing key 2026',
		});
		const { trigger, stored } = await watchResolutionConfig<
			Record<string, Record<string, unknown>>
		>(ctx.sim);
		expect(stored.sp.keystore).toMatch(FINGERPRINT);
		expect(stored.verification).toMatch(FINGERPRINT);
		expect([stored.digest, stored.label]).toEqual([
			'a'.repeat(64),
			'Production IdP signing key 2026',
		]);
		expect(trigger.staticDataJson).not.toContain(keyBase64.slice(0, 30));
		config.sp = { keystore: keyBase64.split('').reverse().join('') };
		const outcome = await trigger.poll();
		const [item] = json(outcome) as Array<{
			summary: string[];
			changes: Array<{ value?: unknown }>;
		}>;
		expect(item.summary).toEqual(['sp.keystore changed']);
		expect(item.changes).toEqual([
			{ op: 'replace', path: '/sp/keystore', value: expect.stringMatching(FINGERPRINT) },
		]);
		expect(item.changes[0].value).not.toBe(stored.sp.keystore);
		const everything = JSON.stringify(outcome.emitted) + trigger.staticDataJson;
		for (const text of [keyBase64, keyBase64.split('').reverse().join(''), publicKeyPem])
			expect(everything).not.toContain(text.slice(0, 30));
	});

	it('certificates are still shown by subject, fingerprint and expiry', async () => {
		const { stored } = await watchResolutionConfig<{
			idps: Array<{ certificates: unknown[] }>;
		}>(ctx.sim);
		expect(stored.idps[0].certificates).toEqual([
			{
				subject: expect.any(String),
				fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
				notAfter: expect.any(String),
			},
		]);
	});
});
