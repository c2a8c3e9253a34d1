/** A change that would end every way to log in is refused, unless "Skip Lockout Check" is on. */
import type { INodeParameters } from 'n8n-workflow';

import { appState, CHANGE, changes, run, sent, useSimulator } from './helpers';

const ctx = useSimulator();
const P = '/rest/authconfig/1.0';

/** Login form hidden, fallback off, and IdP 2 the only enabled one. */
function lastWayIsIdp2() {
	const { sim } = ctx;
	Object.assign(sim.state.authconfig.sso, {
		'show-login-form': false,
		'enable-authentication-fallback': false,
	});
	for (const idp of sim.state.authconfig.idps) idp.enabled = idp.id === 2;
}

/** The change, its parameters, the error it gets, what it sends when the check is skipped, and IdP 2 after that (gone or disabled). */
const LOCKING: Array<[string, INodeParameters, RegExp, string[], unknown]> = [
	[
		'deleting the last enabled IdP',
		CHANGE.deleteIdp2,
		/^Deleting identity provider 2 would leave no way to log in/,
		[`DELETE ${P}/idps/2`],
		undefined,
	],
	[
		'disabling the last enabled IdP',
		{
			resource: 'identityProvider',
			operation: 'update',
			idpId: '2',
			updateFields: { enabled: false },
		},
		/^Disabling identity provider 2 would leave no way to log in/,
		[`PATCH ${P}/idps/2`],
		expect.objectContaining({ id: 2, enabled: false }),
	],
];

describe.each(LOCKING)(
	'%s while the login form is hidden and fallback is off',
	(_name, parameters, message, forcedSends, idp2After) => {
		test('refused: only reads sent, the server unchanged, the error says which way to keep open', async () => {
			const { sim } = ctx;
			lastWayIsIdp2();
			const before = appState(sim);
			const r = await run(sim, 'atlassianDcSso', parameters);
			expect(r.error?.message).toMatch(message);
			expect(r.error?.message).toMatch(
				/the login form hidden, authentication fallback off and no enabled identity provider/,
			);
			expect(r.error?.description).toMatch(
				/^Nothing was sent\. Keep one way open first: turn on "Show Login Form" or "Enable Authentication Fallback".*"Skip Lockout Check"/,
			);
			expect(changes(sim)).toEqual([]);
			expect(sent(sim)).toEqual([`GET ${P}/sso`, `GET ${P}/idps`]);
			expect(appState(sim)).toBe(before);
		});

		test('a dry run fails the same way, instead of showing a request the real run would refuse', async () => {
			const { sim } = ctx;
			lastWayIsIdp2();
			const r = await run(sim, 'atlassianDcSso', { ...parameters, options: { dryRun: true } });
			expect(r.error?.message).toMatch(message);
			expect(changes(sim)).toEqual([]);
		});

		test('with Skip Lockout Check: sent, nothing read first', async () => {
			const { sim } = ctx;
			lastWayIsIdp2();
			const r = await run(sim, 'atlassianDcSso', {
				...parameters,
				options: { skipLockoutCheck: true },
			});
			expect(r.error).toBeUndefined();
			expect(sent(sim)).toEqual(forcedSends);
			expect(changes(sim).map((q) => q.status)).toEqual([200]);
			expect(sim.state.authconfig.idps.find((i) => i.id === 2)).toEqual(idp2After);
		});
	},
);

test('deleting an IdP while another is enabled: allowed, the other IdP is what keeps a way open', async () => {
	const { sim } = ctx;
	lastWayIsIdp2();
	sim.state.authconfig.idps.find((i) => i.id === 3)!.enabled = true;
	const r = await run(sim, 'atlassianDcSso', CHANGE.deleteIdp2);
	expect(r.error).toBeUndefined();
	expect(sent(sim)).toEqual([`GET ${P}/sso`, `GET ${P}/idps`, `DELETE ${P}/idps/2`]);
	expect(sim.state.authconfig.idps.some((i) => i.id === 2)).toBe(false);
});

test('deleting the last enabled IdP while the login form is shown: allowed after reading the settings only', async () => {
	const { sim } = ctx;
	lastWayIsIdp2();
	sim.state.authconfig.sso['show-login-form'] = true;
	const r = await run(sim, 'atlassianDcSso', CHANGE.deleteIdp2);
	expect(r.error).toBeUndefined();
	expect(sent(sim)).toEqual([`GET ${P}/sso`, `DELETE ${P}/idps/2`]);
});

describe('SSO settings', () => {
	test('hiding the login form with fallback off and no enabled IdP: refused, nothing sent', async () => {
		const { sim } = ctx;
		for (const idp of sim.state.authconfig.idps) idp.enabled = false;
		const before = appState(sim);
		const r = await run(sim, 'atlassianDcSso', {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { showLoginForm: false },
		});
		expect(r.error?.message).toMatch(/^These SSO settings would leave no way to log in/);
		expect(changes(sim)).toEqual([]);
		expect(appState(sim)).toBe(before);
	});

	test('turning fallback off and the form off at once, with no enabled IdP: refused; with Skip Lockout Check: sent', async () => {
		const { sim } = ctx;
		for (const idp of sim.state.authconfig.idps) idp.enabled = false;
		const parameters = {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { showLoginForm: false, enableAuthenticationFallback: false },
		};
		expect((await run(sim, 'atlassianDcSso', parameters)).error?.message).toMatch(
			/would leave no way to log in/,
		);
		expect(changes(sim)).toEqual([]);
		const forced = await run(sim, 'atlassianDcSso', {
			...parameters,
			options: { skipLockoutCheck: true },
		});
		expect(forced.error).toBeUndefined();
		expect(sim.state.authconfig.sso).toMatchObject({
			'show-login-form': false,
			'enable-authentication-fallback': false,
		});
	});

	test('hiding the login form while an IdP is enabled: allowed', async () => {
		const { sim } = ctx;
		const r = await run(sim, 'atlassianDcSso', {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { showLoginForm: false },
		});
		expect(r.error).toBeUndefined();
		expect(sent(sim)).toEqual([`GET ${P}/sso`, `GET ${P}/idps`, `PATCH ${P}/sso`]);
		expect(sim.state.authconfig.sso['show-login-form']).toBe(false);
	});

	test('a change that opens a way (fallback on) cannot lock anybody out: nothing read first', async () => {
		const { sim } = ctx;
		lastWayIsIdp2();
		const r = await run(sim, 'atlassianDcSso', {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { enableAuthenticationFallback: true, showLoginForm: false },
		});
		expect(r.error).toBeUndefined();
		expect(sent(sim)).toEqual([`PATCH ${P}/sso`]);
	});
});

test('Skip Lockout Check is an option of exactly the operations the guard covers, off by default', async () => {
	const { resources } = await import('../../nodes/AtlassianDcSso/actions/resources');
	const withOption = resources.flatMap((r) =>
		r.operations
			.filter((o) =>
				o.properties.some(
					(p) => p.name === 'options' && JSON.stringify(p.options).includes('"skipLockoutCheck"'),
				),
			)
			.map((o) => `${String(r.option.value)}.${String(o.option.value)}`),
	);
	expect(withOption.sort()).toEqual([
		'identityProvider.delete',
		'identityProvider.update',
		'ssoSettings.update',
	]);
	const option = resources
		.flatMap((r) => r.operations)
		.flatMap((o) => o.properties)
		.flatMap((p) => (p.options ?? []) as Array<{ name: string; default?: unknown }>)
		.find((p) => p.name === 'skipLockoutCheck');
	expect(option?.default).toBe(false);
});

test("resolution: Skip Lockout Check is an option of exactly replace and patch (the guard's operations), off by default", async () => {
	const { resources } = await import('../../nodes/ResolutionSamlSso/actions/resources');
	const options = resources.flatMap((r) =>
		r.operations.flatMap((o) =>
			o.properties
				.filter((p) => p.name === 'options')
				.flatMap((p) => (p.options ?? []) as Array<{ name: string; default?: unknown }>)
				.filter((p) => p.name === 'skipLockoutCheck')
				.map((p) => ({
					operation: `${String(r.option.value)}.${String(o.option.value)}`,
					default: p.default,
				})),
		),
	);
	expect(options).toEqual([
		{ operation: 'config.replace', default: false },
		{ operation: 'config.patch', default: false },
	]);
});
