import { NodeConnectionTypes, type IExecuteFunctions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { atlassianDataCenterApiTest } from '../shared/credentialTest';
import { executeResources, nodeProperties } from '../shared/nodeProperties';
import { resources } from './actions/resources';

export class AdAttributesSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AD Attributes Sync',
		name: 'adAttributesSync',
		icon: { light: 'file:adAttributesSync.svg', dark: 'file:adAttributesSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Connections and synchronised AD/LDAP attributes of users in Deviniti Active Directory Attributes Sync for Jira Data Center',
		defaults: { name: 'AD Attributes Sync' },
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
