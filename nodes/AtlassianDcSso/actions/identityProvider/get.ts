import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { apiRequestJson } from '../../../shared/transport';
import { idpPath } from '../../api';
import { idpId, idpIdProperty } from '../../parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an identity provider',
		description: 'Read the configuration of one identity provider by its numeric ID (the client secret is never returned). Changes nothing.',
	},
	properties: [idpIdProperty],
	async execute(itemIndex) {
		const id = idpId(this, itemIndex);
		return await apiRequestJson<IDataObject>(this, { method: 'GET', path: idpPath(id) }, itemIndex);
	},
};
