import type { Operation } from '../../../shared/node';
import { requiredLocator } from '../../../shared/node';
import { readManagedGroups } from '../../reads';
import { idpIdProperty } from '../../parameters';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many managed groups',
		description: 'List the groups Kantega SSO manages for an identity provider. Changes nothing.',
	},
	properties: [idpIdProperty],
	async execute(itemIndex) {
		const idpId = requiredLocator(this, 'idpId', itemIndex);
		const groups = await readManagedGroups(this, idpId, itemIndex);
		return groups.map((group) => ({ idpId, group }));
	},
};
