/**
 * Seed SAML SSO configuration (resolution). The top-level field names are not public: these are
 * realistic stand-ins around the ones resolution's configuration REST documentation names. The entity id is a production URL on purpose
 * (a clone that still carries prod's config), so POST /reset/entityid has a visible effect.
 */
import { seedCertificate } from '../certificates';
import type { JsonObject } from '../http';

/** Days until each seeded IdP's signing certificate expires. */
const CERTIFICATE_DAYS: Record<number, number> = { 1: 300, 2: 45, 3: 800 };

function idp(id: number, name: string, host: string, extra: JsonObject = {}): JsonObject {
	return {
		id,
		weight: id * 5,
		name,
		description: null,
		postBindingURL: `https://${host}/saml2/sso/`,
		postBindingLogoutURL: null,
		postBindingLogoutResponseURL: null,
		redirectBindingURL: null,
		redirectBindingLogoutURL: null,
		redirectBindingLogoutResponseURL: null,
		selectedLoginBinding: 'POST',
		selectedLogoutBinding: 'DISABLE',
		protocolBindingOfResponse: 'SAME_AS_REQUEST',
		nameIdFormatInRequest: 'NONE',
		entityId: `https://${host}/identifier/`,
		certificates: [seedCertificate(`${host} signing`, CERTIFICATE_DAYS[id] ?? 365)],
		denyMessagesSignedWithExpiredCertificates: false,
		relayStateParameterName: 'RelayState',
		useridAttribute: null,
		idpType: 'OTHER',
		findByAttributeName: 'ATTR_EMAIL',
		directoryIdForNewUsers: 1,
		groupsForNewUsers: ['jira-software-users'],
		groupsForNewSdCustomers: [],
		organizationsForNewSdCustomers: [],
		removeFromGroups: false,
		addNonExistingGroups: true,
		addNonExistingOrganizations: true,
		updateExisting: true,
		enableUserCreation: true,
		enableUserReactivation: false,
		enableUserRenaming: false,
		signRequests: true,
		metadataurl: `https://${host}/identifier/metadata`,
		metadataxml: null,
		autoReloadMetadata: true,
		attributeMappings: [
			{ attributeName: 'email', targetField: 'EMAIL' },
			{ attributeName: 'displayName', targetField: 'FULL_NAME' },
		],
		...extra,
	};
}

export function seedConfig(): JsonObject {
	return {
		entityId: 'https://jira.prod.example.com/plugins/servlet/samlsso',
		redirectToSso: false,
		reloadMetadataIntervalInMinutes: 1440,
		nossoEnabled: true,
		nossoParameterName: 'nosso',
		nossoRequiresAdmin: false,
		signatureAlgorithm: 'RSA_SHA256',
		spCertificateValidityInDays: 730,
		sessionTimeoutInMinutes: 600,
		idpSelectionMode: 'SELECT_BY_USER',
		idpSelectionPageTitle: 'Choose your login',
		enablePasswordLoginFallback: true,
		excludedUrls: ['/rest/.*', '/plugins/servlet/mobile.*'],
		trackingEnabled: false,
		idps: [
			idp(1, 'Azure AD', 'login.microsoftonline.example.com'),
			idp(2, 'TIDP', 'some.idp.com'),
			idp(3, 'Okta Contractors', 'contractors.okta.example.com', { enableUserCreation: false }),
		],
		lastModified: '2024-05-14T09:12:44Z',
	};
}
