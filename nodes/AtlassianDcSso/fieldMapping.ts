import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { HIDDEN_SECRET } from './api';
import { FIELD_SCHEMAS, type FieldKind } from './fieldValidation';

/**
 * The one place where the node's camelCase parameters meet the API's kebab-case fields.
 * Create and update both build their bodies from these tables; answers are returned unchanged.
 */

export type SsoType = 'SAML' | 'OIDC';
export const SSO_TYPES: SsoType[] = ['SAML', 'OIDC'];

export interface FieldMapping {
	/** The node parameter (camelCase). */
	parameter: string;
	/** Its display name, for messages. */
	label: string;
	/** The API field; two names for a field inside `jit-configuration`. */
	api: [string] | [string, string];
	kind: FieldKind;
	/** Which identity providers the field applies to. */
	ssoTypes: SsoType[];
}

export const JIT_CONFIGURATION = 'jit-configuration';
const JIT = JIT_CONFIGURATION;
const BOTH = SSO_TYPES;

export const IDP_FIELDS: FieldMapping[] = [
	{ parameter: 'name', label: 'Name', api: ['name'], kind: 'requiredText', ssoTypes: BOTH },
	{ parameter: 'enabled', label: 'Enabled', api: ['enabled'], kind: 'boolean', ssoTypes: BOTH },
	{
		parameter: 'buttonText',
		label: 'Button Text',
		api: ['button-text'],
		kind: 'text',
		ssoTypes: BOTH,
	},
	{
		parameter: 'enableRememberMe',
		label: 'Enable Remember Me',
		api: ['enable-remember-me'],
		kind: 'boolean',
		ssoTypes: BOTH,
	},
	{
		parameter: 'includeCustomerLogins',
		label: 'Include Customer Logins',
		api: ['include-customer-logins'],
		kind: 'boolean',
		ssoTypes: BOTH,
	},
	// SAML
	{ parameter: 'ssoUrl', label: 'SSO URL', api: ['sso-url'], kind: 'httpUrl', ssoTypes: ['SAML'] },
	{
		parameter: 'ssoIssuer',
		label: 'SSO Issuer',
		api: ['sso-issuer'],
		kind: 'requiredText',
		ssoTypes: ['SAML'],
	},
	{
		parameter: 'certificate',
		label: 'Certificate',
		api: ['certificate'],
		kind: 'certificate',
		ssoTypes: ['SAML'],
	},
	{
		parameter: 'idpType',
		label: 'IdP Type',
		api: ['idp-type'],
		kind: 'idpType',
		ssoTypes: ['SAML'],
	},
	{
		parameter: 'usernameAttribute',
		label: 'Username Attribute',
		api: ['username-attribute'],
		kind: 'requiredText',
		ssoTypes: ['SAML'],
	},
	// OIDC
	{
		parameter: 'issuerUrl',
		label: 'Issuer URL',
		api: ['issuer-url'],
		kind: 'issuerUrl',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'clientId',
		label: 'Client ID',
		api: ['client-id'],
		kind: 'requiredText',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'clientSecret',
		label: 'Client Secret',
		api: ['client-secret'],
		kind: 'secret',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'discoveryEnabled',
		label: 'Discovery Enabled',
		api: ['discovery-enabled'],
		kind: 'boolean',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'authorizationEndpoint',
		label: 'Authorization Endpoint',
		api: ['authorization-endpoint'],
		kind: 'optionalHttpUrl',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'tokenEndpoint',
		label: 'Token Endpoint',
		api: ['token-endpoint'],
		kind: 'optionalHttpUrl',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'userinfoEndpoint',
		label: 'Userinfo Endpoint',
		api: ['userinfo-endpoint'],
		kind: 'optionalHttpUrl',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'additionalScopes',
		label: 'Additional Scopes',
		api: ['additional-scopes'],
		kind: 'scopes',
		ssoTypes: ['OIDC'],
	},
	{
		parameter: 'usernameClaim',
		label: 'Username Claim',
		api: ['username-claim'],
		kind: 'requiredText',
		ssoTypes: ['OIDC'],
	},
	// Just-in-time provisioning (`jit-configuration`)
	{
		parameter: 'userProvisioningEnabled',
		label: 'User Provisioning Enabled',
		api: [JIT, 'user-provisioning-enabled'],
		kind: 'boolean',
		ssoTypes: BOTH,
	},
	{
		parameter: 'mappingDisplayName',
		label: 'Mapping: Display Name',
		api: [JIT, 'mapping-display-name'],
		kind: 'text',
		ssoTypes: BOTH,
	},
	{
		parameter: 'mappingEmail',
		label: 'Mapping: Email',
		api: [JIT, 'mapping-email'],
		kind: 'text',
		ssoTypes: BOTH,
	},
	{
		parameter: 'mappingGroups',
		label: 'Mapping: Groups',
		api: [JIT, 'mapping-groups'],
		kind: 'text',
		ssoTypes: BOTH,
	},
	{
		parameter: 'additionalOpenidScopes',
		label: 'Additional OpenID Scopes',
		api: [JIT, 'additional-openid-scopes'],
		kind: 'scopes',
		ssoTypes: ['OIDC'],
	},
];

export const SSO_SETTINGS_FIELDS: FieldMapping[] = [
	{
		parameter: 'showLoginForm',
		label: 'Show Login Form',
		api: ['show-login-form'],
		kind: 'boolean',
		ssoTypes: BOTH,
	},
	{
		parameter: 'enableAuthenticationFallback',
		label: 'Enable Authentication Fallback',
		api: ['enable-authentication-fallback'],
		kind: 'boolean',
		ssoTypes: BOTH,
	},
	{
		parameter: 'showLoginFormForJsm',
		label: 'Show Login Form for JSM',
		api: ['show-login-form-for-jsm'],
		kind: 'boolean',
		ssoTypes: BOTH,
	},
	{
		parameter: 'discoveryRefreshCron',
		label: 'Discovery Refresh Cron',
		api: ['discovery-refresh-cron'],
		kind: 'cron',
		ssoTypes: BOTH,
	},
];

/** The parameters create asks for at the top level, per type (the app rejects an IdP without them). */
export const REQUIRED_ON_CREATE: Record<SsoType, string[]> = {
	SAML: ['name', 'ssoUrl', 'ssoIssuer', 'certificate'],
	OIDC: ['name', 'issuerUrl', 'clientId', 'clientSecret'],
};

export function mappingOf(table: FieldMapping[], parameter: string): FieldMapping | undefined {
	return table.find((f) => f.parameter === parameter);
}

/** A parameter's value checked and converted for the API; the error names the parameter, never a secret's value. */
export function apiValue(
	ctx: IExecuteFunctions,
	field: FieldMapping,
	value: unknown,
	itemIndex: number,
): unknown {
	const result = FIELD_SCHEMAS[field.kind].safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const shown =
		field.kind === 'secret' || field.kind === 'certificate' || typeof value !== 'string'
			? ''
			: ` ("${value}")`;
	throw new NodeOperationError(
		ctx.getNode(),
		`"${field.label}" (${field.parameter})${shown} ${issue.message}`,
		{
			itemIndex,
			description: 'Nothing was sent. Correct the parameter, or the expression that fills it.',
		},
	);
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
