import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../test/harness/runNode';
import { adminBasic } from '../test/support/credentials';

/**
 * Runs a node in n8n's real engine (test/harness/runNode) as the benchmarks do: against the simulator at `url` as its
 * sysadmin with Basic auth, fed by `input` (default one empty item); answers its items, throws when the run failed.
 * `node` is the package's node by its short name (`adAttributesSync`) or another node's whole type
 * (bench/helperNode.ts's HELPER_NODE_TYPE).
 */
export async function runInEngine(
	node: string,
	parameters: INodeParameters,
	url: string,
	input?: IDataObject[],
): Promise<INodeExecutionData[]> {
	const run = await runNode({ node, parameters, credentials: adminBasic({ url }), input });
	if (run.error) throw run.error;
	return run.items;
}
