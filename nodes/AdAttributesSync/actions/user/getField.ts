import { DEFAULT_CONCURRENCY } from '../../../shared/constants';
import type { Operation } from '../../../shared/operation';
import { expectRecord } from '../../../shared/shape';
import { requiredString } from '../../../shared/parameters';
import { apiRequestJson } from '../../../shared/transport';
import { fieldPath } from '../../api';
import { connectionProperty, userProperty } from '../../parameters';

export const getField: Operation = {
	option: {
		name: 'Get Field',
		value: 'getField',
		action: 'Get a field of a user',
		description: 'Get the value of one AD attribute of a user in a connection',
	},
	properties: [
		userProperty,
		connectionProperty,
		{
			displayName: 'Field',
			name: 'field',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'title',
			description: 'The AD attribute name, as in the connection (see Connection → Get Many)',
		},
	],
	concurrency: () => DEFAULT_CONCURRENCY,
	async execute(itemIndex) {
		const connection = requiredString(this, 'connection', itemIndex);
		const user = requiredString(this, 'user', itemIndex);
		const field = requiredString(this, 'field', itemIndex);
		const request = { method: 'GET' as const, path: fieldPath(connection, user, field) };
		const answer = expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, '{"<field>": value}');
		return { connection, user, field, value: answer[field] ?? null };
	},
};
