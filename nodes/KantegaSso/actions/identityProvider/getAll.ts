import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
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
		return await apiRequestJson<IDataObject[]>(this, { method: 'GET', path: idpIdsPath() }, itemIndex);
	},
};
