/**
 * What each panel must show, as docs/nodes documents it: the top-level parameters visible right
 * after picking the resource and operation (defaults untouched), in the order shown, and the required
 * ones. Every other parameter of the node must be absent. `destructiveNotice` is the notice of a
 * destructive operation.
 */
export interface Panel {
	resource: string;
	operation: string;
	visible: string[];
	required: string[];
}

export interface NodePanels {
	name: string;
	displayName: string;
	panels: Panel[];
}

const panel = (
	resource: string,
	operation: string,
	visible: string[],
	required: string[] = [],
): Panel => ({ resource, operation, visible, required });

export const NODE_PANELS: NodePanels[] = [
	{
		name: 'resolutionSamlSso',
		displayName: 'resolution SAML SSO',
		panels: [
			panel('config', 'get', ['options']),
			panel('config', 'replace', ['source', 'options']),
			panel('config', 'patch', ['patchFormat', 'mergePatch', 'options'], ['mergePatch']),
			panel('config', 'delete', ['destructiveNotice', 'confirm', 'options']),
			panel('config', 'resetEntityId', ['options']),
			panel('config', 'compare', ['source']),
			panel('connector', 'get', ['connectorId'], ['connectorId']),
			panel('connector', 'getStatus', ['connectorId', 'options'], ['connectorId']),
			panel('connector', 'sync', ['connectorId', 'options'], ['connectorId']),
			panel(
				'connector',
				'syncUser',
				['connectorId', 'username', 'options'],
				['connectorId', 'username'],
			),
			panel(
				'directory',
				'delete',
				['destructiveNotice', 'directoryId', 'confirm', 'options'],
				['directoryId'],
			),
		],
	},
	{
		name: 'adAttributesSync',
		displayName: 'AD Attributes Sync',
		panels: [
			panel('connection', 'getAll', []),
			panel('connection', 'update', ['connectionId', 'updateFields', 'options'], ['connectionId']),
			panel('user', 'get', ['user', 'connection', 'options'], ['user']),
			panel('user', 'getAll', ['connection', 'returnAll', 'limit', 'filters', 'options']),
			panel(
				'user',
				'getField',
				['user', 'connection', 'field', 'options'],
				['user', 'connection', 'field'],
			),
			panel(
				'user',
				'update',
				['connectionId', 'userKey', 'fields', 'options'],
				['connectionId', 'userKey'],
			),
		],
	},
	{
		name: 'kantegaSso',
		displayName: 'Kantega SSO',
		panels: [
			panel('identityProvider', 'getAll', []),
			panel('managedGroup', 'getAll', ['idpId'], ['idpId']),
			panel('managedGroup', 'add', ['idpId', 'group', 'options'], ['idpId', 'group']),
			panel('managedGroup', 'check', ['idpId', 'group'], ['idpId', 'group']),
			panel('managedGroup', 'remove', ['idpId', 'group', 'options'], ['idpId', 'group']),
			panel(
				'managedGroup',
				'replace',
				['idpId', 'group', 'newGroup', 'options'],
				['idpId', 'group', 'newGroup'],
			),
		],
	},
	{
		name: 'atlassianDcSso',
		displayName: 'Atlassian DC SSO',
		panels: [
			panel('identityProvider', 'getAll', ['returnAll', 'limit']),
			panel('identityProvider', 'get', ['idpId'], ['idpId']),
			panel(
				'identityProvider',
				'create',
				['ssoType', 'name', 'ssoUrl', 'ssoIssuer', 'certificate', 'additionalFields', 'options'],
				['name', 'ssoUrl', 'ssoIssuer', 'certificate'],
			),
			panel('identityProvider', 'update', ['idpId', 'updateFields', 'options'], ['idpId']),
			panel(
				'identityProvider',
				'delete',
				['destructiveNotice', 'idpId', 'confirm', 'options'],
				['idpId'],
			),
			panel('loginOption', 'getAll', []),
			panel('ssoSettings', 'get', []),
			panel('ssoSettings', 'update', ['updateFields', 'options']),
		],
	},
];
