import type { INodeParameters } from 'n8n-workflow';

import { runNode, type NodeRun } from '../harness/runNode';
import type { Simulator } from '../simulator';
import { adminBasic } from './credentials';

/** resolution's connector.sync with Wait for Completion, reading the status every second, as the admin. */
export async function syncAndWait(
	sim: Simulator,
	connectorId: string,
	options: INodeParameters = {},
	signal?: AbortSignal,
): Promise<NodeRun> {
	return await runNode({
		node: 'resolutionSamlSso',
		parameters: {
			resource: 'connector',
			operation: 'sync',
			connectorId,
			options: { waitForCompletion: true, pollIntervalSeconds: 1, ...options },
		},
		credentials: adminBasic(sim),
		signal,
	});
}
