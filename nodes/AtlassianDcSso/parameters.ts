import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredLocator, resourceLocator } from '../shared/locator';
import { IDP_FIELDS, mappingOf, type SsoType } from './fieldMapping';

export const idpIdProperty: INodeProperties = resourceLocator({
	displayName: 'Identity Provider',
	name: 'idpId',
	description: 'The identity provider of SSO for Atlassian Data Center',
	searchListMethod: 'searchIdentityProviders',
	idMode: { placeholder: 'e.g. 3', regex: '^\\s*\\d+\\s*$', errorMessage: 'The ID is a number' },
});

/** The IdP id: a number in the app; anything else would reach a URL the app does not serve. */
export function idpId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = requiredLocator(ctx, 'idpId', itemIndex);
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `The identity provider ID must be a number, not "${id}"`, {
			itemIndex,
			description: 'Nothing was sent. The IDs are the numeric "id" fields of Identity Provider → Get Many.',
		});
	}
	return id;
}

/** Editor descriptions of every IdP field, by parameter name (the API names are in fieldMapping.ts). */
const FIELD_PROPERTIES: Record<string, Omit<INodeProperties, 'name'>> = {
	name: {
		displayName: 'Name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Okta',
		description: 'Name of the identity provider, shown to administrators',
	},
	enabled: {
		displayName: 'Enabled',
		type: 'boolean',
		default: true,
		description: 'Whether users can log in with this identity provider',
	},
	buttonText: {
		displayName: 'Button Text',
		type: 'string',
		default: '',
		placeholder: 'e.g. Log in with Okta',
		description: 'Text of the login button on the login page',
	},
	enableRememberMe: {
		displayName: 'Enable Remember Me',
		type: 'boolean',
		default: false,
		description: 'Whether users logging in with this identity provider are remembered',
	},
	includeCustomerLogins: {
		displayName: 'Include Customer Logins',
		type: 'boolean',
		default: false,
		description: 'Whether Jira Service Management customers log in with this identity provider too',
	},
	ssoUrl: {
		displayName: 'SSO URL',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://idp.example.com/sso/saml',
		description: 'SAML only: the single sign-on URL of the identity provider',
	},
	ssoIssuer: {
		displayName: 'SSO Issuer',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://idp.example.com',
		description: 'SAML only: the identity provider issuer (entity ID)',
	},
	certificate: {
		displayName: 'Certificate',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: '-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----',
		description: 'SAML only: the X.509 signing certificate of the identity provider, PEM or base64 DER. It must not be expired.',
	},
	idpType: {
		displayName: 'IdP Type',
		type: 'options',
		options: [
			{ name: 'Crowd', value: 'CROWD' },
			{ name: 'Generic', value: 'GENERIC' },
		],
		default: 'GENERIC',
		description: 'SAML only: the kind of identity provider',
	},
	usernameAttribute: {
		displayName: 'Username Attribute',
		type: 'string',
		default: '${NameID}',
		description: 'SAML only: the expression that gives the username from the assertion, e.g. ${NameID}',
	},
	issuerUrl: {
		displayName: 'Issuer URL',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.okta.com/oauth2/default',
		description: 'OIDC only: the issuer URL of the identity provider, without a query',
	},
	clientId: {
		displayName: 'Client ID',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0oa4x9y2zqCDE5f6g7h8',
		description: 'OIDC only: the client ID registered at the identity provider',
	},
	clientSecret: {
		displayName: 'Client Secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'OIDC only: the client secret. Write-only: the app never returns it, and the node never outputs it.',
	},
	discoveryEnabled: {
		displayName: 'Discovery Enabled',
		type: 'boolean',
		default: true,
		description: 'Whether to find the endpoints from the issuer\'s OpenID discovery document. When off, set the three endpoints.',
	},
	authorizationEndpoint: {
		displayName: 'Authorization Endpoint',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://idp.example.com/oauth2/v1/authorize',
		description: 'OIDC only: used when discovery is off',
	},
	tokenEndpoint: {
		displayName: 'Token Endpoint',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://idp.example.com/oauth2/v1/token',
		description: 'OIDC only: used when discovery is off',
	},
	userinfoEndpoint: {
		displayName: 'Userinfo Endpoint',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://idp.example.com/oauth2/v1/userinfo',
		description: 'OIDC only: used when discovery is off',
	},
	additionalScopes: {
		displayName: 'Additional Scopes',
		type: 'string',
		default: '',
		placeholder: 'e.g. groups, offline_access',
		description: 'OIDC only: scopes asked for besides openid, separated by commas',
	},
	usernameClaim: {
		displayName: 'Username Claim',
		type: 'string',
		default: '${preferred_username}',
		description: 'OIDC only: the expression that gives the username from the claims, e.g. ${preferred_username}',
	},
	userProvisioningEnabled: {
		displayName: 'User Provisioning Enabled',
		type: 'boolean',
		default: false,
		description: 'Whether users are created and updated just in time when they log in',
	},
	mappingDisplayName: {
		displayName: 'Mapping: Display Name',
		type: 'string',
		default: '',
		placeholder: 'e.g. ${name}',
		description: 'Just-in-time provisioning: the expression that gives the display name',
	},
	mappingEmail: {
		displayName: 'Mapping: Email',
		type: 'string',
		default: '',
		placeholder: 'e.g. ${email}',
		description: 'Just-in-time provisioning: the expression that gives the email address',
	},
	mappingGroups: {
		displayName: 'Mapping: Groups',
		type: 'string',
		default: '',
		placeholder: 'e.g. groups',
		description: 'Just-in-time provisioning: the attribute or claim that holds the groups',
	},
	additionalOpenidScopes: {
		displayName: 'Additional OpenID Scopes',
		type: 'string',
		default: '',
		placeholder: 'e.g. groups',
		description: 'Just-in-time provisioning (OIDC): scopes asked for to read the mapped claims, separated by commas',
	},
};

export function fieldProperty(parameter: string): INodeProperties {
	return { name: parameter, ...FIELD_PROPERTIES[parameter] } as INodeProperties;
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

/** The top-level parameters of create: the ones each type requires. */
export function requiredCreateProperty(parameter: string, ssoType: SsoType): INodeProperties {
	return { ...fieldProperty(parameter), required: true, displayOptions: { show: { ssoType: [ssoType] } } };
}

/** Create's `additionalFields`: each type-specific field shown only for its `ssoType`. */
export function createAdditionalFields(topLevel: string[]): INodeProperties {
	const options = IDP_FIELDS.filter((f) => !topLevel.includes(f.parameter)).map((field) => {
		const property = fieldProperty(field.parameter);
		return field.ssoTypes.length === 1 ? { ...property, displayOptions: { show: { '/ssoType': field.ssoTypes } } } : property;
	});
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: options.sort(byDisplayName),
	};
}

/** Update's `updateFields`: every IdP field (the type of the IdP is not known before the request). */
export function idpUpdateFields(): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Only the fields added here are sent; the others stay as they are',
		options: IDP_FIELDS.map((f) => fieldProperty(f.parameter)).sort(byDisplayName),
	};
}

export function mappingLabel(parameter: string): string {
	return mappingOf(IDP_FIELDS, parameter)?.label ?? parameter;
}
