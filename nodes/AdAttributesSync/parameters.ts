import type { INodeProperties } from 'n8n-workflow';

export const connectionProperty: INodeProperties = {
	displayName: 'Connection',
	name: 'connection',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Active_Directory_server',
	description: 'The ID or name of the AD/LDAP connection (see Connection → Get Many)',
};

export const optionalConnectionProperty: INodeProperties = {
	...connectionProperty,
	required: false,
	description: 'The ID or name of the AD/LDAP connection. Leave empty for all enabled connections.',
};

export const userProperty: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'jsmith',
	description: 'The user key (e.g. JIRAUSER10119) or username',
};

export const connectionIdProperty: INodeProperties = {
	displayName: 'Connection ID',
	name: 'connectionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '2',
	description: 'The ID of the connection to update',
};

/** `a, b,,c` -> `a,b,c` (Deviniti's filters take comma-separated values); undefined when empty. */
export function commaList(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const list = String(value)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return list.length ? list.join(',') : undefined;
}
