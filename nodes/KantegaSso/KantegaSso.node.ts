import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { executeFor, SHARED_DESCRIPTION, sharedMethods, nodeProperties } from '../shared/node';
import { resources } from './actions/resources';
import { listSearch } from './listSearch';

export class KantegaSso implements INodeType {
	description: INodeTypeDescription = {
		...SHARED_DESCRIPTION,
		displayName: 'Kantega SSO',
		name: 'kantegaSso',
		icon: { light: 'file:kantegaSso.svg', dark: 'file:kantegaSso.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Identity providers and managed groups of Kantega SSO Enterprise on Atlassian Data Center (Jira, Confluence, Bitbucket)',
		defaults: { name: 'Kantega SSO' },
		usableAsTool: true,
		credentials: [
			{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' },
		],
		properties: nodeProperties(resources),
	};

	methods = { ...sharedMethods, listSearch };

	execute = executeFor(resources);
}
