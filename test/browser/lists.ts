/** The resource locators and loaded options the suite opens, with what the simulator's sample data puts in them. */
export interface ListCheck {
	node: string;
	resource: string;
	operation: string;
	/** Parameters set before the list is opened (by typing), e.g. the user of AD's getField. */
	typed?: Record<string, string>;
	lists: Array<{
		parameter: string;
		/** `locator`: a resource locator's list; `options`: a loadOptions dropdown. */
		kind: 'locator' | 'options';
		/** The names the list shows, sorted (the picked entry may come first on screen). */
		entries: string[];
		search?: { text: string; entries: string[] };
		pick: string;
	}>;
	/** Text the output panel shows after the node ran with the picked values. */
	output: string[];
}

export const LIST_CHECKS: ListCheck[] = [
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'check',
		lists: [
			{
				parameter: 'idpId',
				kind: 'locator',
				entries: ['AD FS', 'Azure AD (inactive)', 'Okta'],
				search: { text: 'okt', entries: ['Okta'] },
				pick: 'Okta',
			},
			{
				parameter: 'group',
				kind: 'locator',
				entries: ['confluence-users', 'sales team'],
				search: { text: 'sales', entries: ['sales team'] },
				pick: 'sales team',
			},
		],
		output: ['sales team', 'true'],
	},
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'getAll',
		lists: [
			{
				parameter: 'idpId',
				kind: 'locator',
				entries: ['AD FS', 'Azure AD (inactive)', 'Okta'],
				pick: 'AD FS',
			},
		],
		output: ['jira-software-users', 'Team A/Ops'],
	},
	{
		node: 'atlassianDcSso',
		resource: 'identityProvider',
		operation: 'get',
		lists: [
			{
				parameter: 'idpId',
				kind: 'locator',
				entries: [
					'ADFS customers',
					'Another SAML SSO',
					'Crowd SSO',
					'Keycloak staging',
					'Okta OIDC',
					'SAML SSO',
				],
				search: { text: 'okta', entries: ['Okta OIDC'] },
				pick: 'Okta OIDC',
			},
		],
		output: ['https://example.okta.com/oauth2/default'],
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'getField',
		typed: { user: 'sophie2' },
		lists: [
			{
				parameter: 'connection',
				kind: 'locator',
				entries: ['Active_Directory_server', 'LDAP_server_23'],
				search: { text: 'active', entries: ['Active_Directory_server'] },
				pick: 'Active_Directory_server',
			},
			{
				parameter: 'field',
				kind: 'options',
				entries: ['displayName', 'mail', 'whenCreated'],
				pick: 'mail',
			},
		],
		output: ['sopie2@test123.com'],
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'get',
		typed: { user: 'sophie2' },
		lists: [
			{
				parameter: 'connection',
				kind: 'locator',
				entries: ['Active_Directory_server', 'LDAP_server_23'],
				pick: 'Active_Directory_server',
			},
		],
		output: ['Sophie2'],
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'getAll',
		lists: [
			{
				parameter: 'connection',
				kind: 'locator',
				entries: ['Active_Directory_server', 'LDAP_server_23'],
				pick: 'LDAP_server_23',
			},
		],
		output: ['LDAP_server_23'],
	},
];
