/** What an admin types into n8n's node picker, and the nodes that must come up first for it. */
export const SEARCH_WORDS: Record<string, string[]> = {
	Atlassian: ['resolutionSamlSso', 'adAttributesSync', 'kantegaSso', 'atlassianDcSso'],
	Jira: ['resolutionSamlSso', 'adAttributesSync', 'kantegaSso', 'atlassianDcSso'],
	Confluence: ['resolutionSamlSso', 'kantegaSso', 'atlassianDcSso'],
	Bitbucket: ['resolutionSamlSso', 'kantegaSso', 'atlassianDcSso'],
	SSO: ['resolutionSamlSso', 'kantegaSso', 'atlassianDcSso'],
	SAML: ['resolutionSamlSso', 'kantegaSso', 'atlassianDcSso'],
	OIDC: ['kantegaSso', 'atlassianDcSso'],
	'User Sync': ['resolutionSamlSso'],
	Kantega: ['kantegaSso'],
	resolution: ['resolutionSamlSso'],
	'Active Directory': ['adAttributesSync'],
	LDAP: ['adAttributesSync'],
	'AD attributes': ['adAttributesSync'],
};
