import type { IDataObject } from 'n8n-workflow';

import {
	optionsCollection,
	returnAllAndLimit,
	locatorValue,
	maxInFlightOption,
	maxResults,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { usersPath } from '../../api';
import { commaList, optionalConnectionProperty } from '../../parameters';
import { readUsers } from '../../reads';

const FILTERS = [
	'usernames',
	'userkeys',
	'configurationIds',
	'configurationNames',
	'fields',
] as const;

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many users',
		description:
			'List users with their synchronised AD attributes, in one connection or in all of them, optionally filtered. Changes nothing.',
	},
	properties: [
		optionalConnectionProperty,
		...returnAllAndLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Configuration IDs',
					name: 'configurationIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1,2',
					description:
						'Comma-separated connection IDs the users were synchronised in (ignored when Connection is set)',
				},
				{
					displayName: 'Configuration Names or IDs',
					name: 'configurationNames',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getConnectionNames' },
					default: [],
					description:
						'The connections the users were synchronised in (ignored when Connection is set). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Field Names or IDs',
					name: 'fields',
					type: 'multiOptions',
					typeOptions: {
						loadOptionsMethod: 'getConnectionFields',
						loadOptionsDependsOn: ['connection.value'],
					},
					default: [],
					description:
						'The AD attributes to output; all when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'User Keys',
					name: 'userkeys',
					type: 'string',
					default: '',
					placeholder: 'e.g. JIRAUSER10119,JIRAUSER10000',
					description:
						'Comma-separated user keys (users matching a username or a user key are returned)',
				},
				{
					displayName: 'Usernames',
					name: 'usernames',
					type: 'string',
					default: '',
					placeholder: 'e.g. jsmith,jdoe',
					description:
						'Comma-separated usernames (users matching a username or a user key are returned)',
				},
			],
		},
		optionsCollection(maxInFlightOption),
	],
	async execute(itemIndex) {
		const connection = locatorValue(this, 'connection', itemIndex) || undefined;
		const given = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const filters: IDataObject = {};
		for (const name of FILTERS) {
			const value = commaList(given[name]);
			if (value !== undefined) filters[name] = value;
		}
		return await readUsers(
			this,
			itemIndex,
			usersPath(connection),
			filters,
			maxResults(this, itemIndex),
		);
	},
};
