import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { authorizationHeader } from '../nodes/shared/http';

export class AtlassianDataCenterApi implements ICredentialType {
	name = 'atlassianDataCenterApi';

	displayName = 'Atlassian Data Center API';

	icon: Icon = { light: 'file:../icons/atlassian.svg', dark: 'file:../icons/atlassian.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-atlassian-dc-identity/n8n-nodes-atlassian-dc-identity/blob/main/docs/credentials.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://jira.example.com',
			required: true,
			description:
				'The base URL of Jira, Confluence or Bitbucket Data Center, with its context path if it has one (for example https://example.com/jira)',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Personal Access Token', value: 'personalAccessToken' },
				{ name: 'Basic Auth', value: 'basicAuth' },
			],
			default: 'personalAccessToken',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The password or an app token of a system administrator',
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Personal Access Token',
			name: 'personalAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'A personal access token of a system administrator (Jira 8.14+, Confluence 7.9+, Bitbucket)',
			displayOptions: { show: { authentication: ['personalAccessToken'] } },
		},
		{
			displayName: 'Add os_authType=basic',
			name: 'osAuthTypeBasic',
			type: 'boolean',
			default: false,
			description:
				'Whether to add os_authType=basic to every request, so that Basic auth passes an instance that redirects logins to SSO',
			displayOptions: { show: { authentication: ['basicAuth'] } },
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the TLS certificate cannot be verified (self-signed certificates of internal instances)',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: authorizationHeader(credentials) },
		};
	}
}
