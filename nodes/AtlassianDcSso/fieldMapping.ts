import { X509Certificate } from 'crypto';
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { HIDDEN_SECRET } from './api';

/**
 * The one place where the node's camelCase parameters meet the API's kebab-case fields.
 * Create and update both build their bodies from these tables; answers are returned unchanged.
 */

export type SsoType = 'SAML' | 'OIDC';
export const SSO_TYPES: SsoType[] = ['SAML', 'OIDC'];

type Kind =
	| 'text'
	| 'requiredText'
	| 'boolean'
	| 'httpUrl'
	| 'optionalHttpUrl'
	| 'issuerUrl'
	| 'certificate'
	| 'secret'
	| 'scopes'
	| 'idpType'
	| 'cron';

export interface FieldMapping {
	/** The node parameter (camelCase). */
	parameter: string;
	/** Its display name, for messages. */
	label: string;
	/** The API field; two names for a field inside `jit-configuration`. */
	api: [string] | [string, string];
	kind: Kind;
	/** Which identity providers the field applies to. */
	ssoTypes: SsoType[];
}

const JIT = 'jit-configuration';
const BOTH = SSO_TYPES;

export const IDP_FIELDS: FieldMapping[] = [
	{ parameter: 'name', label: 'Name', api: ['name'], kind: 'requiredText', ssoTypes: BOTH },
	{ parameter: 'enabled', label: 'Enabled', api: ['enabled'], kind: 'boolean', ssoTypes: BOTH },
	{ parameter: 'buttonText', label: 'Button Text', api: ['button-text'], kind: 'text', ssoTypes: BOTH },
	{ parameter: 'enableRememberMe', label: 'Enable Remember Me', api: ['enable-remember-me'], kind: 'boolean', ssoTypes: BOTH },
	{ parameter: 'includeCustomerLogins', label: 'Include Customer Logins', api: ['include-customer-logins'], kind: 'boolean', ssoTypes: BOTH },
	// SAML
	{ parameter: 'ssoUrl', label: 'SSO URL', api: ['sso-url'], kind: 'httpUrl', ssoTypes: ['SAML'] },
	{ parameter: 'ssoIssuer', label: 'SSO Issuer', api: ['sso-issuer'], kind: 'requiredText', ssoTypes: ['SAML'] },
	{ parameter: 'certificate', label: 'Certificate', api: ['certificate'], kind: 'certificate', ssoTypes: ['SAML'] },
	{ parameter: 'idpType', label: 'IdP Type', api: ['idp-type'], kind: 'idpType', ssoTypes: ['SAML'] },
	{ parameter: 'usernameAttribute', label: 'Username Attribute', api: ['username-attribute'], kind: 'requiredText', ssoTypes: ['SAML'] },
	// OIDC
	{ parameter: 'issuerUrl', label: 'Issuer URL', api: ['issuer-url'], kind: 'issuerUrl', ssoTypes: ['OIDC'] },
	{ parameter: 'clientId', label: 'Client ID', api: ['client-id'], kind: 'requiredText', ssoTypes: ['OIDC'] },
	{ parameter: 'clientSecret', label: 'Client Secret', api: ['client-secret'], kind: 'secret', ssoTypes: ['OIDC'] },
	{ parameter: 'discoveryEnabled', label: 'Discovery Enabled', api: ['discovery-enabled'], kind: 'boolean', ssoTypes: ['OIDC'] },
	{ parameter: 'authorizationEndpoint', label: 'Authorization Endpoint', api: ['authorization-endpoint'], kind: 'optionalHttpUrl', ssoTypes: ['OIDC'] },
	{ parameter: 'tokenEndpoint', label: 'Token Endpoint', api: ['token-endpoint'], kind: 'optionalHttpUrl', ssoTypes: ['OIDC'] },
	{ parameter: 'userinfoEndpoint', label: 'Userinfo Endpoint', api: ['userinfo-endpoint'], kind: 'optionalHttpUrl', ssoTypes: ['OIDC'] },
	{ parameter: 'additionalScopes', label: 'Additional Scopes', api: ['additional-scopes'], kind: 'scopes', ssoTypes: ['OIDC'] },
	{ parameter: 'usernameClaim', label: 'Username Claim', api: ['username-claim'], kind: 'requiredText', ssoTypes: ['OIDC'] },
	// Just-in-time provisioning (`jit-configuration`)
	{ parameter: 'userProvisioningEnabled', label: 'User Provisioning Enabled', api: [JIT, 'user-provisioning-enabled'], kind: 'boolean', ssoTypes: BOTH },
	{ parameter: 'mappingDisplayName', label: 'Mapping: Display Name', api: [JIT, 'mapping-display-name'], kind: 'text', ssoTypes: BOTH },
	{ parameter: 'mappingEmail', label: 'Mapping: Email', api: [JIT, 'mapping-email'], kind: 'text', ssoTypes: BOTH },
	{ parameter: 'mappingGroups', label: 'Mapping: Groups', api: [JIT, 'mapping-groups'], kind: 'text', ssoTypes: BOTH },
	{ parameter: 'additionalOpenidScopes', label: 'Additional OpenID Scopes', api: [JIT, 'additional-openid-scopes'], kind: 'scopes', ssoTypes: ['OIDC'] },
];

export const SSO_SETTINGS_FIELDS: FieldMapping[] = [
	{ parameter: 'showLoginForm', label: 'Show Login Form', api: ['show-login-form'], kind: 'boolean', ssoTypes: BOTH },
	{ parameter: 'enableAuthenticationFallback', label: 'Enable Authentication Fallback', api: ['enable-authentication-fallback'], kind: 'boolean', ssoTypes: BOTH },
	{ parameter: 'showLoginFormForJsm', label: 'Show Login Form for JSM', api: ['show-login-form-for-jsm'], kind: 'boolean', ssoTypes: BOTH },
	{ parameter: 'discoveryRefreshCron', label: 'Discovery Refresh Cron', api: ['discovery-refresh-cron'], kind: 'cron', ssoTypes: BOTH },
];

/** The parameters create asks for at the top level, per type (the app rejects an IdP without them). */
export const REQUIRED_ON_CREATE: Record<SsoType, string[]> = {
	SAML: ['name', 'ssoUrl', 'ssoIssuer', 'certificate'],
	OIDC: ['name', 'issuerUrl', 'clientId', 'clientSecret'],
};

export function mappingOf(table: FieldMapping[], parameter: string): FieldMapping | undefined {
	return table.find((f) => f.parameter === parameter);
}

// ---- validation ------------------------------------------------------------------------

function isHttpUrl(value: string, allowQuery: boolean): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && (allowQuery || url.search === '');
	} catch {
		return false;
	}
}

/** PEM (one certificate) or bare base64 DER, as one bare base64 string: the form the app shows in its answers. */
export function certificateBody(text: string): string {
	return text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function parseCertificate(text: string): X509Certificate | string {
	const trimmed = text.trim();
	if (/-----BEGIN (?!CERTIFICATE-----)/.test(trimmed)) {
		return 'it is a PEM block of another kind (a certificate starts with -----BEGIN CERTIFICATE-----)';
	}
	if ((trimmed.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length > 1) {
		return 'it holds more than one certificate: give only the IdP signing certificate';
	}
	const body = certificateBody(trimmed);
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return 'it is neither PEM nor base64 DER';
	try {
		return new X509Certificate(Buffer.from(body, 'base64'));
	} catch {
		return 'it does not parse as an X.509 certificate';
	}
}

function subjectOf(cert: X509Certificate): string {
	return cert.subject.split('\n').filter(Boolean).join(', ');
}

function day(date: string): string {
	const parsed = new Date(date);
	return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

const text = z.string({ invalid_type_error: 'must be text' });
const nonBlank = text.trim().min(1, 'must not be empty');

function scopesOf(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
	if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
	return value;
}

const SCHEMAS: Record<Kind, z.ZodType<unknown>> = {
	text,
	requiredText: nonBlank,
	boolean: z.boolean({ invalid_type_error: 'must be true or false' }),
	httpUrl: nonBlank.refine((v) => isHttpUrl(v, true), { message: 'must be an http(s) URL' }),
	optionalHttpUrl: text.trim().refine((v) => v === '' || isHttpUrl(v, true), { message: 'must be an http(s) URL (or empty)' }),
	issuerUrl: nonBlank
		.refine((v) => isHttpUrl(v, true), { message: 'must be an http(s) URL' })
		.refine((v) => !isHttpUrl(v, true) || new URL(v).search === '', { message: 'must not have a query (?...)' }),
	secret: nonBlank,
	idpType: z.enum(['GENERIC', 'CROWD'], { errorMap: () => ({ message: 'must be GENERIC or CROWD' }) }),
	scopes: z.preprocess(
		scopesOf,
		z.array(
			z.string({ invalid_type_error: 'must be text' }).refine((s) => !/\s/.test(s), {
				message: 'must not contain whitespace: separate scopes with commas, e.g. "groups, offline_access"',
			}),
			{ invalid_type_error: 'must be a comma-separated list of scopes' },
		),
	),
	cron: nonBlank.refine((v) => [6, 7].includes(v.split(/\s+/).length), {
		message: 'must be a Quartz cron expression of 6 or 7 fields, e.g. "0 0 1 * * ?"',
	}),
	certificate: nonBlank.transform((v, ctx) => {
		const cert = parseCertificate(v);
		if (typeof cert === 'string') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is not a valid X.509 certificate: ${cert}` });
			return z.NEVER;
		}
		if (new Date(cert.validTo).getTime() < Date.now()) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `has expired: "${subjectOf(cert)}" was valid until ${day(cert.validTo)}`,
			});
			return z.NEVER;
		}
		return certificateBody(v);
	}),
};

/** A parameter's value checked and converted for the API; the error names the parameter, never a secret's value. */
export function apiValue(ctx: IExecuteFunctions, field: FieldMapping, value: unknown, itemIndex: number): unknown {
	const result = SCHEMAS[field.kind].safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const shown = field.kind === 'secret' || field.kind === 'certificate' || typeof value !== 'string' ? '' : ` ("${value}")`;
	throw new NodeOperationError(ctx.getNode(), `"${field.label}" (${field.parameter})${shown} ${issue.message}`, {
		itemIndex,
		description: 'Nothing was sent. Correct the parameter, or the expression that fills it.',
	});
}

/** Sets one converted value at its API place (nested for `jit-configuration`). */
function place(body: IDataObject, field: FieldMapping, value: unknown): void {
	if (field.api.length === 1) {
		body[field.api[0]] = value as IDataObject[string];
		return;
	}
	const [outer, inner] = field.api;
	const nested = (body[outer] as IDataObject | undefined) ?? {};
	nested[inner] = value as IDataObject[string];
	body[outer] = nested;
}

/**
 * The API body of the parameters given (camelCase → kebab-case), each value validated.
 * With `ssoType`, fields of the other type are left out (hidden leftovers of a type switch in the editor).
 */
export function toApiBody(
	ctx: IExecuteFunctions,
	table: FieldMapping[],
	values: IDataObject,
	itemIndex: number,
	ssoType?: SsoType,
): IDataObject {
	const body: IDataObject = {};
	for (const [parameter, value] of Object.entries(values)) {
		if (value === undefined || value === null) continue;
		const field = mappingOf(table, parameter);
		if (!field) {
			throw new NodeOperationError(ctx.getNode(), `Unknown field "${parameter}"`, {
				itemIndex,
				description: 'Nothing was sent. This field is not part of the API.',
			});
		}
		if (ssoType && !field.ssoTypes.includes(ssoType)) continue;
		place(body, field, apiValue(ctx, field, value, itemIndex));
	}
	return body;
}

/** The body as a dry run shows it: the client secret replaced. */
export function maskSecrets(body: IDataObject): IDataObject {
	return 'client-secret' in body ? { ...body, 'client-secret': HIDDEN_SECRET } : body;
}
