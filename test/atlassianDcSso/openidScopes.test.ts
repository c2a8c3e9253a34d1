/**
 * `additional-openid-scopes` sits in every IdP's `jit-configuration`, SAML ones included (Atlassian's
 * documentation of the SSO REST API shows it there): create and update offer and send it alike.
 */
import { AtlassianDcSso } from '../../nodes/AtlassianDcSso/AtlassianDcSso.node';
import { useSimulator } from '../support/simulator';
import { PREFIX as P, pem, received, run } from './helpers';

const ctx = useSimulator({ contextPath: '' });

test('create of a SAML IdP: the scopes go into jit-configuration, as the app stores them', async () => {
	const { sim } = ctx;
	const r = await run(sim, {
		resource: 'identityProvider',
		operation: 'create',
		ssoType: 'SAML',
		name: 'Entra ID',
		ssoUrl: 'https://login.example.com/saml2',
		ssoIssuer: 'https://sts.example.com/tenant/',
		certificate: pem('idp-signing-a'),
		additionalFields: { userProvisioningEnabled: true, additionalOpenidScopes: 'profile, email' },
	});
	expect(r.error).toBeUndefined();
	const [request] = received(sim);
	expect(`${request.method} ${request.rawPath}`).toBe(`POST ${P}/idps`);
	expect((request.body as Record<string, unknown>)['jit-configuration']).toEqual({
		'user-provisioning-enabled': true,
		'additional-openid-scopes': ['profile', 'email'],
	});
	expect(r.json[0]['jit-configuration']).toMatchObject({
		'additional-openid-scopes': ['profile', 'email'],
	});
});

test('update of a SAML IdP: the same field, the same body part', async () => {
	const { sim } = ctx;
	const saml = sim.state.authconfig.idps.find((idp) => idp['sso-type'] === 'SAML')!;
	const r = await run(sim, {
		resource: 'identityProvider',
		operation: 'update',
		idpId: { __rl: true, mode: 'id', value: String(saml.id) },
		updateFields: { additionalOpenidScopes: 'profile, email' },
	});
	expect(r.error).toBeUndefined();
	const patch = received(sim).find((q) => q.method === 'PATCH')!;
	expect(
		(patch.body as Record<string, Record<string, unknown>>)['jit-configuration'][
			'additional-openid-scopes'
		],
	).toEqual(['profile', 'email']);
	expect(
		sim.state.authconfig.idps.find((idp) => idp.id === saml.id)?.['jit-configuration'],
	).toMatchObject({
		'additional-openid-scopes': ['profile', 'email'],
	});
});

test('the panel offers the field for SAML and OIDC alike in create, and in update', () => {
	const properties = new AtlassianDcSso().description.properties;
	const collection = (name: string, operation: string) =>
		properties.find(
			(p) =>
				p.name === name &&
				p.displayOptions?.show?.operation?.includes(operation) &&
				p.displayOptions?.show?.resource?.includes('identityProvider'),
		);
	for (const [name, operation] of [
		['additionalFields', 'create'],
		['updateFields', 'update'],
	]) {
		const field = (
			collection(name, operation)?.options as Array<{ name: string; displayOptions?: unknown }>
		).find((o) => o.name === 'additionalOpenidScopes');
		expect(field).toBeDefined();
		expect(field?.displayOptions).toBeUndefined();
	}
});
