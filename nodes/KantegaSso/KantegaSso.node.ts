import { NodeConnectionTypes, type IExecuteFunctions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { atlassianDataCenterApiTest } from '../shared/credentialTest';
import { executeResources, nodeProperties } from '../shared/nodeProperties';
import { resources } from './actions/resources';

export class KantegaSso implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kantega SSO',
		name: 'kantegaSso',
		icon: { light: 'file:kantegaSso.svg', dark: 'file:kantegaSso.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Identity providers and managed groups of Kantega SSO Enterprise on Atlassian Data Center',
		defaults: { name: 'Kantega SSO' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' }],
		properties: nodeProperties(resources),
	};

	methods = { credentialTest: { atlassianDataCenterApiTest } };

	async execute(this: IExecuteFunctions) {
		return await executeResources(this, resources);
	}
}
