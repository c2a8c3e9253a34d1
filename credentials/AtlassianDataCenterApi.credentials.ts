import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { authorizationHeader } from '../nodes/shared/authorization';

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
			description: 'A personal access token of a system administrator (Jira 8.14+, Confluence 7.9+, Bitbucket)',
			displayOptions: { show: { authentication: ['personalAccessToken'] } },
		},
		{
			displayName: 'Connections',
			name: 'connections',
			type: 'options',
			options: [
				{
					name: 'Keep Open and Reuse',
					value: 'reuse',
					description:
						"Faster, and Data Center makes one TLS handshake per connection instead of one per request. Requests go straight to the instance: n8n's proxy variables (HTTP_PROXY, HTTPS_PROXY) do not apply.",
				},
				{
					name: "New per Request, Through n8n's HTTP Client",
					value: 'perRequest',
					description:
						"n8n's request helper, as n8n's own nodes use it: follows n8n's proxy variables and checks every connection against n8n's outbound-request policy. About a third slower on many small requests.",
				},
			],
			default: 'reuse',
			description: "How requests reach Data Center. Choose n8n's HTTP client when n8n reaches the instance through an HTTP proxy.",
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
			description: "Whether to connect even if the TLS certificate cannot be verified (self-signed certificates of internal instances). Requests then go through n8n's HTTP client, one connection per request.",
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: authorizationHeader(credentials) } };
	}
}
