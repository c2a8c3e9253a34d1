import type { Operation } from '../../../shared/node';
import { readConnections } from '../../reads';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many connections',
		description:
			'List the enabled AD/LDAP connections with the attribute names each one synchronises. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		const connections = await readConnections(this, itemIndex);
		return Object.entries(connections).map(([connection, fields]) => ({ connection, fields }));
	},
};
