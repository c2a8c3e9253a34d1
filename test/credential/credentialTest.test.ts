import { testCredential } from '../harness/credentialTest';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic, adminToken, LEAK_CANARY } from '../support/credentials';

describe.each([
	['jira', '/jira', 'Jira'],
	['confluence', '/confluence', 'Confluence'],
	['bitbucket', '', 'Bitbucket'],
] as const)('against %s', (product, contextPath, label) => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ product, contextPath });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.reset());

	test('a sysadmin passes with Basic auth and with a token, in one authenticated request', async () => {
		for (const credentials of [adminBasic(sim), adminToken(sim)]) {
			sim.requests.length = 0;
			const result = await testCredential(credentials);
			expect(result.status).toBe('OK');
			expect(result.message).toMatch(new RegExp(`^Connected to ${label} \\S+ as admin$`));
			expect(sim.requests.filter((r) => r.headers.authorization)).toHaveLength(1);
		}
	});

	test('a wrong password fails clearly, counted once', async () => {
		const result = await testCredential(adminBasic(sim, { password: LEAK_CANARY }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Authentication failed: wrong username, password or token/);
		expect(result.message).not.toContain(LEAK_CANARY);
		expect(sim.state.loginFailures.admin).toBe(1);
	});

	test('a wrong token fails clearly', async () => {
		const result = await testCredential({ ...adminToken(sim), personalAccessToken: LEAK_CANARY });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Authentication failed|Not authorized|did not accept/);
		expect(result.message).not.toContain(LEAK_CANARY);
	});
});

describe('failures that say what to fix', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ contextPath: '/jira' });
	});
	afterAll(async () => await sim.close());
	beforeEach(() => sim.reset());

	test('CAPTCHA', async () => {
		sim.setFault({ kind: 'captcha', pathIncludes: '/rest/api/2/myself' });
		const result = await testCredential(adminBasic(sim));
		expect(result.message).toMatch(
			/^Login blocked by a CAPTCHA challenge.*Log in once as this user in a browser/,
		);
	});

	test('Basic auth disabled', async () => {
		sim.setFault({ kind: 'basicDisabled' });
		const result = await testCredential(adminBasic(sim));
		expect(result.message).toMatch(
			/^Basic authentication is disabled on this instance.*personal access token/,
		);
	});

	test('a base URL without the context path is not an Atlassian instance', async () => {
		const result = await testCredential({
			...adminBasic(sim),
			baseUrl: sim.url.replace(/\/jira$/, ''),
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^No Jira, Confluence or Bitbucket Data Center answers at .*context path/,
		);
	});

	test('an SSO login page instead of JSON', async () => {
		sim.setFault({ kind: 'htmlLogin', pathIncludes: '/rest/api/2/myself' });
		const result = await testCredential(adminBasic(sim));
		expect(result.message).toMatch(/^Got an HTML page instead of JSON/);
	});

	test('a base URL that is not a URL', async () => {
		const result = await testCredential({ ...adminBasic(sim), baseUrl: 'jira.example.com' });
		expect(result.message).toMatch(/^The Base URL must start with https:\/\//);
		expect(sim.requests).toHaveLength(0);
	});

	test('nothing listening', async () => {
		const result = await testCredential({ ...adminBasic(sim), baseUrl: 'http://127.0.0.1:9' });
		expect(result.message).toMatch(/^Could not reach http:\/\/127.0.0.1:9/);
	});
});

test("both calls go through n8n's request helper: the anonymous one first, then exactly one with the credential", async () => {
	const sim = await startSimulator({ contextPath: '/jira' });
	try {
		const result = await testCredential(adminBasic(sim));
		expect(result.status).toBe('OK');
		// n8n's helper asks for a new connection per request ("Connection: close").
		expect(
			sim.requests.map(
				(r) =>
					`${r.method} ${r.path} ${r.headers.authorization ? 'authenticated' : 'anonymous'} ${r.headers.connection}`,
			),
		).toEqual([
			'GET /rest/applinks/1.0/manifest anonymous close',
			'GET /rest/api/2/myself authenticated close',
		]);
	} finally {
		await sim.close();
	}
});
