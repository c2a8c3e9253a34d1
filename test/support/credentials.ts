import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SIMULATOR_USERS, type Simulator } from '../simulator';

/** The credential of the simulator's sysadmin, with Basic auth (a trailing slash, as users paste it). */
export function adminBasic(
	sim: Pick<Simulator, 'url'>,
	extra: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	const { username, password } = SIMULATOR_USERS.admin;
	return { baseUrl: `${sim.url}/`, authentication: 'basicAuth', username, password, ...extra };
}

/** The credential of the simulator's sysadmin, with a personal access token. */
export function adminToken(sim: Simulator): ICredentialDataDecryptedObject {
	return {
		baseUrl: sim.url,
		authentication: 'personalAccessToken',
		personalAccessToken: SIMULATOR_USERS.admin.token,
	};
}

/** A credential whose secret must never show up anywhere: outputs, errors, logs. */
export const LEAK_CANARY = 'canary-Secret-9f3e1c';

/** The Authorization header of the simulator's sysadmin with Basic auth, for a client without n8n (plain fetch). */
export function adminBasicAuthorization(): string {
	const { username, password } = SIMULATOR_USERS.admin;
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
