import { NodeConnectionTypes, type IExecuteFunctions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { atlassianDataCenterApiTest } from '../shared/credentialTest';
import { executeResources, nodeProperties } from '../shared/nodeProperties';
import { resources } from './actions/resources';

export class AtlassianDcSso implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Atlassian DC SSO',
		name: 'atlassianDcSso',
		icon: { light: 'file:atlassianDcSso.svg', dark: 'file:atlassianDcSso.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: "SAML and OIDC identity providers, login options and SSO settings of Atlassian's SSO for Data Center",
		defaults: { name: 'Atlassian DC SSO' },
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
