import type { IDataObject } from 'n8n-workflow';

import { appRequests, calls, latestConfig, run, useSimulator } from './helpers';

const ctx = useSimulator();
const CONFIG = '/jira/rest/samlsso-admin/1.0/config';

describe('config.get', () => {
	test('outputs the running configuration as one item', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'config', operation: 'get' });
		expect(r.error).toBeUndefined();
		// Each IdP also carries certificateInfo beside its certificates (certificateInfo.test.ts); the rest is the configuration.
		const withoutInfo = (r.json[0].idps as IDataObject[]).map((idp) => {
			const copy = { ...idp };
			delete copy.certificateInfo;
			return copy;
		});
		expect({ ...r.json[0], idps: withoutInfo }).toEqual(latestConfig(sim));
		expect(r.json).toHaveLength(1);
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(appRequests(sim)[0].headers['x-atlassian-token']).toBeUndefined();
	});

	test('putOutputInFile outputs saml.json in binary "data", byte for byte', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'get',
			options: { putOutputInFile: true },
		});
		expect(r.error).toBeUndefined();
		const binary = r.items[0].binary?.data;
		expect(binary?.fileName).toBe('saml.json');
		expect(binary?.mimeType).toBe('application/json');
		const text = Buffer.from(binary!.data, 'base64').toString('utf8');
		expect(JSON.parse(text)).toEqual(latestConfig(sim));
	});

	test('an HTML login page instead of JSON is an error, not data', async () => {
		const { sim } = ctx;
		sim.setFault({ kind: 'htmlLogin', pathIncludes: '/config' });
		const r = await run(sim, { resource: 'config', operation: 'get' });
		expect(r.error?.message).toMatch(/HTML page instead of JSON/);
	});
});

describe('config.replace', () => {
	test('inputItem (default): PUTs the item JSON as it came, every field in its order', async () => {
		const { sim } = ctx;
		const edited = {
			...latestConfig(sim),
			redirectToSso: true,
			zExtra: { nested: [1, 'two', null] },
		};
		const before = sim.state.resolution.configVersions.length;
		const r = await run(sim, { resource: 'config', operation: 'replace' }, { input: [edited] });
		expect(r.error).toBeUndefined();
		const put = appRequests(sim);
		expect(put.map((q) => `${q.method} ${q.rawPath}`)).toEqual([`PUT ${CONFIG}`]);
		expect(put[0].body).toBe(JSON.stringify(edited));
		expect(put[0].headers['content-type']).toBe('application/json');
		expect(put[0].headers['x-atlassian-token']).toBe('no-check');
		expect(sim.state.resolution.configVersions.length).toBe(before + 1);
		expect(Object.keys(latestConfig(sim))).toEqual(Object.keys(edited));
		expect(latestConfig(sim)).toEqual(edited);
		expect(r.json).toEqual([edited]);
	});

	test('json source sends the exact text of the parameter', async () => {
		const { sim } = ctx;
		const text = '{\n  "zeta": 1,\n  "alpha": {"b": 2, "a": 1},\n  "redirectToSso": false\n}';
		const r = await run(sim, {
			resource: 'config',
			operation: 'replace',
			source: 'json',
			config: text,
		});
		expect(r.error).toBeUndefined();
		expect(appRequests(sim)[0].body).toBe(text);
		expect(latestConfig(sim)).toEqual({ zeta: 1, alpha: { b: 2, a: 1 }, redirectToSso: false });
	});

	test('binary source sends the file exactly (saml.json downloaded by Get)', async () => {
		const { sim } = ctx;
		const text = JSON.stringify(
			{ ...latestConfig(sim), entityId: 'https://jira.clone.example.com/plugins/servlet/samlsso' },
			null,
			2,
		);
		const inputItems = [
			{
				json: {},
				binary: {
					data: {
						data: Buffer.from(text).toString('base64'),
						mimeType: 'application/json',
						fileName: 'saml.json',
					},
				},
			},
		];
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace', source: 'binary' },
			{ inputItems },
		);
		expect(r.error).toBeUndefined();
		expect(appRequests(sim)[0].body).toBe(text);
		expect(latestConfig(sim).entityId).toBe(
			'https://jira.clone.example.com/plugins/servlet/samlsso',
		);
	});

	test('binary source with another property name, and a missing property is refused', async () => {
		const { sim } = ctx;
		const text = '{"redirectToSso":true,"nossoEnabled":true}';
		const inputItems = [
			{
				json: {},
				binary: {
					backup: { data: Buffer.from(text).toString('base64'), mimeType: 'application/json' },
				},
			},
		];
		const ok = await run(
			sim,
			{ resource: 'config', operation: 'replace', source: 'binary', binaryPropertyName: 'backup' },
			{ inputItems },
		);
		expect(ok.error).toBeUndefined();
		expect(appRequests(sim)[0].body).toBe(text);
		sim.requests.length = 0;
		const missing = await run(
			sim,
			{ resource: 'config', operation: 'replace', source: 'binary' },
			{ inputItems },
		);
		expect(missing.error?.message).toMatch(/no binary property "data"/);
		expect(appRequests(sim)).toHaveLength(0);
	});

	const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
		['an empty object', { input: [{}] }, /empty object/],
		[
			'a wrapped n8n item',
			{ input: [{ json: { redirectToSso: true }, pairedItem: { item: 0 } }] },
			/wrapped n8n item/,
		],
		[
			'an HTML page in a field',
			{ input: [{ data: '<!DOCTYPE html><html><title>Log in</title></html>' }] },
			/HTML page in "data"/,
		],
		[
			'a dry-run output',
			{ input: [{ dryRun: true, method: 'PUT', url: 'x', body: {} }] },
			/output of a dry run/,
		],
		['an error output', { input: [{ error: 'boom' }] }, /error output/],
		[
			'a JSON array',
			{ params: { source: 'json', config: '[{"redirectToSso": true}]' } },
			/must be a JSON object, got an array/,
		],
		[
			'a JSON string',
			{ params: { source: 'json', config: '"config"' } },
			/must be a JSON object, got a string/,
		],
		[
			'HTML text',
			{ params: { source: 'json', config: '<html><body>Login</body></html>' } },
			/HTML page, not JSON/,
		],
		[
			'invalid JSON',
			{ params: { source: 'json', config: '{"redirectToSso": tru' } },
			/not valid JSON/,
		],
		['an empty JSON object', { params: { source: 'json', config: '{}' } }, /empty object/],
		[
			'an HTML file',
			{ binary: '<!doctype html>\n<html><head><title>Log in</title></head></html>' },
			/HTML page, not JSON/,
		],
		['an empty file', { binary: '' }, /is empty/],
	];
	test.each(refusals)('refuses %s and sends nothing', async (_name, setup, message) => {
		const { sim } = ctx;
		const before = JSON.stringify(sim.state.resolution.configVersions);
		const inputItems =
			typeof setup.binary === 'string'
				? [
						{
							json: {},
							binary: {
								data: { data: Buffer.from(setup.binary).toString('base64'), mimeType: 'text/html' },
							},
						},
					]
				: undefined;
		const parameters = {
			resource: 'config',
			operation: 'replace',
			...(inputItems ? { source: 'binary' } : {}),
			...((setup.params as object) ?? {}),
		};
		const r = await run(sim, parameters, {
			input: setup.input as IDataObject[] | undefined,
			inputItems,
		});
		expect(r.error?.message).toMatch(message);
		expect(r.error?.description).toMatch(/^Nothing was sent/);
		expect(sim.requests).toHaveLength(0);
		expect(JSON.stringify(sim.state.resolution.configVersions)).toBe(before);
	});

	test('dryRun sends only a GET and outputs the request with what it would change', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'replace',
			source: 'json',
			config: '{"redirectToSso":true,"nossoEnabled":true}',
			options: { dryRun: true },
		});
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json).toEqual([
			expect.objectContaining({
				dryRun: true,
				method: 'PUT',
				url: `${sim.url}/rest/samlsso-admin/1.0/config`,
				body: { redirectToSso: true, nossoEnabled: true },
			}),
		]);
		expect(r.json[0].summary).toEqual(
			expect.arrayContaining(['redirectToSso changed: false → true', 'idps removed']),
		);
	});

	test('includePrevious outputs {previous, current}', async () => {
		const { sim } = ctx;
		const old = latestConfig(sim);
		const next = { ...old, redirectToSso: true };
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace', options: { includePrevious: true } },
			{ input: [next] },
		);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`, `PUT ${CONFIG}`]);
		expect(r.json).toEqual([{ previous: old, current: next }]);
	});

	test('includePrevious on an instance without configuration: previous is null', async () => {
		const { sim } = ctx;
		sim.state.resolution.configVersions = [];
		const next = { redirectToSso: false, idps: [] };
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace', options: { includePrevious: true } },
			{ input: [next] },
		);
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([{ previous: null, current: next }]);
		expect(sim.state.resolution.configVersions).toEqual([next]);
	});

	test('one run for the one configuration: several input items are refused before anything is sent, even with continueOnFail', async () => {
		const { sim } = ctx;
		const good = { ...latestConfig(sim), redirectToSso: true };
		const versions = sim.state.resolution.configVersions.length;
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace' },
			{ input: [good, good], continueOnFail: true },
		);
		expect(r.error?.message).toMatch(
			/changes one object of the whole instance, but the node got 2 input items/,
		);
		expect(r.error?.description).toMatch(/"Execute Once"/);
		expect(calls(sim)).toEqual([]);
		expect(sim.state.resolution.configVersions).toHaveLength(versions);
	});
});

describe('config.patch', () => {
	test('merge patch (default) with its content type', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'patch',
			mergePatch: '{"redirectToSso": true, "trackingEnabled": null}',
		});
		expect(r.error).toBeUndefined();
		// The redirect turned on: the configuration is read first (lockout check), then patched.
		expect(calls(sim)).toEqual([`GET ${CONFIG}`, `PATCH ${CONFIG}`]);
		const [, req] = appRequests(sim);
		expect(`${req.method} ${req.rawPath}`).toBe(`PATCH ${CONFIG}`);
		expect(req.headers['content-type']).toBe('application/merge-patch+json');
		expect(req.headers['x-atlassian-token']).toBe('no-check');
		expect(JSON.parse(req.body)).toEqual({ redirectToSso: true, trackingEnabled: null });
		expect(latestConfig(sim).redirectToSso).toBe(true);
		expect('trackingEnabled' in latestConfig(sim)).toBe(false);
		expect(r.json[0].redirectToSso).toBe(true);
	});

	test('JSON Patch with its content type; includePrevious outputs {previous, current}', async () => {
		const { sim } = ctx;
		const old = latestConfig(sim);
		const ops = [
			{ op: 'test', path: '/redirectToSso', value: false },
			{ op: 'replace', path: '/redirectToSso', value: true },
			{
				op: 'replace',
				path: '/idps/1/metadataurl',
				value: 'https://idp.clone.example.com/metadata',
			},
		];
		const r = await run(sim, {
			resource: 'config',
			operation: 'patch',
			patchFormat: 'jsonPatch',
			jsonPatch: JSON.stringify(ops),
			options: { includePrevious: true },
		});
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`, `PATCH ${CONFIG}`]);
		const patchReq = appRequests(sim)[1];
		expect(patchReq.headers['content-type']).toBe('application/json-patch+json');
		expect(JSON.parse(patchReq.body)).toEqual(ops);
		expect(r.json[0].previous).toEqual(old);
		expect((r.json[0].current as IDataObject).redirectToSso).toBe(true);
		expect((latestConfig(sim).idps as IDataObject[])[1].metadataurl).toBe(
			'https://idp.clone.example.com/metadata',
		);
	});

	test('a failed "test" op is the server\'s error, config unchanged', async () => {
		const { sim } = ctx;
		const before = sim.state.resolution.configVersions.length;
		const r = await run(sim, {
			resource: 'config',
			operation: 'patch',
			patchFormat: 'jsonPatch',
			jsonPatch: '[{"op":"test","path":"/redirectToSso","value":true}]',
		});
		expect(r.error?.message).toMatch(/PATCH \/rest\/samlsso-admin\/1.0\/config answered 409/);
		expect(sim.state.resolution.configVersions.length).toBe(before);
	});

	const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
		['merge patch array', { mergePatch: '[1]' }, /merge patch must be a JSON object/],
		['empty merge patch', { mergePatch: '{}' }, /merge patch is empty/],
		[
			'JSON Patch object',
			{ patchFormat: 'jsonPatch', jsonPatch: '{"op":"add"}' },
			/must be an array/,
		],
		['empty JSON Patch', { patchFormat: 'jsonPatch', jsonPatch: '[]' }, /is empty/],
		[
			'bad op',
			{
				patchFormat: 'jsonPatch',
				jsonPatch: '[{"op":"replace","path":"/a","value":1},{"op":"update","path":"/b","value":1}]',
			},
			/operation at index 1: "op" must be one of/,
		],
		[
			'path not a pointer',
			{ patchFormat: 'jsonPatch', jsonPatch: '[{"op":"remove","path":"redirectToSso"}]' },
			/index 0: "path" must be a JSON pointer/,
		],
		[
			'bad escape',
			{ patchFormat: 'jsonPatch', jsonPatch: '[{"op":"remove","path":"/a~2b"}]' },
			/index 0: "path"/,
		],
		[
			'replace without value',
			{ patchFormat: 'jsonPatch', jsonPatch: '[{"op":"replace","path":"/redirectToSso"}]' },
			/index 0: "replace" needs a "value"/,
		],
		[
			'copy without from',
			{
				patchFormat: 'jsonPatch',
				jsonPatch:
					'[{"op":"add","path":"/x","value":1},{"op":"test","path":"/x","value":1},{"op":"copy","path":"/y"}]',
			},
			/index 2: "copy" needs "from"/,
		],
		[
			'move into own child',
			{ patchFormat: 'jsonPatch', jsonPatch: '[{"op":"move","from":"/idps","path":"/idps/0"}]' },
			/index 0: "move" cannot move/,
		],
		['not JSON', { patchFormat: 'jsonPatch', jsonPatch: '[{"op":' }, /not valid JSON/],
	];
	test.each(invalid)('refuses %s and sends nothing', async (_name, params, message) => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'config', operation: 'patch', ...params });
		expect(r.error?.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});

	test('dryRun outputs the patch and what it would change, and sends only a GET', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'patch',
			mergePatch: '{"redirectToSso": true}',
			options: { dryRun: true, includePrevious: true },
		});
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json).toEqual([
			{
				dryRun: true,
				method: 'PATCH',
				url: `${sim.url}/rest/samlsso-admin/1.0/config`,
				body: { redirectToSso: true },
				changes: [{ op: 'replace', path: '/redirectToSso', value: true }],
				summary: ['redirectToSso changed: false → true'],
			},
		]);
	});
});

describe('config.delete', () => {
	test('without confirm: fails, says what would be deleted, sends nothing', async () => {
		const { sim } = ctx;
		const before = sim.state.resolution.configVersions.length;
		const r = await run(sim, { resource: 'config', operation: 'delete' });
		expect(r.error?.message).toMatch(
			/Not confirmed: this would delete the running SAML SSO configuration/,
		);
		expect(sim.requests).toHaveLength(0);
		expect(sim.state.resolution.configVersions.length).toBe(before);
	});

	test('with confirm: DELETE removes the latest version only', async () => {
		const { sim } = ctx;
		const versions = sim.state.resolution.configVersions.slice();
		const r = await run(sim, { resource: 'config', operation: 'delete', confirm: true });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([{ deleted: true }]);
		expect(calls(sim)).toEqual([`DELETE ${CONFIG}`]);
		expect(appRequests(sim)[0].headers['x-atlassian-token']).toBe('no-check');
		expect(sim.state.resolution.configVersions).toEqual(versions.slice(0, -1));
	});

	test('dryRun with confirm sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'delete',
			confirm: true,
			options: { dryRun: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(r.json).toEqual([
			{
				dryRun: true,
				method: 'DELETE',
				url: `${sim.url}/rest/samlsso-admin/1.0/config`,
				body: null,
			},
		]);
	});
});

describe('config.resetEntityId', () => {
	test('POST /reset/entityid; the entity id becomes the base URL one', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'config', operation: 'resetEntityId' });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([
			{
				previousEntityId: 'https://jira.prod.example.com/plugins/servlet/samlsso',
				entityId: `${sim.url}/plugins/servlet/samlsso`,
			},
		]);
		expect(calls(sim)).toEqual([
			`GET ${CONFIG}`,
			'POST /jira/rest/samlsso-admin/1.0/reset/entityid',
			`GET ${CONFIG}`,
		]);
		expect(appRequests(sim)[1].headers['x-atlassian-token']).toBe('no-check');
		expect(latestConfig(sim).entityId).toBe(`${sim.url}/plugins/servlet/samlsso`);
	});

	test('dryRun sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'resetEntityId',
			options: { dryRun: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(r.json[0]).toMatchObject({
			dryRun: true,
			method: 'POST',
			url: `${sim.url}/rest/samlsso-admin/1.0/reset/entityid`,
		});
	});
});
