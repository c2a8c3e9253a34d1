import type { IDataObject } from 'n8n-workflow';

import {
	mutationOptions,
	nothingToUpdate,
	sendMutation,
	requiredString,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { connectionUpdateBody, updatePath, type ConnectionChange } from '../../api';
import { connectionIdProperty } from '../../parameters';

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a connection',
		description:
			'Rename a connection or change the user DN it binds to AD/LDAP with. Changes the connection settings in Jira.',
	},
	properties: [
		connectionIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Active_Directory_server',
					description: 'The new name of the connection',
				},
				{
					displayName: 'User DN',
					name: 'userDn',
					type: 'string',
					default: '',
					placeholder: 'e.g. CN=svc-jira,OU=Service,DC=example,DC=com',
					description: 'The new distinguished name of the user the connection binds with',
				},
			],
		},
		mutationOptions(),
	],
	async execute(itemIndex) {
		const connectionId = requiredString(this, 'connectionId', itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const change: ConnectionChange = {};
		if (typeof fields.name === 'string' && fields.name.trim()) change.name = fields.name.trim();
		if (typeof fields.userDn === 'string' && fields.userDn.trim())
			change.userDn = fields.userDn.trim();
		if (!Object.keys(change).length)
			throw nothingToUpdate(this, itemIndex, 'set "Name" or "User DN" in "Update Fields"');
		const sent = await sendMutation(this, itemIndex, {
			method: 'PUT',
			path: updatePath(),
			// Sets the same name and DN again: repeating it changes nothing more.
			idempotent: true,
			body: connectionUpdateBody(connectionId, change),
		});
		if ('dryRun' in sent) return sent.dryRun;
		return { connectionId, ...change, updated: true };
	},
};
