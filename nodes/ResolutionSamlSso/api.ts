import { API_PREFIX, apiPath } from '../shared/http';

/*
 * resolution's REST API is private (it may change between app versions). Every path and every
 * decision the vendor does not document is kept here. See docs/nodes/resolution-saml-sso.md.
 */

export const configPath = () => apiPath(API_PREFIX.resolution, 'config');

export const resetEntityIdPath = () => apiPath(API_PREFIX.resolution, 'reset', 'entityid');

export const connectorPath = (connectorId: string) =>
	apiPath(API_PREFIX.resolution, 'usersync', 'connector', connectorId);

export const connectorStatusPath = (connectorId: string) =>
	apiPath(API_PREFIX.resolution, 'usersync', 'connector', connectorId, 'syncstatus');

export const syncStatusPath = (syncId: string) =>
	apiPath(API_PREFIX.resolution, 'usersync', 'syncstatus', syncId);

export const syncPath = (connectorId: string) =>
	apiPath(API_PREFIX.resolution, 'usersync', 'connector', connectorId, 'sync');

export const syncUserPath = (connectorId: string, username: string) =>
	apiPath(API_PREFIX.resolution, 'usersync', 'connector', connectorId, 'syncsingle', username);

export const directoryPath = (directoryId: string) =>
	apiPath(API_PREFIX.resolution, 'directory', directoryId);

export const CONTENT_TYPE = {
	config: 'application/json',
	mergePatch: 'application/merge-patch+json',
	jsonPatch: 'application/json-patch+json',
} as const;

/** What `config.get` writes when asked for a file (the name of resolution's own download). */
export const CONFIG_FILE = { fileName: 'saml.json', mimeType: 'application/json' } as const;

/**
 * Sync statuses that mean "not finished yet". UNVERIFIED: only `DONE` is confirmed by the vendor;
 * everything not in this list is treated as final, so an unknown status ends the wait instead of
 * polling until the timeout.
 */
export const RUNNING_SYNC_STATUSES = ['RUNNING', 'PENDING', 'SCHEDULED', 'QUEUED', 'IN_PROGRESS'];

export function isFinalSyncStatus(status: unknown): boolean {
	return (
		typeof status === 'string' &&
		status !== '' &&
		!RUNNING_SYNC_STATUSES.includes(status.toUpperCase())
	);
}

/** `Scheduled with jobid <uuid>`: the plain-text answer of POST .../sync (and the first status message). */
export const JOB_ID_PATTERN = /Scheduled with jobid\s+([\w-]+)/i;

/**
 * `Directory <id> does not exists`: User Sync's words
 * (sic) when the connector's directory was deleted.
 */
export const MISSING_DIRECTORY_PATTERN = /Directory\s+(\S+)\s+does not exists?/i;

/** The status reported for a sync that was accepted but whose status the answer did not give. */
export const SCHEDULED_STATUS = 'SCHEDULED';

/**
 * The field that turns on the `nosso` login (the way in past SSO). resolution's documentation names
 * the feature, not the field: both spellings seen are accepted; either true keeps a way in.
 */
export const NOSSO_FIELDS = ['enableNosso', 'nossoEnabled'] as const;

/** The configuration's switch that sends every login to the identity provider. */
export const REDIRECT_TO_SSO_FIELD = 'redirectToSso';
