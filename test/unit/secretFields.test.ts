import { summarize, isPrivateKeyText, isSecretField } from '../../nodes/shared/json';
import { diffJson, type JsonValue } from '../../nodes/shared/json';
import { snapshot } from '../../nodes/AtlassianSsoTrigger/snapshot';

describe('isSecretField: only fields that really are secrets', () => {
	it.each([
		'client-secret',
		'clientSecret',
		'client_secret',
		'secret',
		'secrets',
		'CLIENT_SECRET',
		'password',
		'keystore-password',
		'bindPassword',
		'passwd',
		'passphrase',
		'keyPassphrase',
		'token',
		'accessToken',
		'access-token',
		'api_token',
		'refreshTokens',
		'bearer token',
		'privateKey',
		'private-key',
		'spPrivateKey',
		'private_keys',
		'secretKey',
	])('%s is a secret', (name) => expect(isSecretField(name)).toBe(true));

	it.each([
		'token-endpoint',
		'tokenEndpoint',
		'token_url',
		'tokenLifetimeInMinutes',
		'password-policy',
		'passwordPolicyUrl',
		'secretRotationEnabled',
		'client-id',
		'publicKey',
		'keyAlias',
		'certificate',
		'name',
		'button-text',
		'csrftoken',
		'',
		'key',
		'idp-type',
	])('%s is not', (name) => expect(isSecretField(name)).toBe(false));

	it('a PEM private key is one wherever it sits; a certificate is not', () => {
		expect(
			isPrivateKeyText('-----BEGIN RSA PRIVATE KEY-----\nMIIE…\n-----END RSA PRIVATE KEY-----'),
		).toBe(true);
		expect(isPrivateKeyText('-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIE…')).toBe(true);
		expect(isPrivateKeyText('-----BEGIN CERTIFICATE-----\nMIIB…')).toBe(false);
		expect(isPrivateKeyText(42)).toBe(false);
	});
});

describe('snapshot: what the trigger compares and stores', () => {
	it('hides secrets at any depth, keeps whether they are set, keeps the rest', () => {
		const value = {
			'client-secret': 's3cr3t',
			'token-endpoint': 'https://idp.example.com/token',
			nested: [
				{
					password: 'pw',
					passwordPolicy: 'strict',
					accessToken: '',
					key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
				},
			],
			unset: { clientSecret: null },
		};
		expect(snapshot(value)).toEqual({
			'client-secret': '**hidden**',
			'token-endpoint': 'https://idp.example.com/token',
			nested: [
				{
					password: '**hidden**',
					passwordPolicy: 'strict',
					accessToken: '',
					key: expect.stringMatching(/^\*\*hidden key\*\* \(SHA-256 [0-9A-F]{16}\)$/),
				},
			],
			unset: { clientSecret: null },
		});
	});
});

describe("summaries never print a secret's value (compare and dry runs show the server's old values)", () => {
	const lines = (before: JsonValue, after: JsonValue) =>
		summarize(diffJson(before, after), { before, after });

	it('a secret changed, added, removed: named, no value; an ordinary field: with its values', () => {
		expect(
			lines(
				{ spPrivateKey: 'old-key', clientSecret: 'x', tokenEndpoint: 'https://a/token' },
				{ spPrivateKey: 'new-key', tokenEndpoint: 'https://b/token', accessToken: 't' },
			),
		).toEqual([
			'spPrivateKey changed',
			'clientSecret removed',
			"tokenEndpoint changed: 'https://a/token' → 'https://b/token'",
			'accessToken added',
		]);
	});

	it('a field under a secret-named object, and a private key in an ordinary field', () => {
		expect(lines({ credentials: { password: 'a' } }, { credentials: { password: 'b' } })).toEqual([
			'credentials.password changed',
		]);
		expect(
			lines(
				{ material: '-----BEGIN PRIVATE KEY-----\nAAAA' },
				{ material: '-----BEGIN PRIVATE KEY-----\nBBBB' },
			),
		).toEqual(['material changed']);
	});
});
