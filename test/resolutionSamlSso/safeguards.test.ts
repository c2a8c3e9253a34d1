import type { IDataObject } from 'n8n-workflow';

import { ResolutionSamlSso } from '../../nodes/ResolutionSamlSso/ResolutionSamlSso.node';
import { appRequests, calls, latestConfig, run, useSimulator } from './helpers';

const ctx = useSimulator();
const CONFIG = '/jira/rest/samlsso-admin/1.0/config';
const RESET = '/jira/rest/samlsso-admin/1.0/reset/entityid';

const versions = () => ctx.sim.state.resolution.configVersions;

describe('lockout guard: redirect to SSO with the nosso login off', () => {
	const locked = (sim: typeof ctx.sim) => ({
		...latestConfig(sim),
		redirectToSso: true,
		nossoEnabled: false,
	});

	test('replace: refused before anything is sent, the error says how to keep a way in', async () => {
		const { sim } = ctx;
		const before = JSON.stringify(versions());
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace' },
			{ input: [locked(sim)] },
		);
		expect(r.error?.message).toBe(
			'The configuration would redirect every login to SSO with the nosso login off: when the identity provider fails, nobody can log in',
		);
		expect(r.error?.description).toMatch(
			/^Nothing was sent\. Keep a way in: set "enableNosso": true .*"Skip Lockout Check"/,
		);
		expect(calls(sim)).toEqual([]);
		expect(JSON.stringify(versions())).toBe(before);
	});

	test('replace: a dry run shows the same refusal and sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace', options: { dryRun: true } },
			{ input: [locked(sim)] },
		);
		expect(r.error?.message).toMatch(
			/^The configuration would redirect every login to SSO with the nosso login off/,
		);
		expect(calls(sim)).toEqual([]);
	});

	test('replace: nosso on under either name, or no redirect, is sent', async () => {
		const { sim } = ctx;
		const rest = { ...latestConfig(sim) };
		delete rest.nossoEnabled;
		const accepted = [
			{ ...rest, redirectToSso: true, nossoEnabled: true },
			{ ...rest, redirectToSso: true, enableNosso: true },
			{ ...rest, redirectToSso: false, nossoEnabled: false },
		];
		for (const config of accepted) {
			const r = await run(sim, { resource: 'config', operation: 'replace' }, { input: [config] });
			expect(r.error).toBeUndefined();
			expect(latestConfig(sim)).toEqual(config);
		}
		expect(calls(sim)).toEqual([`PUT ${CONFIG}`, `PUT ${CONFIG}`, `PUT ${CONFIG}`]);
	});

	test('replace with Skip Lockout Check: sent as it is', async () => {
		const { sim } = ctx;
		const config = locked(sim);
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace', options: { skipLockoutCheck: true } },
			{ input: [config] },
		);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`PUT ${CONFIG}`]);
		expect(latestConfig(sim)).toEqual(config);
	});

	describe.each([
		['nosso switch named nossoEnabled (default)', false, 'nossoEnabled'],
		['nosso switch named enableNosso (variant)', true, 'enableNosso'],
	])('patch, %s', (_name, variant, field) => {
		beforeEach(() => {
			ctx.sim.state.variants.resolutionEnableNosso = variant;
		});

		test('a merge patch turning the redirect on while nosso is off: refused after one read', async () => {
			const { sim } = ctx;
			sim.state.resolution.configVersions.push({ ...latestConfig(sim), nossoEnabled: false });
			const count = versions().length;
			const r = await run(sim, {
				resource: 'config',
				operation: 'patch',
				mergePatch: '{"redirectToSso": true}',
			});
			expect(r.error?.message).toMatch(
				/^The configuration would redirect every login to SSO with the nosso login off/,
			);
			expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
			expect(versions()).toHaveLength(count);
		});

		test('a merge patch turning the redirect on while nosso is on: sent', async () => {
			const { sim } = ctx;
			const r = await run(sim, {
				resource: 'config',
				operation: 'patch',
				mergePatch: '{"redirectToSso": true}',
			});
			expect(r.error).toBeUndefined();
			expect(calls(sim)).toEqual([`GET ${CONFIG}`, `PATCH ${CONFIG}`]);
			expect(r.json[0]).toMatchObject({ redirectToSso: true, [field]: true });
		});

		test('a JSON Patch turning nosso off while the redirect is on: refused; dry run too; with Skip Lockout Check: sent', async () => {
			const { sim } = ctx;
			sim.state.resolution.configVersions.push({ ...latestConfig(sim), redirectToSso: true });
			const jsonPatch = JSON.stringify([{ op: 'replace', path: `/${field}`, value: false }]);
			const refused = await run(sim, {
				resource: 'config',
				operation: 'patch',
				patchFormat: 'jsonPatch',
				jsonPatch,
			});
			expect(refused.error?.message).toMatch(/nosso login off/);
			const dry = await run(sim, {
				resource: 'config',
				operation: 'patch',
				patchFormat: 'jsonPatch',
				jsonPatch,
				options: { dryRun: true },
			});
			expect(dry.error?.message).toMatch(/nosso login off/);
			expect(calls(sim)).toEqual([`GET ${CONFIG}`, `GET ${CONFIG}`]);
			sim.requests.length = 0;
			const skipped = await run(sim, {
				resource: 'config',
				operation: 'patch',
				patchFormat: 'jsonPatch',
				jsonPatch,
				options: { skipLockoutCheck: true },
			});
			expect(skipped.error).toBeUndefined();
			expect(calls(sim)).toEqual([`PATCH ${CONFIG}`]);
		});
	});

	test('a patch that touches neither the redirect nor nosso is sent without a read', async () => {
		const { sim } = ctx;
		sim.state.resolution.configVersions.push({
			...latestConfig(sim),
			redirectToSso: true,
			nossoEnabled: false,
		});
		const r = await run(sim, {
			resource: 'config',
			operation: 'patch',
			mergePatch: '{"trackingEnabled": true}',
		});
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`PATCH ${CONFIG}`]);
	});
});

describe('replace: warnings of the upload', () => {
	test('an IdP with a metadataurl and no autoReloadMetadata: one warning naming it, what to set instead', async () => {
		const { sim } = ctx;
		const config = latestConfig(sim);
		const idps = (config.idps as IDataObject[]).map((idp) =>
			idp.name === 'TIDP' ? { ...idp, autoReloadMetadata: false } : idp,
		);
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace' },
			{ input: [{ ...config, idps }] },
		);
		expect(r.error).toBeUndefined();
		expect(r.json[0].warnings).toEqual([
			expect.stringMatching(
				/^The app does not reload IdP metadata after an upload: identity provider "TIDP" has a metadataurl but "autoReloadMetadata" is not true/,
			),
		]);
		expect((r.json[0].warnings as string[])[0]).toMatch(/set "autoReloadMetadata": true/);
		// The warnings are the node's: what was sent and stored is the configuration alone.
		expect(JSON.parse(appRequests(sim)[0].body)).toEqual({ ...config, idps });
		expect(latestConfig(sim)).not.toHaveProperty('warnings');
	});

	test('with Include Previous: {previous, current, warnings}; every IdP reloading its metadata: no warnings', async () => {
		const { sim } = ctx;
		const config = latestConfig(sim);
		const idps = (config.idps as IDataObject[]).map((idp) => {
			const copy = { ...idp };
			delete copy.autoReloadMetadata;
			return copy;
		});
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace', options: { includePrevious: true } },
			{ input: [{ ...config, idps }] },
		);
		expect(Object.keys(r.json[0])).toEqual(['previous', 'current', 'warnings']);
		expect(r.json[0].warnings).toHaveLength(3);
		const again = await run(sim, { resource: 'config', operation: 'replace' }, { input: [config] });
		expect(again.json).toEqual([config]);
	});
});

describe("replace's own warnings are not sent again", () => {
	test('Replace → Replace sends the configuration without the warnings; Compare says identical', async () => {
		const { sim } = ctx;
		const config = latestConfig(sim);
		const idps = (config.idps as IDataObject[]).map((idp) => ({
			...idp,
			autoReloadMetadata: false,
		}));
		const uploaded = { ...config, idps };
		const first = await run(
			sim,
			{ resource: 'config', operation: 'replace' },
			{ input: [uploaded] },
		);
		expect(first.json[0].warnings).toHaveLength(3);
		sim.requests.length = 0;
		const again = await run(
			sim,
			{ resource: 'config', operation: 'replace' },
			{ input: first.json },
		);
		expect(again.error).toBeUndefined();
		expect(appRequests(sim)[0].body).toBe(JSON.stringify(uploaded));
		const compared = await run(
			sim,
			{ resource: 'config', operation: 'compare' },
			{ input: first.json },
		);
		expect(compared.json[0]).toMatchObject({ identical: true });
	});

	test('a "warnings" field that is not exactly ours is the app\'s: sent as it is', async () => {
		const { sim } = ctx;
		const config = { ...latestConfig(sim), warnings: ['kept'] };
		const r = await run(sim, { resource: 'config', operation: 'replace' }, { input: [config] });
		expect(r.error).toBeUndefined();
		expect(appRequests(sim)[0].body).toBe(JSON.stringify(config));
	});
});

describe('config.resetEntityId', () => {
	test.each([
		['204 without a body (default): the configuration read again', false, ['GET', 'POST', 'GET']],
		['200 with the configuration (variant)', true, ['GET', 'POST']],
	])('outputs {previousEntityId, entityId}, answer %s', async (_name, variant, methods) => {
		const { sim } = ctx;
		sim.state.variants.resolutionResetAnswersConfig = variant;
		const r = await run(sim, { resource: 'config', operation: 'resetEntityId' });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([
			{
				previousEntityId: 'https://jira.prod.example.com/plugins/servlet/samlsso',
				entityId: `${sim.url}/plugins/servlet/samlsso`,
			},
		]);
		expect(calls(sim)).toEqual(methods.map((m) => `${m} ${m === 'POST' ? RESET : CONFIG}`));
	});

	test("the description says to change the product's base URL first", () => {
		const reset = new ResolutionSamlSso().description.properties
			.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('config'))
			?.options?.find((o) => 'value' in o && o.value === 'resetEntityId');
		expect((reset as { description?: string }).description).toMatch(
			/Change the product's base URL first/,
		);
	});
});

test("delete's description says what resolution says: only the latest version; a former one shown but not active until saved", () => {
	const operation = new ResolutionSamlSso().description.properties
		.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('config'))
		?.options?.find((o) => 'value' in o && o.value === 'delete') as { description?: string };
	expect(operation.description).toMatch(/latest stored SAML SSO configuration version/);
	expect(operation.description).toMatch(
		/former version is then migrated and shown, but not active until it is saved again/,
	);
	expect(operation.description).not.toMatch(/shows its setup wizard again;/);
});

describe('config.delete leaves the former version shown but not active (after an app upgrade)', () => {
	test.each([
		['the read answers the former version (default)', false],
		['the read answers 404 (variant)', true],
	])(
		'%s: Delete, then Replace with the saved configuration makes it active again',
		async (_name, variant) => {
			const { sim } = ctx;
			sim.state.variants.resolutionInactiveAnswers404 = variant;
			const saved = JSON.parse(JSON.stringify(latestConfig(sim))) as IDataObject;
			const former = sim.state.resolution.configVersions[0];
			const deleted = await run(sim, { resource: 'config', operation: 'delete', confirm: true });
			expect(deleted.json).toEqual([{ deleted: true }]);
			expect(sim.state.resolution.configVersions).toEqual([former]);
			expect(sim.state.resolution.configActive).toBe(false);
			const restored = await run(
				sim,
				{ resource: 'config', operation: 'replace', options: { includePrevious: true } },
				{ input: [saved] },
			);
			expect(restored.error).toBeUndefined();
			expect(restored.json).toEqual([{ previous: variant ? null : former, current: saved }]);
			expect(sim.state.resolution.configActive).toBe(true);
			expect(latestConfig(sim)).toEqual(saved);
		},
	);
});
