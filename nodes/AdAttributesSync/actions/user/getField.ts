import {
	optionsCollection,
	requiredLocator,
	maxInFlight,
	maxInFlightOption,
	requiredString,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { expectRecord, apiRequestJson } from '../../../shared/http';
import { fieldPath } from '../../api';
import { connectionProperty, userProperty } from '../../parameters';

export const getField: Operation = {
	option: {
		name: 'Get Field',
		value: 'getField',
		action: 'Get a field of a user',
		description: 'Read the value of one AD attribute of a user in a connection. Changes nothing.',
	},
	properties: [
		userProperty,
		connectionProperty,
		{
			displayName: 'Field Name or ID',
			name: 'field',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getConnectionFields',
				loadOptionsDependsOn: ['connection.value'],
			},
			required: true,
			default: '',
			description:
				'The AD attribute, from the ones the connection synchronises. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		optionsCollection(maxInFlightOption),
	],
	concurrency: maxInFlight,
	async execute(itemIndex) {
		const connection = requiredLocator(this, 'connection', itemIndex);
		const user = requiredString(this, 'user', itemIndex);
		const field = requiredString(this, 'field', itemIndex);
		const request = { method: 'GET' as const, path: fieldPath(connection, user, field) };
		const answer = expectRecord(
			this,
			request,
			await apiRequestJson(this, request, itemIndex),
			itemIndex,
			'{"<field>": value}',
		);
		return { connection, user, field, value: answer[field] ?? null };
	},
};
