import type { Operation } from '../../../shared/operation';
import { apiRequestJson } from '../../../shared/transport';
import { connectionsPath } from '../../api';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many connections',
		description: 'List the enabled AD/LDAP connections with the attribute names each one synchronises. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		const connections = await apiRequestJson<Record<string, string[]>>(this, { method: 'GET', path: connectionsPath() }, itemIndex);
		return Object.entries(connections ?? {}).map(([connection, fields]) => ({ connection, fields }));
	},
};
