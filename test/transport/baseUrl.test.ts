/**
 * The credential's Base URL: `http(s)://host[:port][/context-path]` only. A query, a fragment or
 * `user:password@` is refused before anything is sent, by every node, the trigger, the editor's list
 * searches and the credential test, and the refusal never repeats the password.
 */
import type { INodeParameters } from 'n8n-workflow';

import { checkBaseUrl } from '../../nodes/shared/http';
import { testCredential } from '../harness/credentialTest';
import { listSearch } from '../harness/nodeMethods';
import { PollingWorkflow } from '../harness/pollingWorkflow';
import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic, LEAK_CANARY } from '../support/credentials';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ contextPath: '/jira' });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const withPassword = () => sim.url.replace('://', `://admin:${LEAK_CANARY}@`);
const BAD: Array<[string, () => string, string]> = [
	[
		'a query',
		() => `${sim.url}/?os_authType=basic`,
		'The Base URL contains a query (os_authType=…): remove it',
	],
	[
		'a fragment',
		() => `${sim.url}#/admin`,
		'The Base URL contains a fragment (#…): remove it and everything after it',
	],
	[
		'user:password@',
		withPassword,
		'The Base URL contains a user name or password (user:password@): remove it',
	],
	['no scheme', () => 'jira.example.com', 'The Base URL must start with https:// or http://'],
];

describe('checkBaseUrl', () => {
	test.each([
		['https://jira.example.com', 'https://jira.example.com'],
		[' https://example.com/jira// ', 'https://example.com/jira'],
		['http://JIRA.example.com:8080/', 'http://jira.example.com:8080'],
		['https://example.com/a/b/', 'https://example.com/a/b'],
	])('%s is accepted as %s', (raw, expected) => {
		expect(checkBaseUrl(raw)).toEqual({ ok: true, baseUrl: expected });
	});

	test.each([
		['https://x.example.com/?token=s3cret', 'The Base URL contains a query (token=…): remove it'],
		['https://x.example.com?', 'The Base URL contains a query (?): remove it'],
		[
			'https://x.example.com/#',
			'The Base URL contains a fragment (#…): remove it and everything after it',
		],
		[
			'https://admin@x.example.com',
			'The Base URL contains a user name or password (user:password@): remove it',
		],
		['https:///x.example.com', 'The Base URL must start with https:// or http://'],
		['ftp://x.example.com', 'The Base URL must start with https:// or http://'],
	])('%s is refused: %s', (raw, message) => {
		const check = checkBaseUrl(raw);
		expect(check).toMatchObject({ ok: false, message });
		expect(JSON.stringify(check)).not.toContain('s3cret');
	});

	test('os_authType=basic in the Base URL points to the credential switch', () => {
		expect(checkBaseUrl('https://x.example.com/?os_authType=basic')).toMatchObject({
			description: expect.stringContaining('"Add os_authType=basic"'),
		});
	});
});

describe.each(BAD)('a Base URL with %s is refused with nothing sent', (_, baseUrl, message) => {
	const credentials = () => adminBasic(sim, { baseUrl: baseUrl(), password: LEAK_CANARY });

	test('by every node (a read and a change)', async () => {
		const operations: Array<[string, INodeParameters]> = [
			['resolutionSamlSso', { resource: 'config', operation: 'get' }],
			['adAttributesSync', { resource: 'connection', operation: 'getAll' }],
			['kantegaSso', { resource: 'identityProvider', operation: 'getAll' }],
			['atlassianDcSso', { resource: 'identityProvider', operation: 'getAll' }],
			[
				'kantegaSso',
				{ resource: 'managedGroup', operation: 'add', idpId: '1ncq3jsPC74BGuNnfZPl', group: 'g' },
			],
		];
		const runs = [];
		for (const [node, parameters] of operations)
			runs.push(await runNode({ node, parameters, credentials: credentials() }));
		expect(runs).toHaveLength(5);
		for (const run of runs) {
			expect(run.error?.message).toBe(message);
			expect(run.error?.description).toMatch(/^Nothing was sent\. /);
			expect(JSON.stringify(run.error)).not.toContain(LEAK_CANARY);
		}
		expect(sim.requests).toHaveLength(0);
	});

	test('by the trigger', async () => {
		const trigger = PollingWorkflow.ofTrigger(
			{ event: 'configurationChanged', sources: ['atlassianIdentityProviders'] },
			credentials(),
		);
		const outcome = await trigger.poll();
		expect(outcome.error?.message).toBe(message);
		expect(JSON.stringify(outcome.error)).not.toContain(LEAK_CANARY);
		expect(sim.requests).toHaveLength(0);
	});

	test("by the editor's list search", async () => {
		const search = listSearch({
			node: 'kantegaSso',
			method: 'searchIdentityProviders',
			parameters: { resource: 'managedGroup', operation: 'getAll' },
			credentials: credentials(),
		});
		await expect(search).rejects.toThrow(message);
		expect(sim.requests).toHaveLength(0);
	});

	test('by the credential test', async () => {
		const result = await testCredential(credentials());
		expect(result.status).toBe('Error');
		expect(result.message.startsWith(`${message}. `)).toBe(true);
		expect(result.message).not.toContain(LEAK_CANARY);
		expect(sim.requests).toHaveLength(0);
	});
});

describe('Add os_authType=basic', () => {
	const read = { resource: 'identityProvider', operation: 'getAll' };

	test('adds os_authType=basic to every request of a Basic auth credential, the dry run shows it', async () => {
		const kantega = await runNode({
			node: 'kantegaSso',
			parameters: read,
			credentials: adminBasic(sim, { osAuthTypeBasic: true }),
		});
		const atlassian = await runNode({
			node: 'atlassianDcSso',
			parameters: read,
			credentials: adminBasic(sim, { osAuthTypeBasic: true }),
		});
		expect([kantega.error, atlassian.error]).toEqual([undefined, undefined]);
		// The Atlassian list keeps its own paging query beside it.
		expect(sim.requests.map((r) => r.query)).toEqual([
			{ os_authType: 'basic' },
			{ start: '0', limit: '50', os_authType: 'basic' },
		]);
		const dryRun = await runNode({
			node: 'kantegaSso',
			parameters: {
				resource: 'managedGroup',
				operation: 'add',
				idpId: '1ncq3jsPC74BGuNnfZPl',
				group: 'g',
				options: { dryRun: true },
			},
			credentials: adminBasic(sim, { osAuthTypeBasic: true }),
		});
		expect(dryRun.json[0].url).toMatch(/\?os_authType=basic$/);
	});

	test('is left out when off, and for a token', async () => {
		await runNode({ node: 'kantegaSso', parameters: read, credentials: adminBasic(sim) });
		await runNode({
			node: 'kantegaSso',
			parameters: read,
			credentials: {
				...adminBasic(sim, { osAuthTypeBasic: true }),
				authentication: 'personalAccessToken',
				personalAccessToken: 'admin-pat-token',
			},
		});
		expect(sim.requests.map((r) => r.query)).toEqual([{}, {}]);
	});

	test('the credential test sends it on the authenticated call only', async () => {
		const result = await testCredential(adminBasic(sim, { osAuthTypeBasic: true }));
		expect(result.status).toBe('OK');
		expect(
			sim.requests.map((r) => [Boolean(r.headers.authorization), r.query.os_authType]),
		).toEqual([
			[false, undefined],
			[true, 'basic'],
		]);
	});
});

test('a credential saved with the former Connections field still loads and works', async () => {
	for (const connections of ['reuse', 'perRequest']) {
		const run = await runNode({
			node: 'kantegaSso',
			parameters: { resource: 'identityProvider', operation: 'getAll' },
			credentials: adminBasic(sim, { connections }),
		});
		expect(run.error).toBeUndefined();
		expect(run.credentialsHelper.preAuthenticationCalls).toBe(sim.requests.length);
		sim.requests.length = 0;
		expect((await testCredential(adminBasic(sim, { connections }))).status).toBe('OK');
		sim.requests.length = 0;
	}
});
