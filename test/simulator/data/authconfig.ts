/** State and seed data of Atlassian's SSO for Data Center (authconfig, Atlassian's REST API documentation of the app). */
import { seedCertificate } from '../certificates';
import type { JsonObject } from '../http';

export interface AuthconfigState {
	/** Stored IdPs, kebab-case, including the write-only `client-secret` of OIDC IdPs. */
	idps: JsonObject[];
	nextId: number;
	sso: JsonObject;
}

/** Days until each seeded SAML IdP's signing certificate expires: IdP 6's is inside the default 30-day window. */
const CERTIFICATE_DAYS: Record<number, number> = { 1: 400, 2: 700, 4: 1000, 6: 20 };

function jit(extra: JsonObject = {}): JsonObject {
	return {
		'user-provisioning-enabled': false,
		'mapping-display-name': '',
		'mapping-email': '',
		'mapping-groups': '',
		'additional-openid-scopes': [],
		...extra,
	};
}

function saml(id: number, name: string, host: string, extra: JsonObject = {}): JsonObject {
	return {
		id,
		name,
		enabled: true,
		certificate: seedCertificate(`${host} signing`, CERTIFICATE_DAYS[id] ?? 365),
		'sso-type': 'SAML',
		'include-customer-logins': false,
		'enable-remember-me': true,
		'last-updated': '2021-09-20T13:12:05.075-03:00',
		'jit-configuration': jit(),
		'button-text': `Log in with ${name}`,
		'idp-type': 'GENERIC',
		'sso-url': `https://${host}/sso/saml`,
		'sso-issuer': `https://${host}`,
		'username-attribute': '${NameID}',
		...extra,
	};
}

function oidc(id: number, name: string, issuer: string, extra: JsonObject = {}): JsonObject {
	return {
		id,
		name,
		enabled: true,
		'sso-type': 'OIDC',
		'include-customer-logins': false,
		'enable-remember-me': false,
		'last-updated': '2023-03-01T08:00:00.000+00:00',
		'jit-configuration': jit({
			'user-provisioning-enabled': true,
			'mapping-display-name': '${name}',
			'mapping-email': '${email}',
			'mapping-groups': 'groups',
		}),
		'button-text': `Log in with ${name}`,
		'issuer-url': issuer,
		'client-id': `${name.toLowerCase().replace(/\W+/g, '-')}-client`,
		'client-secret': `${name.toLowerCase().replace(/\W+/g, '-')}-secret`,
		'discovery-enabled': true,
		'authorization-endpoint': '',
		'token-endpoint': '',
		'userinfo-endpoint': '',
		'additional-scopes': ['groups'],
		'username-claim': '${preferred_username}',
		...extra,
	};
}

export function seedAuthconfig(): AuthconfigState {
	return {
		idps: [
			saml(1, 'SAML SSO', 'my.idp.com/27011985', { 'button-text': 'Log in with IdP 1' }),
			saml(2, 'Another SAML SSO', 'another.idp.com/12062019', {
				'button-text': 'Log in with another IdP',
				'last-updated': '2021-09-22T11:57:07.392-03:00',
			}),
			oidc(3, 'Okta OIDC', 'https://example.okta.com/oauth2/default'),
			saml(4, 'Crowd SSO', 'crowd.example.com/crowd', { enabled: false, 'idp-type': 'CROWD' }),
			oidc(5, 'Keycloak staging', 'https://keycloak.example.com/realms/staging', {
				enabled: false,
				'discovery-enabled': false,
				'authorization-endpoint':
					'https://keycloak.example.com/realms/staging/protocol/openid-connect/auth',
				'token-endpoint':
					'https://keycloak.example.com/realms/staging/protocol/openid-connect/token',
				'userinfo-endpoint':
					'https://keycloak.example.com/realms/staging/protocol/openid-connect/userinfo',
			}),
			saml(6, 'ADFS customers', 'adfs.example.com/adfs', { 'include-customer-logins': true }),
		],
		nextId: 7,
		sso: {
			'show-login-form': true,
			'enable-authentication-fallback': false,
			'show-login-form-for-jsm': true,
			'discovery-refresh-cron': '0 0 1 * * ?',
			'last-updated': '2023-03-01T08:00:00.000+00:00',
		},
	};
}
