import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The Authorization header of the shared credential: `Bearer <token>` for a personal access token,
 * `Basic base64(username:password)` (UTF-8) otherwise. The credential's `authenticate`, the credential
 * test use this one function.
 */
export function authorizationHeader(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.authentication === 'basicAuth') {
		return `Basic ${Buffer.from(`${String(credentials.username)}:${String(credentials.password)}`, 'utf8').toString('base64')}`;
	}
	return `Bearer ${String(credentials.personalAccessToken)}`;
}

/** `os_authType=basic` in every request's query, when asked for: lets Basic auth pass an instance that sends browsers to SSO. */
export function authQueryOf(credentials: {
	authentication?: unknown;
	osAuthTypeBasic?: unknown;
}): Record<string, string> {
	return credentials.authentication === 'basicAuth' && credentials.osAuthTypeBasic === true
		? { os_authType: 'basic' }
		: {};
}
