import type { Resource } from '../../shared/node';
import { getAll as getAllIdentityProviders } from './identityProvider/getAll';
import { add } from './managedGroup/add';
import { check } from './managedGroup/check';
import { getAll as getAllManagedGroups } from './managedGroup/getAll';
import { remove } from './managedGroup/remove';
import { replace } from './managedGroup/replace';

export const resources: Resource[] = [
	{
		option: { name: 'Identity Provider', value: 'identityProvider' },
		operations: [getAllIdentityProviders],
	},
	{
		option: { name: 'Managed Group', value: 'managedGroup' },
		operations: [getAllManagedGroups, add, check, remove, replace],
	},
];
