import { NodeConnectionTypes, type IExecuteFunctions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { atlassianDataCenterApiTest } from '../shared/credentialTest';
import { executeResources, nodeProperties } from '../shared/nodeProperties';
import { resources } from './actions/resources';

export class ResolutionSamlSso implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'resolution SAML SSO',
		name: 'resolutionSamlSso',
		icon: { light: 'file:resolutionSamlSso.svg', dark: 'file:resolutionSamlSso.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'SAML SSO configuration, clone refresh and User Sync of resolution SAML Single Sign On on Atlassian Data Center',
		defaults: { name: 'resolution SAML SSO' },
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
