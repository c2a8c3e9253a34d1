import type { IDataObject } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { apiRequestJson } from '../../../shared/transport';
import { connectorPath } from '../../api';
import { connectorIdProperty } from '../../parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a User Sync connector',
		description: 'Read the settings of a User Sync connector. Changes nothing.',
	},
	properties: [connectorIdProperty],
	async execute(itemIndex) {
		const connectorId = requiredString(this, 'connectorId', itemIndex);
		return await apiRequestJson<IDataObject>(this, { method: 'GET', path: connectorPath(connectorId) }, itemIndex);
	},
};
