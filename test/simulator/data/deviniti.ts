/** State and seed data of Deviniti's Active Directory Attributes Sync (Deviniti's REST API page). */

export interface AdConnection {
	id: string;
	name: string;
	userDn: string;
	enabled: boolean;
	/** AD attribute names the connection synchronises. */
	attributes: string[];
}

export interface AdUserRecord {
	username: string;
	userKey: string;
	/** Id of the connection that synchronised this user. */
	connectionId: string;
	fields: Record<string, string>;
}

export interface DevinitiState {
	connections: AdConnection[];
	/** Stable order: the order of this array. */
	users: AdUserRecord[];
	maxPageSize: number;
	/**
	 * Knob for "the total changes while paging": after every paged list answer, insert
	 * `insertPerPage` new users at the front and delete `deletePerPage` users from the front.
	 */
	pagingChurn: { insertPerPage: number; deletePerPage: number };
	/** Counter used to name users inserted by pagingChurn (churn00001, ...). */
	churnCounter: number;
}

const LDAP_ATTRIBUTES = [
	'title',
	'telephoneNumber',
	'l',
	'company',
	'mobile',
	'streetAddress',
	'manager',
	'description',
	'department',
	'mail',
	'wWWHomePage',
];
const AD_ATTRIBUTES = [
	'whenCreated',
	'mail',
	'displayName',
	'company',
	'title',
	'department',
	'departmentNumber',
	'directReports',
];

const SAMPLE: Array<[string, Record<string, string>]> = [
	[
		'sophie2',
		{ whenCreated: '08/Jun/21 11:33 PM', mail: 'sopie2@test123.com', displayName: 'Sophie2' },
	],
	[
		'luserion14',
		{
			whenCreated: '11/Jun/21 11:01 AM',
			mail: 'test',
			displayName: 'Ldapion Userion XIV',
			company: 'test',
			title: 'test',
			department: 'test',
		},
	],
	['John', { whenCreated: '14/Jun/21 8:15 AM', mail: 'john@test.com', displayName: 'John Doe' }],
	[
		'Mario',
		{ whenCreated: '14/Jun/21 9:13 AM', mail: 'mario@test.com', displayName: 'Mario Testelli' },
	],
	['Todd', { whenCreated: '14/Jun/21 9:27 AM', mail: 'todd@test.com', displayName: 'Todd Chavez' }],
	[
		'luserion13',
		{
			whenCreated: '07/Jun/21 2:48 PM',
			mail: 'luserion9@one.com',
			displayName: 'Ldapion Userion XIII',
		},
	],
	[
		'nwalters',
		{
			whenCreated: '10/Oct/22 12:14 PM',
			mail: 'nellie.walters@dtest.com',
			directReports: 'JIRAUSER10173',
			displayName: 'Nellie Walters',
			company: 'Cool.com',
			department: 'HR',
			title: 'Recruitment Specialist',
		},
	],
];
const DEPARTMENTS = ['Engineering', 'HR', 'Sales', 'Support', 'Finance', 'Legal'];
const CITIES = ['Wroclaw', 'Berlin', 'Oslo', 'Lisbon'];

/** User i (0-based) of the generated population: every 5th is in LDAP_server_23, others in Active_Directory_server. */
export function generateAdUser(i: number): AdUserRecord {
	const userKey = `JIRAUSER${10100 + i}`;
	if (i < SAMPLE.length) {
		const [username, fields] = SAMPLE[i];
		return { username, userKey, connectionId: '2', fields: { ...fields } };
	}
	const n = String(i).padStart(5, '0');
	const username = `aduser${n}`;
	if (i % 5 === 0) {
		return {
			username,
			userKey,
			connectionId: '1',
			fields: {
				title: 'Engineer',
				telephoneNumber: `+48 71 ${n}`,
				l: CITIES[i % CITIES.length],
				company: 'Deviniti',
				department: DEPARTMENTS[i % DEPARTMENTS.length],
				mail: `${username}@ldap.example.com`,
				manager: 'Jirard Serverin',
			},
		};
	}
	return {
		username,
		userKey,
		connectionId: '2',
		fields: {
			whenCreated: '01/Mar/23 9:00 AM',
			mail: `${username}@ad.example.com`,
			displayName: `AD User ${n}`,
			company: 'Example Corp',
			department: DEPARTMENTS[i % DEPARTMENTS.length],
			departmentNumber: String(100000 + i),
			title: 'Specialist',
		},
	};
}

export function seedDeviniti(adUsers: number, maxPageSize: number): DevinitiState {
	return {
		connections: [
			{
				id: '1',
				name: 'LDAP_server_23',
				userDn: 'CN=svc-jira,OU=Service,DC=ldap,DC=example,DC=com',
				enabled: true,
				attributes: LDAP_ATTRIBUTES,
			},
			{
				id: '2',
				name: 'Active_Directory_server',
				userDn: 'CN=svc-jira,OU=Service,DC=ad,DC=example,DC=com',
				enabled: true,
				attributes: AD_ATTRIBUTES,
			},
			{
				id: '3',
				name: 'Legacy_LDAP',
				userDn: 'CN=old,DC=legacy,DC=example,DC=com',
				enabled: false,
				attributes: ['mail'],
			},
		],
		users: Array.from({ length: adUsers }, (_, i) => generateAdUser(i)),
		maxPageSize,
		pagingChurn: { insertPerPage: 0, deletePerPage: 0 },
		churnCounter: 0,
	};
}
