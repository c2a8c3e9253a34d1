import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../shared/node';

export const connectionProperty: INodeProperties = resourceLocator({
	displayName: 'Connection',
	name: 'connection',
	description: 'The AD/LDAP connection',
	searchListMethod: 'searchConnections',
	idMode: { displayName: 'By ID or Name', placeholder: 'e.g. 2 or Active_Directory_server' },
});

export const optionalConnectionProperty: INodeProperties = {
	...connectionProperty,
	required: false,
	description: 'The AD/LDAP connection. Leave empty for all enabled connections.',
};

export const userProperty: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. jsmith',
	description: 'The user key (e.g. JIRAUSER10119) or username',
};

export const connectionIdProperty: INodeProperties = {
	displayName: 'Connection ID',
	name: 'connectionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2',
	description:
		'The numeric ID of the connection to update (the app lists connections by name only)',
	hint: 'In Jira: Administration → Manage apps → AD Attributes Sync, the ID of the connection',
};

/** `a, b,,c` or `['a', 'b']` -> `a,b,c` (Deviniti's filters take comma-separated values); undefined when empty. */
export function commaList(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const list = (Array.isArray(value) ? value.map(String) : String(value).split(','))
		.map((v) => v.trim())
		.filter(Boolean);
	return list.length ? list.join(',') : undefined;
}
