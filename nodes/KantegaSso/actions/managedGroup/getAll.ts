import type { Operation } from '../../../shared/operation';
import { requiredLocator } from '../../../shared/locator';
import { expectArray } from '../../../shared/shape';
import { apiRequestJson } from '../../../shared/transport';
import { groupsPath } from '../../api';
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
		const request = { method: 'GET' as const, path: groupsPath(idpId) };
		const answer = await apiRequestJson(this, request, itemIndex);
		const groups = expectArray<string>(this, request, answer, itemIndex, 'a list of group names', (g) => typeof g === 'string');
		return groups.map((group) => ({ idpId, group }));
	},
};
