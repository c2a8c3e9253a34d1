import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, requiredString } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { connectorIdProperty } from '../../parameters';
import { readSyncStatus } from '../../reads';

export const getStatus: Operation = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get the status of a sync',
		description:
			"Read the result of a connector's last sync, or of one sync by its ID, with its counts. Changes nothing.",
	},
	properties: [
		connectorIdProperty,
		optionsCollection({
			displayName: 'Sync ID',
			name: 'syncId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 17',
			description:
				'The ID of one sync (the "syncId" that Sync outputs); empty for the last sync of the connector',
		}),
	],
	async execute(itemIndex) {
		const connectorId = requiredString(this, 'connectorId', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const syncId = String(options.syncId ?? '').trim();
		return await readSyncStatus(this, itemIndex, connectorId, syncId);
	},
};
