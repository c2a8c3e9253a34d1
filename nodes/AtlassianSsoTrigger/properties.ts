import type { INodeProperties } from 'n8n-workflow';

export const EVENTS = ['userSyncFinished', 'configurationChanged', 'certificateExpiring'] as const;
export type TriggerEvent = (typeof EVENTS)[number];

export const CONFIGURATION_SOURCES = ['resolutionConfig', 'atlassianIdentityProviders', 'atlassianSsoSettings', 'kantegaManagedGroups'] as const;
export type ConfigurationSource = (typeof CONFIGURATION_SOURCES)[number];

export const CERTIFICATE_SOURCES = ['atlassianIdentityProviders', 'resolutionConfig'] as const;
export type CertificateSource = (typeof CERTIFICATE_SOURCES)[number];

/** The bounds of the panel and of the code, in one place. */
export const WITHIN_DAYS = { default: 30, min: 0, max: 3650 };

const SOURCE_NAMES: Record<ConfigurationSource, string> = {
	resolutionConfig: 'resolution SAML SSO Configuration',
	atlassianIdentityProviders: 'Atlassian DC SSO Identity Providers',
	atlassianSsoSettings: 'Atlassian DC SSO Settings',
	kantegaManagedGroups: 'Kantega SSO Managed Groups',
};

const show = (event: TriggerEvent, extra: Record<string, string[]> = {}) => ({ show: { event: [event], ...extra } });

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'userSyncFinished',
		options: [
			{
				name: 'Certificate Expiring',
				value: 'certificateExpiring',
				description: 'An IdP signing certificate expires within the given number of days (reported once per certificate)',
			},
			{
				name: 'Configuration Changed',
				value: 'configurationChanged',
				description: 'The SSO configuration differs from the last poll, with a JSON Patch and readable lines of what changed',
			},
			{
				name: 'User Sync Finished',
				value: 'userSyncFinished',
				description: 'A User Sync run of resolution SAML SSO has finished, with its status and counts',
			},
		],
	},
	{
		displayName: 'Connector IDs',
		name: 'connectorIds',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1, 2',
		description: 'The resolution User Sync connectors to watch, comma-separated (numbers or UUIDs)',
		displayOptions: show('userSyncFinished'),
	},
	{
		displayName: 'Only Failures',
		name: 'onlyFailures',
		type: 'boolean',
		default: false,
		description: 'Whether to report only runs with failed users or a final status other than DONE',
		displayOptions: show('userSyncFinished'),
	},
	{
		displayName: 'Sources',
		name: 'sources',
		type: 'multiOptions',
		required: true,
		default: ['atlassianIdentityProviders', 'atlassianSsoSettings'],
		options: CONFIGURATION_SOURCES.map((value) => ({ name: SOURCE_NAMES[value], value })),
		description: 'What to watch. Secrets are never output or stored; certificates are compared and shown by fingerprint and expiry date.',
		displayOptions: show('configurationChanged'),
	},
	{
		displayName: 'Kantega IdP IDs',
		name: 'kantegaIdpIds',
		type: 'string',
		default: '',
		placeholder: '1ncq3jsPC74BGuNnfZPl',
		description: "The Kantega SSO identity providers whose managed groups to watch, comma-separated; empty watches every one",
		displayOptions: show('configurationChanged', { sources: ['kantegaManagedGroups'] }),
	},
	{
		displayName: 'Sources',
		name: 'sources',
		type: 'multiOptions',
		required: true,
		default: [...CERTIFICATE_SOURCES],
		options: CERTIFICATE_SOURCES.map((value) => ({ name: SOURCE_NAMES[value], value })),
		description: 'Where the IdP signing certificates are: the SAML IdPs of Atlassian DC SSO, the IdPs in the resolution configuration',
		displayOptions: show('certificateExpiring'),
	},
	{
		displayName: 'Within Days',
		name: 'withinDays',
		type: 'number',
		typeOptions: { minValue: WITHIN_DAYS.min, maxValue: WITHIN_DAYS.max },
		default: 30,
		description: 'Report a certificate once when it expires within this many days (already expired ones too)',
		displayOptions: show('certificateExpiring'),
	},
];
