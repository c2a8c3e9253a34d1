import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type NodeRun } from '../harness/runNode';
import { SIMULATOR_USERS, startSimulator, type RecordedRequest, type Simulator } from '../simulator';

export const PREFIX = '/rest/samlsso-admin/1.0';

export function credentialsFor(sim: Simulator): ICredentialDataDecryptedObject {
	return {
		baseUrl: `${sim.url}/`,
		authentication: 'basicAuth',
		username: SIMULATOR_USERS.admin.username,
		password: SIMULATOR_USERS.admin.password,
	};
}

/** One simulator per test file (context path /jira), reset before each test. */
export function useSimulator(): { readonly sim: Simulator } {
	const holder = {} as { sim: Simulator };
	beforeAll(async () => {
		holder.sim = await startSimulator({ contextPath: '/jira' });
	});
	beforeEach(() => holder.sim.reset());
	afterAll(async () => {
		await holder.sim.close();
	});
	return holder;
}

export async function run(
	sim: Simulator,
	parameters: INodeParameters,
	extra: { input?: IDataObject[]; inputItems?: INodeExecutionData[]; continueOnFail?: boolean; signal?: AbortSignal } = {},
): Promise<NodeRun> {
	return await runNode({ node: 'resolutionSamlSso', parameters, credentials: credentialsFor(sim), ...extra });
}

/** Requests to resolution's API only, as "METHOD rawPath". */
export function calls(sim: Simulator): string[] {
	return appRequests(sim).map((r) => `${r.method} ${r.rawPath}`);
}

export function appRequests(sim: Simulator): RecordedRequest[] {
	return sim.requests.filter((r) => r.path.startsWith(PREFIX));
}

export function latestConfig(sim: Simulator): IDataObject {
	const versions = sim.state.resolution.configVersions;
	return versions[versions.length - 1] as IDataObject;
}
