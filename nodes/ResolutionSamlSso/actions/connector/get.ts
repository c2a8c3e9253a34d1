import type { Operation } from '../../../shared/node';
import { requiredString } from '../../../shared/node';
import { expectRecord, apiRequestJson } from '../../../shared/http';
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
		return expectRecord(
			this,
			request,
			await apiRequestJson(this, request, itemIndex),
			itemIndex,
			'a connector object',
		);
	},
};
