import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeFor, SHARED_DESCRIPTION, sharedMethods, nodeProperties } from '../shared/node';
import { resources } from './actions/resources';
import { jiraOnly } from './jiraOnly';
import { listSearch, loadOptions } from './listSearch';

export class AdAttributesSync implements INodeType {
	description: INodeTypeDescription = {
		...SHARED_DESCRIPTION,
		displayName: 'AD Attributes Sync',
		name: 'adAttributesSync',
		icon: { light: 'file:adAttributesSync.svg', dark: 'file:adAttributesSync.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Active Directory and LDAP attributes of Jira users, from Deviniti AD Attributes Sync on Jira Data Center',
		defaults: { name: 'AD Attributes Sync' },
		usableAsTool: true,
		credentials: [
			{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' },
		],
		properties: nodeProperties(resources),
	};

	methods = { ...sharedMethods, listSearch, loadOptions };

	execute = executeFor(jiraOnly(resources));
}
