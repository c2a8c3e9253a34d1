import type { Operation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { expectRecord } from '../../../shared/shape';
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
		const request = { method: 'GET' as const, path: connectorPath(connectorId) };
		return expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, 'a connector object');
	},
};
