import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../../shared/json';
import type { Operation } from '../../../shared/operation';
import { expectArray } from '../../../shared/shape';
import { apiRequestJson } from '../../../shared/transport';
import { idpIdsPath } from '../../api';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many identity providers',
		description: 'List every identity provider configured in Kantega SSO (ID and name), active or not. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		const request = { method: 'GET' as const, path: idpIdsPath() };
		const answer = await apiRequestJson(this, request, itemIndex);
		return expectArray<IDataObject>(this, request, answer, itemIndex, 'a list of {id, name}', isRecord);
	},
};
