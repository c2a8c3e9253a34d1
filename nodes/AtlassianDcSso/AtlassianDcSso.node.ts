import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeFor, SHARED_DESCRIPTION, sharedMethods, nodeProperties } from '../shared/node';
import { resources } from './actions/resources';
import { listSearch } from './listSearch';

export class AtlassianDcSso implements INodeType {
	description: INodeTypeDescription = {
		...SHARED_DESCRIPTION,
		displayName: 'Atlassian DC SSO',
		name: 'atlassianDcSso',
		icon: { light: 'file:atlassianDcSso.svg', dark: 'file:atlassianDcSso.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			"SAML and OIDC identity providers, login options and SSO settings of Atlassian's SSO for Data Center (Jira, Confluence, Bitbucket)",
		defaults: { name: 'Atlassian DC SSO' },
		usableAsTool: true,
		credentials: [
			{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' },
		],
		properties: nodeProperties(resources),
	};

	methods = { ...sharedMethods, listSearch };

	execute = executeFor(resources);
}
