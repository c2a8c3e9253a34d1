import type { Resource } from '../../shared/node';
import { compare } from './config/compare';
import { deleteConfig } from './config/delete';
import { get as getConfig } from './config/get';
import { patch } from './config/patch';
import { replace } from './config/replace';
import { resetEntityId } from './config/resetEntityId';
import { get as getConnector } from './connector/get';
import { getStatus } from './connector/getStatus';
import { sync } from './connector/sync';
import { syncUser } from './connector/syncUser';
import { deleteDirectory } from './directory/delete';

export const resources: Resource[] = [
	{
		option: { name: 'Config', value: 'config', description: 'The SAML SSO configuration' },
		operations: [getConfig, replace, patch, deleteConfig, resetEntityId, compare],
	},
	{
		option: {
			name: 'Connector',
			value: 'connector',
			description: 'A User Sync connector and its syncs',
		},
		operations: [getConnector, getStatus, sync, syncUser],
	},
	{
		option: {
			name: 'Directory',
			value: 'directory',
			description: 'A user directory created by User Sync',
		},
		operations: [deleteDirectory],
	},
];
