import type { Resource } from '../../shared/node';
import { getAll as getAllConnections } from './connection/getAll';
import { update as updateConnection } from './connection/update';
import { get as getUser } from './user/get';
import { getAll as getAllUsers } from './user/getAll';
import { getField } from './user/getField';
import { update as updateUser } from './user/update';

export const resources: Resource[] = [
	{
		option: { name: 'Connection', value: 'connection' },
		operations: [getAllConnections, updateConnection],
	},
	{
		option: { name: 'User', value: 'user' },
		operations: [getUser, getAllUsers, getField, updateUser],
	},
];
