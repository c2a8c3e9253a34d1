import type { IDataObject } from 'n8n-workflow';

import {
	optionsCollection,
	locatorValue,
	maxInFlight,
	maxInFlightOption,
	requiredString,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { expectRecord, apiRequestJson } from '../../../shared/http';
import { userPath } from '../../api';
import { optionalConnectionProperty, userProperty } from '../../parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a user',
		description:
			"Read a user's synchronised AD attributes (by user key or username), in one connection or in every enabled one. Changes nothing.",
	},
	properties: [userProperty, optionalConnectionProperty, optionsCollection(maxInFlightOption)],
	concurrency: maxInFlight,
	async execute(itemIndex) {
		const user = requiredString(this, 'user', itemIndex);
		const connection = locatorValue(this, 'connection', itemIndex) || undefined;
		const request = { method: 'GET' as const, path: userPath(user, connection) };
		const answer = expectRecord(
			this,
			request,
			await apiRequestJson(this, request, itemIndex),
			itemIndex,
			"an object of the user's attributes",
		);
		if (connection) return { user, connection, fields: answer };
		// Without a connection the answer maps each connection's name to the user's attributes there.
		return Object.entries(answer).map(([name, fields]) => ({
			user,
			connection: name,
			fields: fields as IDataObject,
		}));
	},
};
