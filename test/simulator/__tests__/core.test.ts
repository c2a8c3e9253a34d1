import type { FaultKind, Simulator } from '../index';
import { startSimulator } from '../index';
import { freezeClock, until } from '../../harness/frozenClock';
import { ADMIN, ADMIN_PAT, basic, call, USER_PAT, XSRF } from './helpers';

describe('simulator core', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator({ contextPath: '/jira', adUsers: 100 });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	const CONFIG = '/rest/samlsso-admin/1.0/config';

	it('serves everything under the context path and records raw encoded paths', async () => {
		// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
		sim.state.variants.allowEncodedSlash = true;
		expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/jira`);
		expect((await call(`http://127.0.0.1:${sim.port}${CONFIG}`, { headers: ADMIN })).status).toBe(
			404,
		);
		const res = await call(
			`${sim.url}/rest/ksso/api/idp/1.0/managedgroups/1ncq3jsPC74BGuNnfZPl/groups/Team%20A%2FOps?x=1&x=2`,
			{ headers: ADMIN_PAT },
		);
		expect(res.status).toBe(204);
		const last = sim.requests[sim.requests.length - 1];
		expect(last.rawPath).toBe(
			'/jira/rest/ksso/api/idp/1.0/managedgroups/1ncq3jsPC74BGuNnfZPl/groups/Team%20A%2FOps',
		);
		expect(last.path).toBe(
			'/rest/ksso/api/idp/1.0/managedgroups/1ncq3jsPC74BGuNnfZPl/groups/Team%20A%2FOps',
		);
		expect(last.query).toEqual({ x: ['1', '2'] });
		expect(last.user).toBe('admin');
		expect(last.status).toBe(204);
	});

	it('authenticates Basic and Bearer and locks an account into CAPTCHA after failures', async () => {
		expect((await call(`${sim.url}${CONFIG}`, { headers: ADMIN })).status).toBe(200);
		expect(
			(await call(`${sim.url}${CONFIG}`, { headers: { Authorization: 'Bearer nope' } })).status,
		).toBe(401);
		expect((await call(`${sim.url}${CONFIG}`)).status).toBe(401);
		for (let i = 0; i < 3; i++) {
			const bad = await call(`${sim.url}${CONFIG}`, {
				headers: { Authorization: basic('admin', 'wrong') },
			});
			expect(bad.status).toBe(401);
			expect(bad.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
		}
		const locked = await call(`${sim.url}${CONFIG}`, { headers: ADMIN });
		expect(locked.status).toBe(401);
		expect(locked.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATION_DENIED');
		expect(locked.headers.get('x-authentication-denied-reason')).toBe(
			`CAPTCHA_CHALLENGE; login-url=${sim.url}/login.jsp`,
		);
		expect((await call(`${sim.url}${CONFIG}`, { headers: ADMIN_PAT })).status).toBe(200);
		sim.reset();
		expect((await call(`${sim.url}${CONFIG}`, { headers: ADMIN })).status).toBe(200);
	});

	it('rejects mutations without the XSRF header and non-admins', async () => {
		const res = await call(`${sim.url}/rest/samlsso-admin/1.0/reset/entityid`, {
			method: 'POST',
			headers: ADMIN,
		});
		expect(res.status).toBe(403);
		expect(res.text).toBe('XSRF check failed');
		expect(
			(
				await call(`${sim.url}/rest/samlsso-admin/1.0/reset/entityid`, {
					method: 'POST',
					headers: { ...ADMIN, ...XSRF },
				})
			).status,
		).toBe(204);
		expect((await call(`${sim.url}${CONFIG}`, { headers: USER_PAT })).status).toBe(403);
		expect(
			(await call(`${sim.url}/rest/ksso/api/idp/1.0/idp/ids`, { headers: USER_PAT })).status,
		).toBe(401);
		expect(
			(await call(`${sim.url}/rest/ksso/api/info/1.0/ping`, { headers: USER_PAT })).status,
		).toBe(200);
	});

	it('answers Jersey 404 for unknown REST paths and uninstalled apps', async () => {
		const res = await call(`${sim.url}/rest/nothing/here`, { headers: ADMIN });
		expect(res.json()).toEqual({
			message: `null for uri: ${sim.url}/rest/nothing/here`,
			'status-code': 404,
		});
		const other = await startSimulator({ installedApps: ['kantega'], product: 'confluence' });
		try {
			expect((await call(`${other.url}${CONFIG}`, { headers: ADMIN })).status).toBe(404);
			expect((await call(`${other.url}/rest/api/2/myself`, { headers: ADMIN })).status).toBe(404);
			expect((await call(`${other.url}/rest/api/user/current`)).json()).toMatchObject({
				type: 'anonymous',
			});
			expect(
				(await call(`${other.url}/rest/api/user/current`, { headers: ADMIN })).json(),
			).toMatchObject({ type: 'known', username: 'admin' });
		} finally {
			await other.close();
		}
	});

	const expectations: Record<
		Exclude<FaultKind, 'connectionReset' | 'connectionResetAfterProcessing' | 'latency'>,
		(r: Awaited<ReturnType<typeof call>>) => void
	> = {
		rateLimit: (r) => {
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toBe('2');
			expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
		},
		unavailable: (r) => expect([r.status, r.headers.get('retry-after')]).toEqual([503, '2']),
		htmlLogin: (r) =>
			expect([r.status, r.headers.get('content-type')?.startsWith('text/html')]).toEqual([
				200,
				true,
			]),
		redirect: (r) => {
			expect(r.status).toBe(302);
			expect(r.headers.get('location')).toBe(
				`${sim.url}/login.jsp?os_destination=${encodeURIComponent(CONFIG)}`,
			);
		},
		captcha: (r) =>
			expect(r.headers.get('x-authentication-denied-reason')).toContain('CAPTCHA_CHALLENGE'),
		basicDisabled: (r) =>
			expect(r.json()).toEqual({
				message: 'Basic Authentication has been disabled on this instance.',
			}),
		websudo: (r) =>
			expect([r.status, r.json()]).toEqual([401, { message: 'This resource requires WebSudo.' }]),
		truncatedJson: (r) => expect(() => r.json()).toThrow(),
		serverError: (r) => expect(r.status).toBe(500),
		rateLimitNoRetryAfter: (r) =>
			expect([r.status, r.headers.get('retry-after')]).toEqual([429, null]),
		emptyBody: (r) =>
			expect([
				r.status,
				r.text,
				r.headers.get('content-type')?.startsWith('application/json'),
			]).toEqual([200, '', true]),
		appNotInstalled: (r) =>
			expect([r.status, r.json()]).toEqual([
				404,
				{ message: `null for uri: ${sim.url}${CONFIG}`, 'status-code': 404 },
			]),
	};

	it.each(Object.keys(expectations) as Array<keyof typeof expectations>)(
		'fault %s fires `times` times then stops',
		async (kind) => {
			sim.setFault({ kind, times: 2, retryAfterSeconds: 2, pathIncludes: '/config' });
			expect((await call(`${sim.url}/rest/authconfig/1.0/login-options`)).status).toBe(200);
			for (let i = 0; i < 2; i++)
				expectations[kind](await call(`${sim.url}${CONFIG}`, { headers: ADMIN }));
			expect((await call(`${sim.url}${CONFIG}`, { headers: ADMIN })).status).toBe(200);
		},
	);

	it('lets `skip` matching requests pass before a fault hits', async () => {
		sim.setFault({ kind: 'serverError', skip: 1, times: 1, pathIncludes: '/config' });
		const statuses = [];
		for (let i = 0; i < 3; i++)
			statuses.push((await call(`${sim.url}${CONFIG}`, { headers: ADMIN })).status);
		expect(statuses).toEqual([200, 500, 200]);
	});

	it('resets connections and adds latency without blocking', async () => {
		sim.setFault({ kind: 'connectionReset', times: 1 });
		await expect(fetch(`${sim.url}${CONFIG}`, { headers: ADMIN })).rejects.toThrow();
		expect(sim.requests[0].status).toBe(0);
		sim.setFault({ kind: 'connectionReset', times: 1 });
		await expect(
			fetch(`${sim.url}${CONFIG}`, {
				method: 'DELETE',
				headers: { ...ADMIN, 'X-Atlassian-Token': 'no-check' },
			}),
		).rejects.toThrow();
		expect(sim.state.resolution.configVersions).toHaveLength(2);
		sim.setFault({ kind: 'connectionResetAfterProcessing', times: 1 });
		await expect(
			fetch(`${sim.url}${CONFIG}`, {
				method: 'DELETE',
				headers: { ...ADMIN, 'X-Atlassian-Token': 'no-check' },
			}),
		).rejects.toThrow();
		expect(sim.state.resolution.configVersions).toHaveLength(1);
		sim.setFault({ kind: 'latency', ms: 300, times: 1, pathIncludes: '/config' });
		// On a clock that stands still until the test moves it: the delayed answer waits for it, the other does not.
		const clock = freezeClock();
		let slowAnswered = false;
		const slow = call(`${sim.url}${CONFIG}`, { headers: ADMIN }).then((r) => {
			slowAnswered = true;
			return r.status;
		});
		try {
			await until(() => sim.requests.length === 4, 'the delayed request at the simulator');
			expect((await call(`${sim.url}/rest/applinks/1.0/manifest`)).status).toBe(200);
			expect([slowAnswered, clock.timersOf(300).map((t) => t.state)]).toEqual([false, ['pending']]);
			await clock.advance(299);
			expect(clock.timersOf(300).map((t) => t.state)).toEqual(['pending']);
			await clock.advance(1);
			expect(clock.timersOf(300).map((t) => t.state)).toEqual(['fired']);
		} finally {
			await clock.advance(300);
		}
		expect(await slow).toBe(200);
		expect(sim.requests.slice(3).map((r) => r.path)).toEqual([
			CONFIG,
			'/rest/applinks/1.0/manifest',
		]);
	});

	it('offers control endpoints over HTTP', async () => {
		await call(`${sim.url}/rest/applinks/1.0/manifest`);
		expect(((await call(`${sim.url}/__simulator/requests`)).json() as unknown[]).length).toBe(1);
		await call(`${sim.url}/__simulator/faults`, {
			method: 'POST',
			body: { kind: 'serverError', times: 1 },
		});
		expect((await call(`${sim.url}/rest/applinks/1.0/manifest`)).status).toBe(500);
		await call(`${sim.url}/__simulator/state`, {
			method: 'PATCH',
			body: [{ op: 'replace', path: '/resolution/connectors/0/failWithCount', value: 3 }],
		});
		expect(sim.state.resolution.connectors[0].failWithCount).toBe(3);
		await call(`${sim.url}/__simulator/reset`, { method: 'POST' });
		expect(sim.requests).toHaveLength(0);
		expect(sim.state.resolution.connectors[0].failWithCount).toBe(0);
	});
});
