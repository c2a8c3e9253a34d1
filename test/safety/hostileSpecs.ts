/** Where each operation may send its requests, and which of its parameters the hostile-input suite drives. */
import { labelOf, type CatalogueEntry } from './catalogue';

export type JsonKind = 'config' | 'mergePatch' | 'jsonPatch';

export interface HostileSpec {
	/** Paths below the app's prefix the operation may request; `{name}` is one segment that holds parameter `name`. */
	paths: string[];
	/** Parameters that go into a path segment (resource locators included); dotted names reach into collections. */
	ids?: string[];
	/** Parameters that go into a request body or a query. */
	texts?: string[];
	/**
	 * The host product's own endpoints the operation may read (the path without its query, below the
	 * context path), e.g. Jira's user by username; the value goes into the query, never the path.
	 */
	productPaths?: string[];
	/** JSON parameters, by what they hold. */
	json?: Partial<Record<string, JsonKind>>;
}

const CONFIG: HostileSpec = { paths: ['/config'], json: { config: 'config' } };

const SPECS: Record<string, HostileSpec> = {
	'resolutionSamlSso config.get': { paths: ['/config'] },
	'resolutionSamlSso config.replace': CONFIG,
	'resolutionSamlSso config.patch': {
		paths: ['/config'],
		json: { mergePatch: 'mergePatch', jsonPatch: 'jsonPatch' },
	},
	'resolutionSamlSso config.delete': { paths: ['/config'] },
	'resolutionSamlSso config.resetEntityId': { paths: ['/reset/entityid', '/config'] },
	'resolutionSamlSso config.compare': CONFIG,
	'resolutionSamlSso connector.get': {
		paths: ['/usersync/connector/{connectorId}'],
		ids: ['connectorId'],
	},
	'resolutionSamlSso connector.getStatus': {
		paths: [
			'/usersync/connector/{connectorId}/syncstatus',
			'/usersync/syncstatus/{options.syncId}',
		],
		ids: ['connectorId', 'options.syncId'],
	},
	'resolutionSamlSso connector.sync': {
		paths: [
			'/usersync/connector/{connectorId}/sync',
			'/usersync/connector/{connectorId}/syncstatus',
			'/usersync/syncstatus/{syncId}',
		],
		ids: ['connectorId'],
	},
	'resolutionSamlSso connector.syncUser': {
		paths: ['/usersync/connector/{connectorId}/syncsingle/{username}'],
		ids: ['connectorId', 'username'],
	},
	'resolutionSamlSso directory.delete': {
		paths: ['/directory/{directoryId}'],
		ids: ['directoryId'],
	},
	'adAttributesSync connection.getAll': { paths: ['/connection'] },
	'adAttributesSync connection.update': {
		paths: ['/update', '/connection'],
		texts: ['connectionId', 'updateFields.name', 'updateFields.userDn'],
	},
	'adAttributesSync user.get': {
		paths: ['/user/{user}', '/connection/{connection}/user/{user}', '/connection'],
		ids: ['user', 'connection'],
	},
	'adAttributesSync user.getAll': {
		paths: ['/user', '/connection/{connection}/user', '/connection'],
		ids: ['connection'],
		texts: ['filters.usernames', 'filters.userkeys', 'filters.fields'],
	},
	'adAttributesSync user.getField': {
		paths: ['/connection/{connection}/user/{user}/field/{field}', '/connection'],
		ids: ['user', 'connection', 'field'],
	},
	'adAttributesSync user.update': {
		paths: ['/update', '/connection'],
		productPaths: ['/rest/api/2/user'],
		texts: ['connectionId', 'userKey', 'fields.field.0.name', 'fields.field.0.value'],
	},
	'kantegaSso identityProvider.getAll': { paths: ['/idp/ids'] },
	'kantegaSso managedGroup.getAll': { paths: ['/managedgroups/{idpId}/groups'], ids: ['idpId'] },
	'kantegaSso managedGroup.add': {
		paths: ['/managedgroups/{idpId}/groups/{group}', '/managedgroups/{idpId}/groups'],
		ids: ['idpId', 'group'],
	},
	'kantegaSso managedGroup.check': {
		paths: ['/managedgroups/{idpId}/groups/{group}'],
		ids: ['idpId', 'group'],
	},
	'kantegaSso managedGroup.remove': {
		paths: ['/managedgroups/{idpId}/groups/{group}', '/managedgroups/{idpId}/groups'],
		ids: ['idpId', 'group'],
	},
	'kantegaSso managedGroup.replace': {
		paths: ['/managedgroups/{idpId}/groups/{group}', '/managedgroups/{idpId}/groups'],
		ids: ['idpId', 'group'],
		texts: ['newGroup'],
	},
	'atlassianDcSso loginOption.getAll': { paths: ['/login-options'] },
	'atlassianDcSso identityProvider.getAll': { paths: ['/idps'] },
	'atlassianDcSso identityProvider.get': { paths: ['/idps/{idpId}'], ids: ['idpId'] },
	'atlassianDcSso identityProvider.create': {
		paths: ['/idps'],
		texts: ['name', 'issuerUrl', 'clientId', 'additionalFields.buttonText'],
	},
	'atlassianDcSso identityProvider.update': {
		paths: ['/idps/{idpId}', '/idps', '/sso'],
		ids: ['idpId'],
		texts: ['updateFields.buttonText', 'updateFields.name'],
	},
	'atlassianDcSso identityProvider.delete': {
		paths: ['/idps/{idpId}', '/idps', '/sso'],
		ids: ['idpId'],
	},
	'atlassianDcSso ssoSettings.get': { paths: ['/sso'] },
	'atlassianDcSso ssoSettings.update': {
		paths: ['/sso', '/idps'],
		texts: ['updateFields.discoveryRefreshCron'],
	},
};

/** The spec of an operation; a catalogue entry without one fails the suite (see hostileInput.test.ts). */
export function hostileSpecOf(entry: CatalogueEntry): HostileSpec | undefined {
	return SPECS[labelOf(entry)];
}
