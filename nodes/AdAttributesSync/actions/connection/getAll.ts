import type { Operation } from '../../../shared/operation';
import { expectRecord } from '../../../shared/shape';
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
		const request = { method: 'GET' as const, path: connectionsPath() };
		const connections = expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, 'an object of connection name → attribute names');
		return Object.entries(connections).map(([connection, fields]) => ({ connection, fields }));
	},
};
