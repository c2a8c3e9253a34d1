import packageJson from '../../../package.json';

/** The one credential type every node of this package uses. */
export const CREDENTIAL_TYPE = 'atlassianDataCenterApi';

export const PACKAGE_NAME = packageJson.name;
export const PACKAGE_VERSION = packageJson.version;
export const USER_AGENT = `${PACKAGE_NAME}/${PACKAGE_VERSION} (n8n community node)`;

/** REST prefixes of the four vendor apps (each vendor's private API). */
export const API_PREFIX = {
	resolution: '/rest/samlsso-admin/1.0',
	deviniti: '/rest/intenso/ad/1.0/public',
	kantega: '/rest/ksso/api/idp/1.0',
	atlassianSso: '/rest/authconfig/1.0',
} as const;

/** Retry policy for 429/503 and connections that never carried the request. */
export const RETRY = {
	maxAttempts: 4,
	/** A Retry-After longer than this is not waited for: the error is reported instead. */
	maxRetryAfterSeconds: 60,
	/** Waits when the server gives no Retry-After: 1 s, 2 s, 4 s. */
	baseBackoffMs: 1000,
} as const;

/** How many independent requests run at once (pages of a list, per-item calls). */
export const DEFAULT_CONCURRENCY = 8;
