/** State and seed data of resolution's SAML SSO config and User Sync. */
import type { JsonObject } from '../http';
import { seedConfig } from './resolution-config';

export interface UserSyncConnector {
	/** Opaque string: numeric ('1', '2') or a UUID. */
	id: string;
	uid: string;
	name: string;
	type: string;
	directoryId: number;
	/** How POST .../sync answers: JSON `{id,status,...}` or text `Scheduled with jobid <uuid>`. */
	syncAnswer: 'json' | 'text';
	/** Knob: status reads that still answer RUNNING before DONE (0 = done at once). */
	statusReadsUntilDone: number;
	/** Knob: when > 0, the next syncs finish with status FAILED and this failedCount. */
	failWithCount: number;
	/** Knob: after a sync starts, the connector's status still answers the previous sync for this many reads (default 0). */
	statusLagReads: number;
}

export interface SyncRun {
	id: number;
	connectorId: string;
	jobId: string;
	status: string;
	reads: number;
	addedCount: number;
	resultCount: number;
	notModifiedCount: number;
	failedCount: number;
	updatedCount: number;
	deletedCount: number;
	filteredCount: number;
	messages: string[];
	created: string;
	lastModified: string;
	/** Connector status reads that still answer the previous sync (from the connector's statusLagReads). */
	lagReads?: number;
}

export interface UserDirectory {
	id: number;
	name: string;
	users: string[];
}

export interface ResolutionState {
	/** Stack of config versions; the last is the running one. */
	configVersions: JsonObject[];
	/**
	 * Whether the last stored version is the running one. A DELETE removes only the latest version;
	 * the former one left (stored before an app upgrade) is migrated and shown, but not active until a
	 * change saves it (resolution's configuration REST documentation).
	 */
	configActive: boolean;
	connectors: UserSyncConnector[];
	directories: UserDirectory[];
	syncs: SyncRun[];
	nextSyncId: number;
}

export const KNOWN_USERNAMES: string[] = [
	...Array.from({ length: 2000 }, (_, i) => `user${String(i + 1).padStart(4, '0')}`),
	'ext/jane.doe',
	'zoë.weiß',
];

export function seedResolution(): ResolutionState {
	const previousMajor = seedConfig();
	previousMajor.redirectToSso = true;
	previousMajor.lastModified = '2023-01-02T10:00:00Z';
	const connectors: UserSyncConnector[] = [
		{
			id: '1',
			uid: 'b3c1e0a2-5d4f-4c6e-9a71-1f2e3d4c5b6a',
			name: 'Azure AD',
			type: 'AZURE_AD',
			directoryId: 10100,
			syncAnswer: 'json',
			statusReadsUntilDone: 2,
			failWithCount: 0,
			statusLagReads: 0,
		},
		{
			id: '2',
			uid: '7df9fd3f-2b8e-4c4a-8e7d-0c6b5a4f3e21',
			name: 'Okta',
			type: 'OKTA',
			directoryId: 10200,
			syncAnswer: 'text',
			statusReadsUntilDone: 2,
			failWithCount: 0,
			statusLagReads: 0,
		},
		{
			id: '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90',
			uid: '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90',
			name: 'Google Workspace',
			type: 'GOOGLE',
			directoryId: 10300,
			syncAnswer: 'text',
			statusReadsUntilDone: 0,
			failWithCount: 0,
			statusLagReads: 0,
		},
	];
	const syncs: SyncRun[] = connectors.map((c, i) => ({
		id: 94 + i,
		connectorId: c.id,
		jobId: `388382e4-1c5b-4d7a-9e2f-00000000000${i}`,
		status: 'DONE',
		reads: 0,
		addedCount: 0,
		resultCount: 2,
		notModifiedCount: 2,
		failedCount: 0,
		updatedCount: 0,
		deletedCount: 0,
		filteredCount: 0,
		messages: [
			`Scheduled with jobid 388382e4-1c5b-4d7a-9e2f-00000000000${i}`,
			'Skipping admin or sysadmin <admin>',
		],
		created: '2022-10-05T08:17:44Z',
		lastModified: '2022-10-05T08:17:44Z',
	}));
	return {
		configVersions: [previousMajor, seedConfig()],
		configActive: true,
		connectors,
		directories: [
			{ id: 10100, name: 'Azure AD (User Sync)', users: KNOWN_USERNAMES.slice() },
			{ id: 10200, name: 'Okta (User Sync)', users: KNOWN_USERNAMES.slice(0, 500) },
			{ id: 10300, name: 'Google Workspace (User Sync)', users: KNOWN_USERNAMES.slice(1000, 1100) },
		],
		syncs,
		nextSyncId: 100,
	};
}
