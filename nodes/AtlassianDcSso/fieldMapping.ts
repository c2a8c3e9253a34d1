import type { INodeProperties } from 'n8n-workflow';

import type { FieldKind } from './fieldValidation';

/**
 * The one table of the fields the node sends, for identity providers and for the SSO settings:
 * each field's editor parameter (camelCase, its label, default and help), the API field it becomes
 * (kebab-case) and its kind. The parameters of create and update and their request bodies
 * (apiBody.ts) are all derived from it.
 */

export type SsoType = 'SAML' | 'OIDC';

/** A field the node sends: its editor parameter, the API field it becomes, and its kind. */
export interface Field {
	property: INodeProperties;
	/** The API field; two names for a field inside `jit-configuration`. */
	api: [string] | [string, string];
	kind: FieldKind;
	/** The one type of identity provider the field applies to; absent: both. */
	only?: SsoType;
}

export const JIT_CONFIGURATION = 'jit-configuration';
const JIT = JIT_CONFIGURATION;

export const IDP_FIELDS: Field[] = [
	{
		property: {
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Okta',
			description: 'Name of the identity provider, shown to administrators',
		},
		api: ['name'],
		kind: 'requiredText',
	},
	{
		property: {
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: true,
			description: 'Whether users can log in with this identity provider',
		},
		api: ['enabled'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'Button Text',
			name: 'buttonText',
			type: 'string',
			default: '',
			placeholder: 'e.g. Log in with Okta',
			description: 'Text of the login button on the login page',
		},
		api: ['button-text'],
		kind: 'text',
	},
	{
		property: {
			displayName: 'Enable Remember Me',
			name: 'enableRememberMe',
			type: 'boolean',
			default: false,
			description: 'Whether users logging in with this identity provider are remembered',
		},
		api: ['enable-remember-me'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'Include Customer Logins',
			name: 'includeCustomerLogins',
			type: 'boolean',
			default: false,
			description:
				'Whether customers of the customer portal log in with this identity provider too. Jira Service Management only: no effect on Jira without it, Confluence or Bitbucket.',
		},
		api: ['include-customer-logins'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'SSO URL',
			name: 'ssoUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://idp.example.com/sso/saml',
			description: 'SAML only: the single sign-on URL of the identity provider',
		},
		api: ['sso-url'],
		kind: 'httpUrl',
		only: 'SAML',
	},
	{
		property: {
			displayName: 'SSO Issuer',
			name: 'ssoIssuer',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://idp.example.com',
			description: 'SAML only: the identity provider issuer (entity ID)',
		},
		api: ['sso-issuer'],
		kind: 'requiredText',
		only: 'SAML',
	},
	{
		property: {
			displayName: 'Certificate',
			name: 'certificate',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----',
			description:
				'SAML only: the X.509 signing certificate of the identity provider, PEM or base64 DER. It must not be expired.',
		},
		api: ['certificate'],
		kind: 'certificate',
		only: 'SAML',
	},
	{
		property: {
			displayName: 'IdP Type',
			name: 'idpType',
			type: 'options',
			options: [
				{ name: 'Crowd', value: 'CROWD' },
				{ name: 'Generic', value: 'GENERIC' },
			],
			default: 'GENERIC',
			description: 'SAML only: the kind of identity provider',
		},
		api: ['idp-type'],
		kind: 'idpType',
		only: 'SAML',
	},
	{
		property: {
			displayName: 'Username Attribute',
			name: 'usernameAttribute',
			type: 'string',
			default: '${NameID}',
			description:
				'SAML only: the expression that gives the username from the assertion, e.g. ${NameID}',
		},
		api: ['username-attribute'],
		kind: 'requiredText',
		only: 'SAML',
	},
	{
		property: {
			displayName: 'Issuer URL',
			name: 'issuerUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.okta.com/oauth2/default',
			description: 'OIDC only: the issuer URL of the identity provider, without a query',
		},
		api: ['issuer-url'],
		kind: 'issuerUrl',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0oa4x9y2zqCDE5f6g7h8',
			description: 'OIDC only: the client ID registered at the identity provider',
		},
		api: ['client-id'],
		kind: 'requiredText',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'OIDC only: the client secret. Write-only: the app never returns it, and the node never outputs it.',
		},
		api: ['client-secret'],
		kind: 'secret',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Discovery Enabled',
			name: 'discoveryEnabled',
			type: 'boolean',
			default: true,
			description:
				"Whether to find the endpoints from the issuer's OpenID discovery document. When off, set the three endpoints.",
		},
		api: ['discovery-enabled'],
		kind: 'boolean',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Authorization Endpoint',
			name: 'authorizationEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://idp.example.com/oauth2/v1/authorize',
			description: 'OIDC only: used when discovery is off',
		},
		api: ['authorization-endpoint'],
		kind: 'optionalHttpUrl',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Token Endpoint',
			name: 'tokenEndpoint',
			// A URL, not a secret:
			// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing
			type: 'string',
			default: '',
			placeholder: 'e.g. https://idp.example.com/oauth2/v1/token',
			description: 'OIDC only: used when discovery is off',
		},
		api: ['token-endpoint'],
		kind: 'optionalHttpUrl',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Userinfo Endpoint',
			name: 'userinfoEndpoint',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://idp.example.com/oauth2/v1/userinfo',
			description: 'OIDC only: used when discovery is off',
		},
		api: ['userinfo-endpoint'],
		kind: 'optionalHttpUrl',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Additional Scopes',
			name: 'additionalScopes',
			type: 'string',
			default: '',
			placeholder: 'e.g. groups, offline_access',
			description: 'OIDC only: scopes asked for besides openid, separated by commas',
		},
		api: ['additional-scopes'],
		kind: 'scopes',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'Username Claim',
			name: 'usernameClaim',
			type: 'string',
			default: '${preferred_username}',
			description:
				'OIDC only: the expression that gives the username from the claims, e.g. ${preferred_username}',
		},
		api: ['username-claim'],
		kind: 'requiredText',
		only: 'OIDC',
	},
	{
		property: {
			displayName: 'User Provisioning Enabled',
			name: 'userProvisioningEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether users are created and updated just in time when they log in',
		},
		api: [JIT, 'user-provisioning-enabled'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'Mapping: Display Name',
			name: 'mappingDisplayName',
			type: 'string',
			default: '',
			placeholder: 'e.g. ${name}',
			description: 'Just-in-time provisioning: the expression that gives the display name',
		},
		api: [JIT, 'mapping-display-name'],
		kind: 'text',
	},
	{
		property: {
			displayName: 'Mapping: Email',
			name: 'mappingEmail',
			type: 'string',
			default: '',
			placeholder: 'e.g. ${email}',
			description: 'Just-in-time provisioning: the expression that gives the email address',
		},
		api: [JIT, 'mapping-email'],
		kind: 'text',
	},
	{
		property: {
			displayName: 'Mapping: Groups',
			name: 'mappingGroups',
			type: 'string',
			default: '',
			placeholder: 'e.g. groups',
			description: 'Just-in-time provisioning: the attribute or claim that holds the groups',
		},
		api: [JIT, 'mapping-groups'],
		kind: 'text',
	},
	{
		property: {
			displayName: 'Additional OpenID Scopes',
			name: 'additionalOpenidScopes',
			type: 'string',
			default: '',
			placeholder: 'e.g. groups',
			description:
				"Just-in-time provisioning: OpenID scopes asked for to read the mapped claims, separated by commas. Part of every IdP's just-in-time configuration, SAML too (the app shows it there); only OIDC logins use it.",
		},
		api: [JIT, 'additional-openid-scopes'],
		kind: 'scopes',
	},
];

export const SSO_SETTINGS_FIELDS: Field[] = [
	{
		property: {
			displayName: 'Show Login Form',
			name: 'showLoginForm',
			type: 'boolean',
			default: true,
			description:
				'Whether the login page shows the username and password form besides the identity provider buttons',
		},
		api: ['show-login-form'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'Enable Authentication Fallback',
			name: 'enableAuthenticationFallback',
			type: 'boolean',
			default: true,
			description:
				'Whether administrators can still log in with username and password at the login page with ?auth_fallback: the break-glass switch to turn on before changing an identity provider',
		},
		api: ['enable-authentication-fallback'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'Show Login Form for JSM',
			name: 'showLoginFormForJsm',
			type: 'boolean',
			default: true,
			description:
				'Whether the customer portal shows the login form. Jira Service Management only: no effect on Jira without it, Confluence or Bitbucket.',
		},
		api: ['show-login-form-for-jsm'],
		kind: 'boolean',
	},
	{
		property: {
			displayName: 'Discovery Refresh Cron',
			name: 'discoveryRefreshCron',
			type: 'string',
			default: '0 0 1 * * ?',
			description:
				'Quartz cron expression (6 or 7 fields) of when OIDC discovery documents are fetched again',
		},
		api: ['discovery-refresh-cron'],
		kind: 'cron',
	},
];

/** The parameters create asks for at the top level, per type (the app rejects an IdP without them). */
export const REQUIRED_ON_CREATE: Record<SsoType, string[]> = {
	SAML: ['name', 'ssoUrl', 'ssoIssuer', 'certificate'],
	OIDC: ['name', 'issuerUrl', 'clientId', 'clientSecret'],
};

export function fieldNamed(table: Field[], name: string): Field | undefined {
	return table.find((f) => f.property.name === name);
}
