/**
 * Field rules of authconfig IdPs (SSO for Atlassian Data Center). Errors are collected as
 * `{"<field>": ["message"]}` like the real app's 400 `{"errors": {...}}`.
 * Strictness chosen here: unknown fields, and fields of the other sso-type, are rejected.
 */
import type { JsonObject, JsonValue } from '../http';
import { isObject } from '../http';

export type Errors = Record<string, string[]>;

const COMMON = [
	'id',
	'name',
	'sso-type',
	'enabled',
	'include-customer-logins',
	'enable-remember-me',
	'last-updated',
	'jit-configuration',
	'button-text',
];
export const SAML_FIELDS = [
	'idp-type',
	'sso-url',
	'sso-issuer',
	'certificate',
	'username-attribute',
];
export const OIDC_FIELDS = [
	'issuer-url',
	'client-id',
	'client-secret',
	'discovery-enabled',
	'authorization-endpoint',
	'token-endpoint',
	'userinfo-endpoint',
	'additional-scopes',
	'username-claim',
];
const BOOLEANS = [
	'enabled',
	'include-customer-logins',
	'enable-remember-me',
	'discovery-enabled',
	'user-provisioning-enabled',
];
const STRING_ARRAYS = ['additional-scopes', 'additional-openid-scopes'];
export const JIT_FIELDS = [
	'user-provisioning-enabled',
	'mapping-display-name',
	'mapping-email',
	'mapping-groups',
	'additional-openid-scopes',
];

function add(errors: Errors, field: string, msg: string): void {
	(errors[field] ??= []).push(msg);
}

/** `key` is where an error is reported (e.g. `jit-configuration.mapping-email`), its last part names the rule. */
function checkType(errors: Errors, key: string, value: JsonValue): void {
	if (value === null) return;
	const field = key.slice(key.lastIndexOf('.') + 1);
	if (BOOLEANS.includes(field)) {
		if (typeof value !== 'boolean') add(errors, key, 'must be a boolean');
	} else if (STRING_ARRAYS.includes(field)) {
		if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
			add(errors, key, 'must be an array of strings');
	} else if (field === 'id') {
		if (typeof value !== 'number') add(errors, key, 'must be a number');
	} else if (field !== 'jit-configuration' && typeof value !== 'string') {
		add(errors, key, 'must be a string');
	}
}

/** Shape check of a POST/PATCH body (before merging). */
export function checkBody(body: JsonObject, ssoType: string | undefined): Errors {
	const errors: Errors = {};
	const allowed = [
		...COMMON,
		...(ssoType === 'SAML'
			? SAML_FIELDS
			: ssoType === 'OIDC'
				? OIDC_FIELDS
				: [...SAML_FIELDS, ...OIDC_FIELDS]),
	];
	for (const [field, value] of Object.entries(body)) {
		if (!allowed.includes(field)) {
			add(
				errors,
				field,
				[...SAML_FIELDS, ...OIDC_FIELDS].includes(field)
					? `not applicable to ${ssoType ?? 'this'} identity providers`
					: 'Unrecognized field',
			);
			continue;
		}
		checkType(errors, field, value);
	}
	const jit = body['jit-configuration'];
	if (jit !== undefined && jit !== null) {
		if (!isObject(jit)) add(errors, 'jit-configuration', 'must be an object');
		else
			for (const [field, value] of Object.entries(jit)) {
				if (!JIT_FIELDS.includes(field))
					add(errors, `jit-configuration.${field}`, 'Unrecognized field');
				else checkType(errors, `jit-configuration.${field}`, value);
			}
	}
	return errors;
}

function isHttpUrl(value: JsonValue | undefined, allowQuery = true): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return (
			(url.protocol === 'http:' || url.protocol === 'https:') && (allowQuery || url.search === '')
		);
	} catch {
		return false;
	}
}

function blank(value: JsonValue | undefined): boolean {
	return typeof value !== 'string' || value.trim() === '';
}

function isCertificate(value: JsonValue | undefined): boolean {
	if (typeof value !== 'string') return false;
	const body = value.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
	return body.length >= 16 && /^[A-Za-z0-9+/]+=*$/.test(body);
}

/** Rules on the complete IdP (after defaults or merge). */
export function checkIdp(idp: JsonObject): Errors {
	const errors: Errors = {};
	if (blank(idp.name)) add(errors, 'name', 'must not be blank');
	if (idp['sso-type'] === 'SAML') {
		if (!isHttpUrl(idp['sso-url'])) add(errors, 'sso-url', 'must be a valid http(s) URL');
		if (blank(idp['sso-issuer'])) add(errors, 'sso-issuer', 'must not be blank');
		if (!isCertificate(idp.certificate))
			add(errors, 'certificate', 'must be a valid X.509 certificate');
		if (idp['idp-type'] !== 'GENERIC' && idp['idp-type'] !== 'CROWD')
			add(errors, 'idp-type', 'must be GENERIC or CROWD');
	} else if (idp['sso-type'] === 'OIDC') {
		if (!isHttpUrl(idp['issuer-url'], false))
			add(errors, 'issuer-url', 'must be an http(s) URL without a query');
		if (blank(idp['client-id'])) add(errors, 'client-id', 'must not be blank');
		if (blank(idp['client-secret'])) add(errors, 'client-secret', 'must not be blank');
		if (idp['discovery-enabled'] === false) {
			for (const f of ['authorization-endpoint', 'token-endpoint', 'userinfo-endpoint']) {
				if (!isHttpUrl(idp[f])) add(errors, f, 'required when discovery is disabled');
			}
		}
	} else {
		add(errors, 'sso-type', 'must be one of SAML, OIDC');
	}
	return errors;
}
