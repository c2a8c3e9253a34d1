import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Simulator } from '../simulator';

import { certificateExpiringIn } from '../simulator/certificates';
import type { JsonValue } from '../simulator/http';
import { applyJsonPatch } from '../simulator/jsonPatch';
import { calls, latestConfig, run, useSimulator } from './helpers';

const CONFIG = '/jira/rest/samlsso-admin/1.0/config';
const DRY_RUN = { options: { dryRun: true } };

/** config.compare or config.replace with the configuration given as JSON text. */
const withConfigJson = async (
	sim: Simulator,
	operation: 'compare' | 'replace',
	config: string,
	more: INodeParameters = {},
) => await run(sim, { resource: 'config', operation, source: 'json', config, ...more });

/** One input item carrying the configuration as a file saml.json in its binary property "data". */
const asFile = (config: IDataObject) => ({
	inputItems: [
		{
			json: {},
			binary: {
				data: {
					data: Buffer.from(JSON.stringify(config)).toString('base64'),
					mimeType: 'application/json',
					fileName: 'saml.json',
				},
			},
		},
	],
});

/** The seed configuration with a few edits a clone refresh would bring. */
function edited(config: IDataObject): IDataObject {
	const next = JSON.parse(JSON.stringify(config)) as IDataObject & {
		idps: IDataObject[];
		excludedUrls: string[];
	};
	next.idps[1].name = 'TIDP staging';
	next.idps[0].certificates = [
		certificateExpiringIn('login.microsoftonline.example.com signing 2', 500),
	];
	next.excludedUrls.push('/status');
	next.idps.splice(2, 1);
	return next;
}

/** The summary of the changes `edited` makes, one line each. */
const EDITED_SUMMARY = [
	"excludedUrls[2] added: '/status'",
	expect.stringMatching(
		/^IdP 1 'Azure AD': certificates\[0\] changed: certificate fingerprint [0-9A-F:]{11}… \(expires \d{4}-\d\d-\d\d\) → certificate fingerprint [0-9A-F:]{11}… \(expires \d{4}-\d\d-\d\d\)$/,
	),
	"IdP 2 'TIDP': name changed: 'TIDP' → 'TIDP staging'",
	"IdP 3 'Okta Contractors' removed",
];

describe('config.compare: the server configuration against a given one, only a GET sent', () => {
	const ctx = useSimulator();

	test('the same configuration from the input item: identical, no changes', async () => {
		const { sim } = ctx;
		const r = await run(
			sim,
			{ resource: 'config', operation: 'compare' },
			{ input: [latestConfig(sim)] },
		);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json).toEqual([{ identical: true, changes: [], summary: [] }]);
	});

	test('a changed configuration as JSON: a patch that turns the server config into it, and readable lines', async () => {
		const { sim } = ctx;
		const server = latestConfig(sim);
		const given = edited(server);
		const r = await withConfigJson(sim, 'compare', JSON.stringify(given));
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		const [out] = r.json as Array<{ identical: boolean; changes: unknown[]; summary: string[] }>;
		expect(out.identical).toBe(false);
		expect(applyJsonPatch(server as JsonValue, out.changes)).toEqual(given);
		expect(out.summary).toEqual(EDITED_SUMMARY);
		expect(sim.state.resolution.configVersions.at(-1)).toEqual(server);
	});

	test('a configuration file in a binary property', async () => {
		const { sim } = ctx;
		const given = edited(latestConfig(sim));
		const r = await run(
			sim,
			{ resource: 'config', operation: 'compare', source: 'binary', binaryPropertyName: 'data' },
			asFile(given),
		);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json[0]).toMatchObject({
			identical: false,
			summary: EDITED_SUMMARY,
		});
	});

	test("a secret of the server's configuration is named in the summary, never printed", async () => {
		const { sim } = ctx;
		const server = sim.state.resolution.configVersions.at(-1) as IDataObject;
		server.spPrivateKey = 'server-private-key-material';
		const given = {
			...latestConfig(sim),
			spPrivateKey: 'clone-private-key-material',
			tokenEndpoint: 'https://idp.example.com/token',
		};
		const r = await withConfigJson(sim, 'compare', JSON.stringify(given));
		expect(r.error).toBeUndefined();
		expect(r.json[0].summary).toEqual([
			'spPrivateKey changed',
			"tokenEndpoint added: 'https://idp.example.com/token'",
		]);
		expect(JSON.stringify(r.json)).not.toContain('server-private-key-material');
		expect(applyJsonPatch(latestConfig(sim) as JsonValue, r.json[0].changes as unknown[])).toEqual(
			given,
		);
	});

	test('an HTML page given as the configuration is refused before anything is sent', async () => {
		const { sim } = ctx;
		const r = await withConfigJson(
			sim,
			'compare',
			'<!DOCTYPE html><html><body>Log in</body></html>',
		);
		expect(r.error?.message).toMatch(/HTML page/);
		expect(calls(sim)).toEqual([]);
	});
});

describe('config.patch dry run: the plan against the current configuration', () => {
	const ctx = useSimulator();
	const patchDryRun = async (sim: Simulator, jsonPatch: string) =>
		await run(sim, {
			resource: 'config',
			operation: 'patch',
			patchFormat: 'jsonPatch',
			jsonPatch,
			...DRY_RUN,
		});

	test('a JSON Patch removing an IdP: the changes and a line naming the IdP, only a GET sent', async () => {
		const { sim } = ctx;
		const jsonPatch = JSON.stringify([
			{ op: 'remove', path: '/idps/1' },
			{ op: 'replace', path: '/reloadMetadataIntervalInMinutes', value: 5 },
		]);
		const r = await patchDryRun(sim, jsonPatch);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json[0].summary).toEqual([
			'reloadMetadataIntervalInMinutes changed: 1440 → 5',
			"IdP 2 'TIDP' removed",
		]);
		const server = latestConfig(sim) as JsonValue;
		expect(applyJsonPatch(server, r.json[0].changes)).toEqual(
			applyJsonPatch(server, JSON.parse(jsonPatch)),
		);
	});

	test('a JSON Patch that would not apply fails with what is wrong, and only the GET was sent', async () => {
		const { sim } = ctx;
		const jsonPatch = JSON.stringify([{ op: 'replace', path: '/idps/9/name', value: 'x' }]);
		const r = await patchDryRun(sim, jsonPatch);
		expect(r.error?.message).toMatch(
			/The patch does not apply to the current configuration: operation 0 \(replace \/idps\/9\/name\)/,
		);
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
	});
});

describe('config.replace dry run: the plan against the current configuration', () => {
	const ctx = useSimulator();

	test('a clone refresh from a file: the request, a patch that turns the server config into the file, readable lines; only a GET sent', async () => {
		const { sim } = ctx;
		const server = latestConfig(sim);
		const given = edited(server);
		const r = await run(
			sim,
			{
				resource: 'config',
				operation: 'replace',
				source: 'binary',
				binaryPropertyName: 'data',
				options: { dryRun: true },
			},
			asFile(given),
		);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		const [out] = r.json as Array<{
			dryRun: boolean;
			method: string;
			changes: unknown[];
			summary: string[];
		}>;
		expect(out).toMatchObject({ dryRun: true, method: 'PUT' });
		expect(applyJsonPatch(server as JsonValue, out.changes)).toEqual(given);
		expect(out.summary).toEqual(EDITED_SUMMARY);
		expect(sim.state.resolution.configVersions.at(-1)).toEqual(server);
	});

	test('the same output as compare for the same configuration', async () => {
		const { sim } = ctx;
		const config = JSON.stringify(edited(latestConfig(sim)));
		const compared = await withConfigJson(sim, 'compare', config);
		const planned = await withConfigJson(sim, 'replace', config, DRY_RUN);
		expect({ changes: planned.json[0].changes, summary: planned.json[0].summary }).toEqual({
			changes: compared.json[0].changes,
			summary: compared.json[0].summary,
		});
	});

	test('a server without configuration: everything is added; the GET answering 404 is no error', async () => {
		const { sim } = ctx;
		const given = latestConfig(sim);
		sim.state.resolution.configVersions.length = 0;
		const r = await withConfigJson(sim, 'replace', JSON.stringify(given), DRY_RUN);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(applyJsonPatch({}, r.json[0].changes as unknown[])).toEqual(given);
		const compared = await withConfigJson(sim, 'compare', JSON.stringify(given));
		expect(compared.json[0]).toMatchObject({ identical: false });
	});
});
