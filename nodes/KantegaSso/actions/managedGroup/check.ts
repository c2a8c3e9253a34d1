import type { Operation } from '../../../shared/node';
import { isManagedGroup } from '../../reads';
import { groupProperty, idpAndGroup, idpIdProperty } from '../../parameters';

export const check: Operation = {
	option: {
		name: 'Check',
		value: 'check',
		action: 'Check whether a group is managed',
		description:
			'Answer whether Kantega SSO manages a group for an identity provider ({exists: true|false}). Changes nothing.',
	},
	properties: [idpIdProperty, groupProperty],
	async execute(itemIndex) {
		const { idpId, group } = idpAndGroup(this, itemIndex);
		return { idpId, group, exists: await isManagedGroup(this, itemIndex, idpId, group) };
	},
};
