import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredLocator, resourceLocator } from '../shared/node';
import { fieldNamed, IDP_FIELDS, type Field, type SsoType } from './fieldMapping';

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
		throw new NodeOperationError(
			ctx.getNode(),
			`The identity provider ID must be a number, not "${id}"`,
			{
				itemIndex,
				description:
					'Nothing was sent. The IDs are the numeric "id" fields of Identity Provider → Get Many.',
			},
		);
	}
	return id;
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The editor parameter of an IdP field, by its name. */
export function fieldProperty(name: string): INodeProperties {
	return { ...fieldNamed(IDP_FIELDS, name)?.property } as INodeProperties;
}

/** The top-level parameters of create: the ones each type requires. */
export function requiredCreateProperty(name: string, ssoType: SsoType): INodeProperties {
	return {
		...fieldProperty(name),
		required: true,
		displayOptions: { show: { ssoType: [ssoType] } },
	};
}

/** Create's `additionalFields`: each type-specific field shown only for its `ssoType`. */
export function createAdditionalFields(topLevel: string[]): INodeProperties {
	const options = IDP_FIELDS.filter((f) => !topLevel.includes(f.property.name)).map((field) =>
		field.only
			? { ...field.property, displayOptions: { show: { '/ssoType': [field.only] } } }
			: { ...field.property },
	);
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: options.sort(byDisplayName),
	};
}

/** An `updateFields` collection of every field of a table: only the fields added are sent. */
export function updateFields(table: Field[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Only the fields added here are sent; the others stay as they are',
		options: table.map((f) => ({ ...f.property })).sort(byDisplayName),
	};
}
