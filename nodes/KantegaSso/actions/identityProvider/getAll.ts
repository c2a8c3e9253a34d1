import type { Operation } from '../../../shared/node';
import { readIdentityProviders } from '../../reads';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many identity providers',
		description:
			'List every identity provider configured in Kantega SSO (ID and name), active or not. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		return await readIdentityProviders(this, itemIndex);
	},
};
