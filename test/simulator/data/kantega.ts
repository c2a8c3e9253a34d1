/** State and seed data of Kantega SSO Enterprise (Kantega's REST API page): IdPs and their managed groups. */

export interface KantegaIdp {
	id: string;
	name: string;
	/** Managed group names, exact (may contain '/', spaces, unicode). */
	managedGroups: string[];
}

export interface KantegaState {
	idps: KantegaIdp[];
}

export function seedKantega(): KantegaState {
	return {
		idps: [
			{
				id: '1ncq3jsPC74BGuNnfZPl',
				name: 'AD FS',
				managedGroups: [
					'jira-software-users',
					'jira-administrators',
					'Team A/Ops',
					'Développeurs Zürich',
				],
			},
			{
				id: '8xKQm2LpZr4TvW9sYb1E',
				name: 'Okta',
				managedGroups: ['confluence-users', 'sales team'],
			},
			{ id: 'Qm7tY2uV5wX8zA1bC4dE', name: 'Azure AD (inactive)', managedGroups: [] },
		],
	};
}
