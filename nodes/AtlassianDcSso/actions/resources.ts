import type { Resource } from '../../shared/node';
import { create } from './identityProvider/create';
import { deleteIdp } from './identityProvider/delete';
import { get as getIdentityProvider } from './identityProvider/get';
import { getAll as getAllIdentityProviders } from './identityProvider/getAll';
import { update as updateIdentityProvider } from './identityProvider/update';
import { getAll as getAllLoginOptions } from './loginOption/getAll';
import { get as getSsoSettings } from './ssoSettings/get';
import { update as updateSsoSettings } from './ssoSettings/update';

export const resources: Resource[] = [
	{
		option: { name: 'Identity Provider', value: 'identityProvider' },
		operations: [
			getAllIdentityProviders,
			getIdentityProvider,
			create,
			updateIdentityProvider,
			deleteIdp,
		],
	},
	{
		option: { name: 'Login Option', value: 'loginOption' },
		operations: [getAllLoginOptions],
	},
	{
		option: { name: 'SSO Settings', value: 'ssoSettings' },
		operations: [getSsoSettings, updateSsoSettings],
	},
];
