import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../../../shared/constants';
import type { Operation } from '../../../shared/operation';
import { expectRecord } from '../../../shared/shape';
import { optionalString, requiredString } from '../../../shared/parameters';
import { apiRequestJson } from '../../../shared/transport';
import { userPath } from '../../api';
import { optionalConnectionProperty, userProperty } from '../../parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a user',
		description: "Get a user's synchronised AD attributes, in one connection or in every enabled one",
	},
	properties: [userProperty, optionalConnectionProperty],
	concurrency: () => DEFAULT_CONCURRENCY,
	async execute(itemIndex) {
		const user = requiredString(this, 'user', itemIndex);
		const connection = optionalString(this, 'connection', itemIndex);
		const request = { method: 'GET' as const, path: userPath(user, connection) };
		const answer = expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, "an object of the user's attributes");
		if (connection) return { user, connection, fields: answer };
		// Without a connection the answer maps each connection's name to the user's attributes there.
		return Object.entries(answer).map(([name, fields]) => ({ user, connection: name, fields: fields as IDataObject }));
	},
};
