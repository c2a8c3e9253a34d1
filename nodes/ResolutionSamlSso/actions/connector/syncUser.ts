import type { IDataObject } from 'n8n-workflow';

import {
	mutationOptions,
	maxInFlight,
	maxInFlightOption,
	sendMutation,
	requiredString,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { syncUserPath } from '../../api';
import { connectorIdProperty } from '../../parameters';

export const syncUser: Operation = {
	option: {
		name: 'Sync User',
		value: 'syncUser',
		action: 'Sync one user',
		description:
			'Update one user from the identity provider (Single User Update). Creates or changes that user in the product; many input items run a few at a time.',
	},
	properties: [
		connectorIdProperty,
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. jane.doe',
			description: 'The username to update from the identity provider',
		},
		mutationOptions(maxInFlightOption),
	],
	concurrency: maxInFlight,
	async execute(itemIndex) {
		const connectorId = requiredString(this, 'connectorId', itemIndex);
		const username = requiredString(this, 'username', itemIndex);
		const sent = await sendMutation(this, itemIndex, {
			method: 'POST',
			path: syncUserPath(connectorId, username),
			// Updates one user from the identity provider: twice gives the same user.
			idempotent: true,
		});
		if ('dryRun' in sent) return sent.dryRun;
		const { json, body } = sent.response;
		const answer: IDataObject =
			json && typeof json === 'object' && !Array.isArray(json)
				? (json as IDataObject)
				: { message: body.trim() };
		return { connectorId, username, ...answer };
	},
};
