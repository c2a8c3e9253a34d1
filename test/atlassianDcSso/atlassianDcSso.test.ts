import type { INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { der, pem, PREFIX, received, run } from './helpers';

let sim: Simulator;
const CP = '/jira';
const P = `${CP}${PREFIX}`;

beforeAll(async () => {
	sim = await startSimulator({ contextPath: CP });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

const idpIds = () => sim.state.authconfig.idps.map((i) => i.id);

/** Adds SAML IdPs so that the list has `total` entries. */
function growTo(total: number) {
	const template = sim.state.authconfig.idps[0];
	for (let id = sim.state.authconfig.idps.length + 1; id <= total; id++) {
		sim.state.authconfig.idps.push({ ...template, id, name: `IdP ${id}` });
	}
	sim.state.authconfig.nextId = total + 1;
}

describe('loginOption.getAll', () => {
	/** The login option of an IdP: its button and its login link on this instance. */
	const idpLogin = (id: number, buttonText: string) => ({
		type: 'IDP',
		id,
		'button-text': buttonText,
		'login-link': `${sim.url}/plugins/servlet/external-login/${id}`,
	});

	test('one item per login option, fields unchanged', async () => {
		const r = await run(sim, { resource: 'loginOption', operation: 'getAll' });
		expect(r.error).toBeUndefined();
		expect(received(sim)).toEqual([
			{ method: 'GET', rawPath: `${P}/login-options`, query: {}, body: undefined },
		]);
		expect(r.json).toEqual([
			{ type: 'LOGIN_FORM', id: 0 },
			idpLogin(1, 'Log in with IdP 1'),
			idpLogin(2, 'Log in with another IdP'),
			idpLogin(3, 'Log in with Okta OIDC'),
			idpLogin(6, 'Log in with ADFS customers'),
		]);
		expect(sim.requests[0].headers.accept).toBe('application/json');
	});
});

describe('identityProvider.getAll', () => {
	const list = (extra: object) =>
		run(sim, { resource: 'identityProvider', operation: 'getAll', ...extra });

	test('returnAll over several pages, kebab-case answers unchanged, no client secret', async () => {
		growTo(120);
		const r = await list({ returnAll: true });
		expect(r.error).toBeUndefined();
		expect(received(sim).map((q) => q.query)).toEqual([
			{ start: '0', limit: '50' },
			{ start: '50', limit: '50' },
			{ start: '100', limit: '50' },
		]);
		expect(r.json.map((i) => i.id)).toEqual(idpIds());
		expect(r.json[2]).toMatchObject({
			id: 3,
			'sso-type': 'OIDC',
			'client-id': 'okta-oidc-client',
			'jit-configuration': { 'mapping-email': '${email}' },
		});
		expect(JSON.stringify(r.json)).not.toContain('secret');
	});

	test('a limit within the first page costs one request asking for just that many', async () => {
		const r = await list({ returnAll: false, limit: 2 });
		expect(received(sim).map((q) => q.query)).toEqual([{ start: '0', limit: '2' }]);
		expect(r.json.map((i) => i.id)).toEqual([1, 2]);
	});

	test('a limit across a page boundary asks the second page for the rest only', async () => {
		growTo(120);
		const r = await list({ returnAll: false, limit: 60 });
		expect(received(sim).map((q) => q.query)).toEqual([
			{ start: '0', limit: '50' },
			{ start: '50', limit: '10' },
		]);
		expect(r.json.map((i) => i.id)).toEqual(idpIds().slice(0, 60));
	});

	test('default limit 50 with fewer IdPs stops at isLastPage', async () => {
		const r = await list({});
		expect(received(sim).map((q) => q.query)).toEqual([{ start: '0', limit: '50' }]);
		expect(r.json).toHaveLength(6);
	});

	test('empty list: one request, no items', async () => {
		sim.state.authconfig.idps = [];
		const r = await list({ returnAll: true });
		expect(r.error).toBeUndefined();
		expect(sim.requests).toHaveLength(1);
		expect(r.json).toEqual([]);
	});
});

describe('identityProvider.get', () => {
	test('answers the IdP unchanged', async () => {
		const r = await run(sim, { resource: 'identityProvider', operation: 'get', idpId: '5' });
		expect(received(sim)).toEqual([
			{ method: 'GET', rawPath: `${P}/idps/5`, query: {}, body: undefined },
		]);
		expect(r.json).toHaveLength(1);
		expect(r.json[0]).toMatchObject({
			id: 5,
			'discovery-enabled': false,
			'token-endpoint': expect.stringContaining('/token'),
		});
		expect(r.json[0]).not.toHaveProperty('client-secret');
	});

	test('a non-numeric id is refused before sending', async () => {
		const r = await run(sim, { resource: 'identityProvider', operation: 'get', idpId: '1/../2' });
		expect(r.error?.message).toMatch(/must be a number, not "1\/\.\.\/2"/);
		expect(sim.requests).toHaveLength(0);
	});

	test('an unknown id is a readable 404', async () => {
		const r = await run(sim, { resource: 'identityProvider', operation: 'get', idpId: '99' });
		expect(r.error?.message).toBe(`Not found (GET ${PREFIX}/idps/99 answered 404)`);
		expect(r.error?.description).toContain('No identity provider with id 99');
	});
});

describe('identityProvider.create', () => {
	const create = (extra: INodeParameters, more: object = {}) =>
		run(sim, { resource: 'identityProvider', operation: 'create', ...extra }, more);
	/** An OIDC identity provider with its client secret. */
	const KEYCLOAK_PROD = {
		ssoType: 'OIDC',
		name: 'Keycloak prod',
		issuerUrl: 'https://keycloak.example.com/realms/prod',
		clientId: 'jira',
		clientSecret: 's3cr3t-value',
	};

	test('SAML: camelCase parameters become the exact kebab-case body; PEM sent as base64 DER', async () => {
		const r = await create({
			ssoType: 'SAML',
			name: 'Entra ID',
			ssoUrl: 'https://login.example.com/saml2',
			ssoIssuer: 'https://sts.example.com/tenant/',
			certificate: pem('idp-signing-a'),
			additionalFields: {
				enabled: true,
				buttonText: 'Log in with Entra',
				idpType: 'GENERIC',
				usernameAttribute: '${NameID}',
				enableRememberMe: true,
				includeCustomerLogins: false,
				userProvisioningEnabled: true,
				mappingDisplayName: '${displayname}',
				mappingEmail: '${mail}',
				mappingGroups: 'groups',
			},
		});
		expect(r.error).toBeUndefined();
		const [request] = received(sim);
		expect(request.method).toBe('POST');
		expect(request.rawPath).toBe(`${P}/idps`);
		expect(request.body).toEqual({
			'sso-type': 'SAML',
			name: 'Entra ID',
			'sso-url': 'https://login.example.com/saml2',
			'sso-issuer': 'https://sts.example.com/tenant/',
			certificate: der(pem('idp-signing-a')),
			enabled: true,
			'button-text': 'Log in with Entra',
			'idp-type': 'GENERIC',
			'username-attribute': '${NameID}',
			'enable-remember-me': true,
			'include-customer-logins': false,
			'jit-configuration': {
				'user-provisioning-enabled': true,
				'mapping-display-name': '${displayname}',
				'mapping-email': '${mail}',
				'mapping-groups': 'groups',
			},
		});
		expect(sim.requests[0].headers['content-type']).toMatch(/^application\/json/);
		expect(sim.requests[0].headers['x-atlassian-token']).toBe('no-check');
		expect(r.json).toEqual([
			expect.objectContaining({
				id: 7,
				name: 'Entra ID',
				'sso-type': 'SAML',
				certificate: der(pem('idp-signing-a')),
			}),
		]);
		expect(sim.state.authconfig.idps.find((i) => i.id === 7)).toMatchObject({
			'button-text': 'Log in with Entra',
			'jit-configuration': { 'mapping-email': '${mail}' },
		});
	});

	test('OIDC: the secret reaches the app but no output; scopes split on commas; SAML leftovers dropped', async () => {
		const r = await create({
			...KEYCLOAK_PROD,
			additionalFields: {
				additionalScopes: 'groups, offline_access',
				additionalOpenidScopes: 'profile',
				idpType: 'CROWD',
				usernameClaim: '${email}',
			},
		});
		expect(r.error).toBeUndefined();
		expect(received(sim)[0].body).toEqual({
			'sso-type': 'OIDC',
			name: 'Keycloak prod',
			'issuer-url': 'https://keycloak.example.com/realms/prod',
			'client-id': 'jira',
			'client-secret': 's3cr3t-value',
			'additional-scopes': ['groups', 'offline_access'],
			'jit-configuration': { 'additional-openid-scopes': ['profile'] },
			'username-claim': '${email}',
		});
		expect(sim.state.authconfig.idps.find((i) => i.id === 7)?.['client-secret']).toBe(
			's3cr3t-value',
		);
		expect(JSON.stringify(r.items)).not.toContain('s3cr3t');
		expect(r.json[0]).toMatchObject({ id: 7, 'sso-type': 'OIDC', 'discovery-enabled': true });
	});

	test('dry run: nothing sent, the secret shown as **hidden**', async () => {
		const r = await create({
			...KEYCLOAK_PROD,
			options: { dryRun: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(r.json).toEqual([
			{
				dryRun: true,
				method: 'POST',
				url: `${sim.url}${PREFIX}/idps`,
				body: {
					'sso-type': 'OIDC',
					name: 'Keycloak prod',
					'issuer-url': 'https://keycloak.example.com/realms/prod',
					'client-id': 'jira',
					'client-secret': '**hidden**',
				},
			},
		]);
		expect(JSON.stringify(r.items)).not.toContain('s3cr3t');
		expect(JSON.stringify(r.items)).not.toContain('admin-password');
	});

	const saml = {
		ssoType: 'SAML',
		name: 'X',
		ssoUrl: 'https://idp.example.com/sso',
		ssoIssuer: 'https://idp.example.com',
		certificate: '',
	};
	const oidc = {
		ssoType: 'OIDC',
		name: 'X',
		issuerUrl: 'https://idp.example.com',
		clientId: 'c',
		clientSecret: 'top-secret-1',
	};

	test.each([
		[
			'expired certificate: subject and expiry',
			{ ...saml, certificate: pem('expired') },
			/"Certificate" \(certificate\) has expired: "CN=expired-idp.example.com, O=Example IdP" was valid until 2021-01-01 00:00:00 UTC/,
		],
		[
			'bare base64 that is no certificate',
			{ ...saml, certificate: 'MIIBAAAAAAAAAAAAAAAAAAAAAAAA' },
			/not a valid X\.509 certificate: it does not parse/,
		],
		['not base64 at all', { ...saml, certificate: 'hello world!' }, /neither PEM nor base64 DER/],
		[
			'a private key instead of a certificate',
			{ ...saml, certificate: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----' },
			/PEM block of another kind/,
		],
		// The editor refuses an empty required field; an expression that resolves to nothing reaches the node.
		[
			'missing certificate',
			{ ...saml, certificate: '={{ $json.none ?? "" }}' },
			/"Certificate" \(certificate\) must not be empty/,
		],
		[
			'SSO URL not http(s)',
			{ ...saml, certificate: pem('idp-signing-a'), ssoUrl: 'ftp://idp.example.com/sso' },
			/"SSO URL" \(ssoUrl\) \("ftp:\/\/idp.example.com\/sso"\) must be an http\(s\) URL/,
		],
		[
			'blank name',
			{ ...saml, certificate: pem('idp-signing-a'), name: '  ' },
			/"Name" \(name\) .*must not be empty/,
		],
		[
			'issuer URL with a query',
			{ ...oidc, issuerUrl: 'https://idp.example.com/?tenant=1' },
			/"Issuer URL" \(issuerUrl\) .*must not have a query/,
		],
		[
			'issuer URL not a URL',
			{ ...oidc, issuerUrl: 'idp.example.com' },
			/"Issuer URL" \(issuerUrl\) .*must be an http\(s\) URL/,
		],
		[
			'missing client secret',
			{ ...oidc, clientSecret: '={{ $json.none ?? "  " }}' },
			/"Client Secret" \(clientSecret\) must not be empty/,
		],
		[
			'scopes with whitespace',
			{ ...oidc, additionalFields: { additionalScopes: 'groups offline_access' } },
			/"Additional Scopes" \(additionalScopes\) .*must not contain whitespace/,
		],
		[
			'discovery off without endpoints',
			{
				...oidc,
				additionalFields: {
					discoveryEnabled: false,
					tokenEndpoint: 'https://idp.example.com/token',
				},
			},
			/With discovery off, set "Authorization Endpoint", "Userinfo Endpoint"/,
		],
		[
			'endpoint not a URL',
			{ ...oidc, additionalFields: { tokenEndpoint: 'token' } },
			/"Token Endpoint" \(tokenEndpoint\) .*must be an http\(s\) URL/,
		],
	])('refused before sending: %s', async (_name, parameters, message) => {
		const r = await create(parameters);
		expect(r.error?.message).toMatch(message);
		expect(r.error?.description).toMatch(/Nothing was sent/);
		expect(sim.requests).toHaveLength(0);
		expect(
			JSON.stringify({ m: r.error?.message, d: r.error?.description, o: r.items }),
		).not.toContain('top-secret-1');
		expect(sim.state.authconfig.idps).toHaveLength(6);
	});

	test('a 400 errors map from the app becomes a readable message', async () => {
		// The node cannot know the type of an existing IdP: the app rejects a SAML field on an OIDC IdP.
		const bad = await run(sim, {
			resource: 'identityProvider',
			operation: 'update',
			idpId: '3',
			updateFields: { certificate: pem('idp-signing-a') },
		});
		expect(bad.error?.message).toBe(`Request rejected (PATCH ${PREFIX}/idps/3 answered 400)`);
		expect(bad.error?.description).toBe(
			'The server said: certificate: not applicable to OIDC identity providers',
		);
		expect(sim.requests).toHaveLength(1);
		expect(sim.state.authconfig.idps[2]).not.toHaveProperty('certificate');
	});
});

describe('identityProvider.update', () => {
	const update = (
		idpId: string,
		updateFields: INodeParameters,
		extra: INodeParameters = {},
		more: object = {},
	) =>
		run(
			sim,
			{ resource: 'identityProvider', operation: 'update', idpId, updateFields, ...extra },
			more,
		);

	test('certificate rotation is a PATCH with the certificate alone', async () => {
		const before = { ...sim.state.authconfig.idps[0] };
		const r = await update('1', { certificate: pem('idp-signing-b') });
		expect(r.error).toBeUndefined();
		expect(received(sim)).toEqual([
			{
				method: 'PATCH',
				rawPath: `${P}/idps/1`,
				query: {},
				body: { certificate: der(pem('idp-signing-b')) },
			},
		]);
		expect(sim.requests[0].headers['x-atlassian-token']).toBe('no-check');
		const after = sim.state.authconfig.idps[0];
		expect(after.certificate).toBe(der(pem('idp-signing-b')));
		expect({
			...after,
			certificate: before.certificate,
			'last-updated': before['last-updated'],
		}).toEqual(before);
		expect(r.json[0]).toMatchObject({ id: 1, certificate: der(pem('idp-signing-b')) });
	});

	test('bare base64 DER is accepted as it is', async () => {
		const r = await update('2', { certificate: der(pem('idp-signing-a')) });
		expect(r.error).toBeUndefined();
		expect(received(sim)[0].body).toEqual({ certificate: der(pem('idp-signing-a')) });
	});

	test('several fields; the nested JIT object is read, merged and sent whole', async () => {
		const r = await update('3', {
			enabled: false,
			buttonText: 'Okta (old)',
			mappingGroups: 'roles',
			clientSecret: 'new-secret-9',
			additionalScopes: '',
		});
		expect(r.error).toBeUndefined();
		// Disabling an IdP reads the SSO settings first (lockout guard; the login form is shown), then the IdP for its JIT object.
		expect(received(sim).map((q) => `${q.method} ${q.rawPath}`)).toEqual([
			`GET ${P}/sso`,
			`GET ${P}/idps/3`,
			`PATCH ${P}/idps/3`,
		]);
		expect(received(sim)[2].body).toEqual({
			enabled: false,
			'button-text': 'Okta (old)',
			'jit-configuration': {
				'user-provisioning-enabled': true,
				'mapping-display-name': '${name}',
				'mapping-email': '${email}',
				'mapping-groups': 'roles',
				'additional-openid-scopes': [],
			},
			'client-secret': 'new-secret-9',
			'additional-scopes': [],
		});
		const idp = sim.state.authconfig.idps[2];
		expect(idp['jit-configuration']).toMatchObject({
			'mapping-groups': 'roles',
			'mapping-email': '${email}',
			'user-provisioning-enabled': true,
		});
		expect(idp['client-secret']).toBe('new-secret-9');
		expect(JSON.stringify(r.items)).not.toContain('new-secret-9');
	});

	test('dry run masks the secret and sends nothing', async () => {
		const r = await update(
			'3',
			{ clientSecret: 'new-secret-9', clientId: 'x' },
			{ options: { dryRun: true } },
		);
		expect(sim.requests).toHaveLength(0);
		expect(r.json).toEqual([
			{
				dryRun: true,
				method: 'PATCH',
				url: `${sim.url}${PREFIX}/idps/3`,
				body: { 'client-secret': '**hidden**', 'client-id': 'x' },
			},
		]);
		expect(sim.state.authconfig.idps[2]['client-id']).toBe('okta-oidc-client');
	});

	test('an empty update is refused, nothing sent', async () => {
		const r = await update('1', {});
		expect(r.error?.message).toMatch(/Nothing to update/);
		expect(sim.requests).toHaveLength(0);
	});

	test('an expired certificate is refused on update too', async () => {
		const r = await update('1', { certificate: pem('expired') });
		expect(r.error?.message).toMatch(
			/has expired: "CN=expired-idp.example.com, O=Example IdP" was valid until 2021-01-01/,
		);
		expect(sim.requests).toHaveLength(0);
		expect(sim.state.authconfig.idps[0].certificate).not.toBe(der(pem('expired')));
	});

	test('continueOnFail: one output per item, errors in place, paired', async () => {
		const r = await run(
			sim,
			{
				resource: 'identityProvider',
				operation: 'update',
				idpId: '={{ $json.id }}',
				updateFields: { buttonText: '={{ $json.text }}' },
			},
			{
				input: [
					{ id: 1, text: 'One' },
					{ id: 'abc', text: 'Two' },
					{ id: 99, text: 'Three' },
					{ id: 2, text: 'Four' },
				],
				continueOnFail: true,
			},
		);
		expect(r.error).toBeUndefined();
		expect(r.json).toHaveLength(4);
		expect(r.json[0]).toMatchObject({ id: 1, 'button-text': 'One' });
		expect(r.json[1].error).toMatch(/must be a number, not "abc"/);
		expect(r.json[2].error).toMatch(/Not found \(PATCH .*\/idps\/99 answered 404\)/);
		expect(r.json[3]).toMatchObject({ id: 2, 'button-text': 'Four' });
		expect(r.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(received(sim).map((q) => q.rawPath)).toEqual([
			`${P}/idps/1`,
			`${P}/idps/99`,
			`${P}/idps/2`,
		]);
	});
});

describe('identityProvider.delete', () => {
	const deleteIdp2 = async (more: INodeParameters = {}) =>
		await run(sim, { resource: 'identityProvider', operation: 'delete', idpId: '2', ...more });

	test('without confirm: nothing sent, the message names the IdP', async () => {
		const r = await deleteIdp2();
		expect(r.error?.message).toBe('Not confirmed: this would delete identity provider 2');
		expect(sim.requests).toHaveLength(0);
		expect(idpIds()).toContain(2);
	});

	test('confirmed dry run sends no change (the lockout guard reads the SSO settings, as the real run would)', async () => {
		const r = await deleteIdp2({ confirm: true, options: { dryRun: true } });
		expect(r.json).toEqual([
			{ dryRun: true, method: 'DELETE', url: `${sim.url}${PREFIX}/idps/2`, body: null },
		]);
		expect(sim.requests.map((q) => `${q.method} ${q.rawPath}`)).toEqual([`GET ${P}/sso`]);
		expect(idpIds()).toContain(2);
	});

	test('confirmed: DELETE, answers the removed IdP', async () => {
		const r = await deleteIdp2({ confirm: true });
		expect(r.error).toBeUndefined();
		// The lockout guard reads the SSO settings first: the login form is shown, so nothing more is read.
		expect(received(sim)).toEqual([
			{ method: 'GET', rawPath: `${P}/sso`, query: {}, body: undefined },
			{ method: 'DELETE', rawPath: `${P}/idps/2`, query: {}, body: undefined },
		]);
		expect(sim.requests[1].headers['x-atlassian-token']).toBe('no-check');
		expect(r.json).toEqual([expect.objectContaining({ id: 2, name: 'Another SAML SSO' })]);
		expect(idpIds()).toEqual([1, 3, 4, 5, 6]);
	});
});

describe('ssoSettings', () => {
	test('get answers the settings unchanged', async () => {
		const r = await run(sim, { resource: 'ssoSettings', operation: 'get' });
		expect(received(sim)).toEqual([
			{ method: 'GET', rawPath: `${P}/sso`, query: {}, body: undefined },
		]);
		expect(r.json).toEqual([
			{
				'show-login-form': true,
				'enable-authentication-fallback': false,
				'show-login-form-for-jsm': true,
				'discovery-refresh-cron': '0 0 1 * * ?',
				'last-updated': '2023-03-01T08:00:00.000+00:00',
			},
		]);
	});

	test('update sends only the fields set, kebab-case', async () => {
		const r = await run(sim, {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: {
				enableAuthenticationFallback: true,
				showLoginFormForJsm: false,
				discoveryRefreshCron: '0 30 2 * * ?',
			},
		});
		expect(r.error).toBeUndefined();
		expect(received(sim)).toEqual([
			{
				method: 'PATCH',
				rawPath: `${P}/sso`,
				query: {},
				body: {
					'enable-authentication-fallback': true,
					'show-login-form-for-jsm': false,
					'discovery-refresh-cron': '0 30 2 * * ?',
				},
			},
		]);
		expect(sim.state.authconfig.sso).toMatchObject({
			'show-login-form': true,
			'enable-authentication-fallback': true,
			'show-login-form-for-jsm': false,
			'discovery-refresh-cron': '0 30 2 * * ?',
		});
		expect(r.json[0]).toMatchObject({ 'enable-authentication-fallback': true });
	});

	test('dry run', async () => {
		const r = await run(sim, {
			resource: 'ssoSettings',
			operation: 'update',
			updateFields: { showLoginForm: false },
			options: { dryRun: true },
		});
		expect(r.json).toEqual([
			{
				dryRun: true,
				method: 'PATCH',
				url: `${sim.url}${PREFIX}/sso`,
				body: { 'show-login-form': false },
			},
		]);
		// Only the lockout guard's reads: hiding the login form needs an enabled IdP.
		expect(sim.requests.map((q) => q.method)).toEqual(['GET', 'GET']);
		expect(sim.state.authconfig.sso['show-login-form']).toBe(true);
	});

	test.each([
		['empty update', {}, /Nothing to update/],
		[
			'cron of 5 fields',
			{ discoveryRefreshCron: '0 1 * * *' },
			/Quartz cron expression of 6 or 7 fields/,
		],
	])('refused before sending: %s', async (_name, updateFields, message) => {
		const r = await run(sim, { resource: 'ssoSettings', operation: 'update', updateFields });
		expect(r.error?.message).toMatch(message);
		expect(sim.requests).toHaveLength(0);
	});
});
