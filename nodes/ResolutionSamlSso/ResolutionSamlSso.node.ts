import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeFor, SHARED_DESCRIPTION, sharedMethods, nodeProperties } from '../shared/node';
import { resources } from './actions/resources';

export class ResolutionSamlSso implements INodeType {
	description: INodeTypeDescription = {
		...SHARED_DESCRIPTION,
		displayName: 'resolution SAML SSO',
		name: 'resolutionSamlSso',
		icon: { light: 'file:resolutionSamlSso.svg', dark: 'file:resolutionSamlSso.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'SAML SSO configuration and User Sync of resolution SAML SSO on Atlassian Data Center (Jira, Confluence, Bitbucket)',
		defaults: { name: 'resolution SAML SSO' },
		usableAsTool: true,
		credentials: [
			{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' },
		],
		properties: nodeProperties(resources),
	};

	methods = sharedMethods;

	execute = executeFor(resources);
}
