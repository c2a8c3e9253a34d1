import type { IDataObject } from 'n8n-workflow';

import type { Simulator } from '../simulator';

/** The running SAML SSO configuration of the simulator's seed (a copy). */
export function seedConfigOf(sim: Simulator): IDataObject {
	const versions = sim.state.resolution.configVersions;
	return JSON.parse(JSON.stringify(versions[versions.length - 1])) as IDataObject;
}
