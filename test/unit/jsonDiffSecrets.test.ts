import { configPlan } from '../../nodes/ResolutionSamlSso/configPlan';
import { isKeyMaterial } from '../../nodes/shared/json';
import { certificateExpiringIn } from '../simulator/certificates';

const base64Of = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
const keyBase64 = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 31 + 7) % 256)).toString(
	'base64',
);

describe('key material recognized by its value, whatever the field', () => {
	test('what counts as key material and what does not', () => {
		expect(isKeyMaterial(keyBase64)).toBe(true);
		expect(isKeyMaterial(keyBase64.replace(/(.{64})/g, '$1\n'))).toBe(true);
		expect(
			isKeyMaterial(
				'-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n-----END OPENSSH PRIVATE KEY-----',
			),
		).toBe(true);
		expect(isKeyMaterial('-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----')).toBe(true);
		expect(isKeyMaterial('-----BEGIN PGP PRIVATE KEY BLOCK-----\nxcE\n')).toBe(true);
		expect(isKeyMaterial(certificateExpiringIn('idp.example.com', 30))).toBe(false);
		expect(isKeyMaterial(base64Of(certificateExpiringIn('idp.example.com', 30)))).toBe(false);
		// A bundle of certificates, with or without base64 padding in its blocks: 20 of them, none is a key.
		const bundles = Array.from(
			{ length: 20 },
			(_, i) =>
				`${certificateExpiringIn(`a${i}.example.com`, 30)}\n${certificateExpiringIn(`b${i}.example.com`, 60)}`,
		);
		expect(bundles.filter((bundle) => isKeyMaterial(bundle))).toEqual([]);
		expect(
			isKeyMaterial(
				`${certificateExpiringIn('c.example.com', 30)}\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----`,
			),
		).toBe(true);
		expect(isKeyMaterial('a'.repeat(64))).toBe(false);
		expect(isKeyMaterial('0123456789abcdef'.repeat(4))).toBe(false);
		expect(isKeyMaterial('https://idp.example.com/realms/prod/protocol/saml/descriptor')).toBe(
			false,
		);
		expect(isKeyMaterial('Log in with Okta')).toBe(false);
		expect(isKeyMaterial(42)).toBe(false);
	});

	test("Compare's summary says a key changed, never its value", () => {
		const plan = configPlan(
			{ keystore: keyBase64, name: 'a' },
			{ keystore: keyBase64.slice(4), name: 'b' },
		);
		expect(plan.summary).toEqual(['keystore changed', "name changed: 'a' → 'b'"]);
		expect((plan.summary as string[]).join('\n')).not.toContain(keyBase64.slice(4, 30));
	});
});
