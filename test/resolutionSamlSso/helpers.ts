import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { adminBasic } from '../support/credentials';
import { runNode, type NodeRun } from '../harness/runNode';
import type { RecordedRequest, Simulator } from '../simulator';

export { useSimulator } from '../support/simulator';

export const PREFIX = '/rest/samlsso-admin/1.0';

export async function run(
	sim: Simulator,
	parameters: INodeParameters,
	extra: {
		input?: IDataObject[];
		inputItems?: INodeExecutionData[];
		continueOnFail?: boolean;
		signal?: AbortSignal;
	} = {},
): Promise<NodeRun> {
	return await runNode({
		node: 'resolutionSamlSso',
		parameters,
		credentials: adminBasic(sim),
		...extra,
	});
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
