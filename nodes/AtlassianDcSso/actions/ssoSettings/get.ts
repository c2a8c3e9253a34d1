import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { apiRequestJson } from '../../../shared/transport';
import { ssoPath } from '../../api';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the SSO settings',
		description: 'Read the login form and authentication fallback settings. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		return await apiRequestJson<IDataObject>(this, { method: 'GET', path: ssoPath() }, itemIndex);
	},
};
