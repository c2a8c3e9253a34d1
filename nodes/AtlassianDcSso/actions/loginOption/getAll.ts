import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { apiRequestJson } from '../../../shared/transport';
import { loginOptionsPath, type Page } from '../../api';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many login options',
		description: 'List the enabled ways to log in: the login form and each enabled identity provider. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		const page = await apiRequestJson<Page<IDataObject>>(this, { method: 'GET', path: loginOptionsPath() }, itemIndex);
		return Array.isArray(page.results) ? page.results : [];
	},
};
