/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type AddressInfo } from 'node:net';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import { startSimulator, type Fault, type Simulator } from '../simulator';
import { adminBasic, adminToken, LEAK_CANARY } from '../support/credentials';

const IDP = '1ncq3jsPC74BGuNnfZPl';

/** A loopback port nothing listens on (taken from the system, then released). */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}
const listIdps = { resource: 'identityProvider', operation: 'getAll' };

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ contextPath: '/jira' });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

describe("the transport, through n8n's request helper", () => {
	const basic = (extra: ICredentialDataDecryptedObject = {}) => adminBasic(sim, extra);
	const token = () => adminToken(sim);

	describe('headers, context path and encoding', () => {
		test('a read sends Accept and the User-Agent, no XSRF header, and keeps the context path', async () => {
			const run = await runNode({ node: 'kantegaSso', parameters: listIdps, credentials: token() });
			expect(run.error).toBeUndefined();
			expect(run.json.length).toBeGreaterThan(1);
			const [request] = sim.requests;
			expect(request.rawPath).toBe('/jira/rest/ksso/api/idp/1.0/idp/ids');
			expect(request.headers.accept).toBe('application/json');
			expect(request.headers['user-agent']).toMatch(/^n8n-nodes-atlassian-dc-identity\//);
			expect(request.headers.authorization).toBe('Bearer admin-pat-token');
			expect(request.headers['x-atlassian-token']).toBeUndefined();
		});

		test('every mutating request carries X-Atlassian-Token: no-check, and Basic auth', async () => {
			for (const operation of ['add', 'remove']) {
				await runNode({
					node: 'kantegaSso',
					parameters: { resource: 'managedGroup', operation, idpId: IDP, group: 'new group' },
					credentials: basic(),
				});
			}
			expect(sim.requests.map((r) => [r.method, r.status])).toEqual([
				['POST', 204],
				['DELETE', 204],
			]);
			for (const request of sim.requests) {
				expect(request.headers['x-atlassian-token']).toBe('no-check');
				expect(request.headers.authorization).toMatch(/^Basic /);
			}
		});

		test('a name with a slash, spaces and accents is one encoded path segment', async () => {
			// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
			sim.state.variants.allowEncodedSlash = true;
			const run = await runNode({
				node: 'kantegaSso',
				parameters: {
					resource: 'managedGroup',
					operation: 'check',
					idpId: IDP,
					group: 'Team A/Ops',
				},
				credentials: basic(),
			});
			expect(run.json).toEqual([{ idpId: IDP, group: 'Team A/Ops', exists: true }]);
			expect(sim.requests[0].rawPath).toBe(
				`/jira/rest/ksso/api/idp/1.0/managedgroups/${IDP}/groups/Team%20A%2FOps`,
			);
			await runNode({
				node: 'kantegaSso',
				parameters: {
					resource: 'managedGroup',
					operation: 'check',
					idpId: IDP,
					group: 'Développeurs Zürich',
				},
				credentials: basic(),
			});
			expect(sim.requests[1].rawPath).toMatch(/groups\/D%C3%A9veloppeurs%20Z%C3%BCrich$/);
		});
	});

	describe('retries', () => {
		test('429 waits for Retry-After and retries, for a POST too', async () => {
			sim.setFault({ kind: 'rateLimit', times: 1, retryAfterSeconds: 1, method: 'POST' });
			const started = Date.now();
			const run = await runNode({
				node: 'kantegaSso',
				parameters: { resource: 'managedGroup', operation: 'add', idpId: IDP, group: 'g1' },
				credentials: basic(),
			});
			expect(run.error).toBeUndefined();
			expect(sim.requests.map((r) => r.status)).toEqual([429, 204]);
			expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		});

		test('503 is retried', async () => {
			sim.setFault({ kind: 'unavailable', times: 2, retryAfterSeconds: 0 });
			const run = await runNode({ node: 'kantegaSso', parameters: listIdps, credentials: basic() });
			expect(run.error).toBeUndefined();
			expect(sim.requests.map((r) => r.status)).toEqual([503, 503, 200]);
		});

		test('retries are bounded, and a Retry-After too long to wait is reported, not waited for', async () => {
			sim.setFault({ kind: 'rateLimit', retryAfterSeconds: 0 });
			const bounded = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: basic(),
			});
			expect(bounded.error?.message).toMatch(
				/Rate limited by Data Center \(GET \/rest\/ksso\/api\/idp\/1.0\/idp\/ids answered 429\)/,
			);
			expect(sim.requests).toHaveLength(4);
			sim.reset();
			sim.setFault({ kind: 'rateLimit', retryAfterSeconds: 3600 });
			const tooLong = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: basic(),
			});
			expect(tooLong.error?.message).toMatch(/Rate limited/);
			expect(sim.requests).toHaveLength(1);
		});

		test('a reset connection is retried for a read, never for a DELETE', async () => {
			sim.setFault({ kind: 'connectionReset', times: 1 });
			const read = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: basic(),
			});
			expect(read.error).toBeUndefined();
			expect(sim.requests.map((r) => r.status)).toEqual([0, 200]);
			sim.reset();
			sim.setFault({ kind: 'connectionReset', times: 1 });
			const write = await runNode({
				node: 'kantegaSso',
				parameters: {
					resource: 'managedGroup',
					operation: 'remove',
					idpId: IDP,
					group: 'jira-administrators',
				},
				credentials: basic(),
			});
			expect(write.error?.message).toMatch(/Could not reach Data Center/);
			expect(sim.requests).toHaveLength(1);
		});

		test('a wrong password reaches the server exactly once, although n8n retries 401s with preAuthentication', async () => {
			const run = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: basic({ password: LEAK_CANARY }),
			});
			expect(run.error?.message).toBe(
				'Authentication failed: wrong username, password or token (GET /rest/ksso/api/idp/1.0/idp/ids answered 401)',
			);
			// The one request went through n8n's helper (which asks the credential's preAuthentication once per request).
			expect(run.credentialsHelper.preAuthenticationCalls).toBe(1);
			expect(sim.requests).toHaveLength(1);
			expect(sim.state.loginFailures.admin).toBe(1);
		});

		test('after repeated failures the CAPTCHA lock is reported as such, and not retried', async () => {
			for (let i = 0; i < 3; i++) {
				await runNode({
					node: 'kantegaSso',
					parameters: listIdps,
					credentials: basic({ password: LEAK_CANARY }),
				});
			}
			const run = await runNode({ node: 'kantegaSso', parameters: listIdps, credentials: basic() });
			expect(run.error?.message).toMatch(/^Login blocked by a CAPTCHA challenge/);
			expect(run.error?.description).toMatch(/Log in once as this user in a browser/);
			expect(sim.requests).toHaveLength(4);
		});
	});

	describe('errors say what to fix, and never show a credential', () => {
		const cases: Array<[Fault['kind'], RegExp]> = [
			['htmlLogin', /^Got an HTML page instead of JSON/],
			['redirect', /^Redirected instead of answering JSON/],
			['captcha', /^Login blocked by a CAPTCHA challenge/],
			['basicDisabled', /^Basic authentication is disabled on this instance/],
			['websudo', /^This resource requires WebSudo/],
			['truncatedJson', /^The answer was not valid JSON/],
			['serverError', /^Server error \(GET .* answered 500\)/],
		];
		test.each(cases)('%s', async (kind, message) => {
			sim.setFault({ kind });
			const run = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: basic({ password: 'admin-password' }),
			});
			expect(run.error?.message).toMatch(message);
			expect(sim.requests).toHaveLength(1);
			expect(JSON.stringify(run.error)).not.toContain('admin-password');
			expect(JSON.stringify(run.error)).not.toContain(
				Buffer.from('admin:admin-password').toString('base64'),
			);
		});

		test('a token never appears in an error either', async () => {
			sim.setFault({ kind: 'serverError' });
			const run = await runNode({ node: 'kantegaSso', parameters: listIdps, credentials: token() });
			expect(run.error).toBeDefined();
			expect(JSON.stringify(run.error)).not.toContain('admin-pat-token');
		});

		test('an app that is not installed is told apart from an unknown id', async () => {
			const bare = await startSimulator({ installedApps: ['resolution'] });
			try {
				const run = await runNode({
					node: 'kantegaSso',
					parameters: listIdps,
					credentials: adminBasic(bare),
				});
				expect(run.error?.message).toMatch(
					/^Endpoint not found: the app is not installed or enabled/,
				);
			} finally {
				await bare.close();
			}
			const unknown = await runNode({
				node: 'kantegaSso',
				parameters: {
					resource: 'managedGroup',
					operation: 'remove',
					idpId: IDP,
					group: 'never-managed',
				},
				credentials: basic(),
			});
			expect(unknown.error?.message).toMatch(/^Not found \(DELETE .*never-managed answered 404\)/);
		});

		test('a non-admin is told that the apps need a sysadmin', async () => {
			const run = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: { ...basic(), username: 'user', password: 'user-password' },
			});
			expect(run.error?.message).toMatch(/^Not authorized/);
			expect(run.error?.description).toMatch(/System Administrator/);
		});

		test('an unreachable host names the base URL problem', async () => {
			const run = await runNode({
				node: 'kantegaSso',
				parameters: listIdps,
				credentials: { ...basic(), baseUrl: `http://127.0.0.1:${await closedPort()}/jira` },
			});
			expect(run.error?.message).toMatch(/^Could not reach Data Center: connection refused/);
			expect(run.error?.description).toMatch(/context path/);
			expect(run.error?.description).toMatch(/HTTP_PROXY/);
		});
	});

	describe('item loop', () => {
		test('continue on fail: a failing item becomes an error item, the others are done, all paired', async () => {
			// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
			sim.state.variants.allowEncodedSlash = true;
			const run = await runNode({
				node: 'kantegaSso',
				parameters: {
					resource: 'managedGroup',
					operation: 'remove',
					idpId: IDP,
					group: '={{ $json.group }}',
				},
				credentials: basic(),
				input: [
					{ group: 'jira-administrators' },
					{ group: 'never-managed' },
					{ group: 'Team A/Ops' },
				],
				continueOnFail: true,
			});
			expect(run.error).toBeUndefined();
			expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(run.json[0]).toEqual({ idpId: IDP, group: 'jira-administrators', removed: true });
			expect(run.json[1].error).toMatch(/^Not found/);
			expect(run.json[2]).toEqual({ idpId: IDP, group: 'Team A/Ops', removed: true });
			expect(sim.state.kantega.idps[0].managedGroups).not.toContain('Team A/Ops');
		});

		test('without continue on fail the error names its item', async () => {
			const run = await runNode({
				node: 'kantegaSso',
				parameters: {
					resource: 'managedGroup',
					operation: 'check',
					idpId: '={{ $json.idp }}',
					group: 'g',
				},
				credentials: basic(),
				input: [{ idp: IDP }, { idp: '' }],
			});
			expect(run.error?.message).toBe('The parameter "idpId" is empty');
			expect(run.error?.context?.itemIndex).toBe(1);
			expect(sim.requests).toHaveLength(1);
		});
	});
});
