import type { Operation } from '../../../shared/node';
import { apiRequest } from '../../../shared/http';
import { groupPath } from '../../api';
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
		const response = await apiRequest(
			this,
			{ method: 'GET', path: groupPath(idpId, group), acceptStatuses: [404] },
			itemIndex,
		);
		return { idpId, group, exists: response.statusCode !== 404 };
	},
};
