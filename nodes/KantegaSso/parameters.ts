import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString } from '../shared/parameters';

export const idpIdProperty: INodeProperties = {
	displayName: 'Identity Provider ID',
	name: 'idpId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1ncq3jsPC74BGuNnfZPl',
	description: 'The ID of the identity provider in Kantega SSO (see Identity Provider → Get Many)',
};

export const groupProperty: INodeProperties = {
	displayName: 'Group',
	name: 'group',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'jira-software-users',
	description: 'The name of the managed group, exactly as in the product',
};

export function idpAndGroup(ctx: IExecuteFunctions, itemIndex: number): { idpId: string; group: string } {
	return { idpId: requiredString(ctx, 'idpId', itemIndex), group: requiredString(ctx, 'group', itemIndex) };
}
