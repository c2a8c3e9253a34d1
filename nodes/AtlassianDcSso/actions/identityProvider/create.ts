import { NodeOperationError, type IDataObject, type INodeProperties } from 'n8n-workflow';

import { mutationOptions, answeredObject, sendMutation } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { idpsPath } from '../../api';
import { maskSecrets, toApiBody } from '../../apiBody';
import { IDP_FIELDS, REQUIRED_ON_CREATE, fieldNamed, type SsoType } from '../../fieldMapping';
import { createAdditionalFields, fieldProperty, requiredCreateProperty } from '../../parameters';

const ssoTypeProperty: INodeProperties = {
	displayName: 'SSO Type',
	name: 'ssoType',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'OpenID Connect', value: 'OIDC' },
		{ name: 'SAML', value: 'SAML' },
	],
	default: 'SAML',
	description: 'The protocol of the identity provider; it cannot be changed later',
};

const TOP_LEVEL = ['name', ...REQUIRED_ON_CREATE.SAML, ...REQUIRED_ON_CREATE.OIDC].filter(
	(p, i, all) => all.indexOf(p) === i,
);

const properties: INodeProperties[] = [
	ssoTypeProperty,
	{ ...fieldProperty('name'), required: true },
	...REQUIRED_ON_CREATE.SAML.filter((p) => p !== 'name').map((p) =>
		requiredCreateProperty(p, 'SAML'),
	),
	...REQUIRED_ON_CREATE.OIDC.filter((p) => p !== 'name').map((p) =>
		requiredCreateProperty(p, 'OIDC'),
	),
	createAdditionalFields(TOP_LEVEL),
	mutationOptions(),
];

const ENDPOINTS = ['authorizationEndpoint', 'tokenEndpoint', 'userinfoEndpoint'];

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create an identity provider',
		description:
			'Add a SAML or OIDC identity provider. Adds a login option for users once it is enabled.',
	},
	properties,
	async execute(itemIndex) {
		const ssoType = this.getNodeParameter('ssoType', itemIndex) as SsoType;
		if (ssoType !== 'SAML' && ssoType !== 'OIDC') {
			throw new NodeOperationError(
				this.getNode(),
				`Unknown SSO type "${String(ssoType)}": use SAML or OIDC`,
				{ itemIndex },
			);
		}
		const values: IDataObject = {};
		for (const parameter of REQUIRED_ON_CREATE[ssoType]) {
			values[parameter] = this.getNodeParameter(parameter, itemIndex, '');
		}
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		for (const [parameter, value] of Object.entries(additional)) {
			// The required fields are asked for above; a leftover of the same name would only shadow them.
			if (!TOP_LEVEL.includes(parameter)) values[parameter] = value;
		}
		if (ssoType === 'OIDC' && values.discoveryEnabled === false) {
			const missing = ENDPOINTS.filter(
				(p) => typeof values[p] !== 'string' || !(values[p] as string).trim(),
			);
			if (missing.length) {
				throw new NodeOperationError(
					this.getNode(),
					`With discovery off, set ${missing.map((p) => `"${fieldNamed(IDP_FIELDS, p)?.property.displayName}"`).join(', ')}`,
					{
						itemIndex,
						description: 'Nothing was sent. Without discovery the app needs all three endpoints.',
					},
				);
			}
		}
		const body: IDataObject = {
			'sso-type': ssoType,
			...toApiBody(this, IDP_FIELDS, values, itemIndex, ssoType),
		};
		// Each POST adds another identity provider: never repeated.
		const sent = await sendMutation(this, itemIndex, {
			method: 'POST',
			path: idpsPath(),
			body,
			dryRunBody: maskSecrets(body),
			idempotent: false,
		});
		if ('dryRun' in sent) return sent.dryRun;
		// A version that answers 204 with no body gives no id: the output says what was sent, without the secret.
		return answeredObject(sent.response) ?? { ...maskSecrets(body), created: true };
	},
};
