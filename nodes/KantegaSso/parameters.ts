import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredLocator, resourceLocator } from '../shared/node';

export const idpIdProperty: INodeProperties = resourceLocator({
	displayName: 'Identity Provider',
	name: 'idpId',
	description: 'The identity provider in Kantega SSO',
	searchListMethod: 'searchIdentityProviders',
	idMode: { placeholder: 'e.g. 1ncq3jsPC74BGuNnfZPl' },
});

/** The managed group to check, remove or replace: one of the chosen identity provider's managed groups. */
export const groupProperty: INodeProperties = resourceLocator({
	displayName: 'Group',
	name: 'group',
	description: 'The managed group, exactly as in the product',
	searchListMethod: 'searchManagedGroups',
	idMode: { displayName: 'By Name', placeholder: 'e.g. jira-software-users' },
});

/** The group to add: any group of the product, so a free name. */
export const newManagedGroupProperty: INodeProperties = {
	displayName: 'Group',
	name: 'group',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. jira-software-users',
	description: 'The name of the group, exactly as in the product',
	hint: 'A group of Jira, Confluence or Bitbucket (User management → Groups)',
};

export function idpAndGroup(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { idpId: string; group: string } {
	return {
		idpId: requiredLocator(ctx, 'idpId', itemIndex),
		group: requiredLocator(ctx, 'group', itemIndex),
	};
}
