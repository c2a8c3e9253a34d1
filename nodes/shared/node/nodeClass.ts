import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { atlassianDataCenterApiTest } from '../http';
import { executeResources } from './nodeProperties';
import type { Resource } from './operation';

/** What the four node descriptions share: one input, one output (each names the credential itself, for the linter). */
export const SHARED_DESCRIPTION = {
	group: ['transform'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
} satisfies Partial<INodeTypeDescription>;

export const sharedMethods = { credentialTest: { atlassianDataCenterApiTest } };

/** A node's `execute`: n8n calls it with the execution context as `this`. */
export function executeFor(resources: Resource[]) {
	return async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeResources(this, resources);
	};
}
