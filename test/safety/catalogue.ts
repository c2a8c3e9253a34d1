/**
 * Every operation of the four action nodes with minimal valid parameters, for the fault, hostile-input,
 * secrets and concurrency suites. `catalogue.test.ts` fails when a node offers an operation that has
 * no entry here, so a new operation cannot be left out of those suites.
 */
import type { IDataObject, INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { AdAttributesSync } from '../../nodes/AdAttributesSync/AdAttributesSync.node';
import { AtlassianDcSso } from '../../nodes/AtlassianDcSso/AtlassianDcSso.node';
import { KantegaSso } from '../../nodes/KantegaSso/KantegaSso.node';
import { ResolutionSamlSso } from '../../nodes/ResolutionSamlSso/ResolutionSamlSso.node';
import { API_PREFIX } from '../../nodes/shared/http';
import type { Simulator } from '../simulator';
import { seedConfigOf } from './seeds';

export type NodeName = 'resolutionSamlSso' | 'adAttributesSync' | 'kantegaSso' | 'atlassianDcSso';

export const NODE_DESCRIPTIONS: Record<NodeName, INodeTypeDescription> = {
	resolutionSamlSso: new ResolutionSamlSso().description,
	adAttributesSync: new AdAttributesSync().description,
	kantegaSso: new KantegaSso().description,
	atlassianDcSso: new AtlassianDcSso().description,
};

export const PREFIX: Record<NodeName, string> = {
	resolutionSamlSso: API_PREFIX.resolution,
	adAttributesSync: API_PREFIX.deviniti,
	kantegaSso: API_PREFIX.kantega,
	atlassianDcSso: API_PREFIX.atlassianSso,
};

export const APP_OF: Record<NodeName, 'resolution' | 'deviniti' | 'kantega' | 'authconfig'> = {
	resolutionSamlSso: 'resolution',
	adAttributesSync: 'deviniti',
	kantegaSso: 'kantega',
	atlassianDcSso: 'authconfig',
};

/** The OIDC client secret the catalogue's IdP operations send: it must never show up in any output or error. */
export const OIDC_CANARY = 'oidc-Client-Secret-c4n4ry-31b7';

export interface CatalogueEntry {
	node: NodeName;
	resource: string;
	operation: string;
	/** Minimal valid parameters (resource and operation added by `parametersOf`). */
	parameters: (sim: Simulator) => INodeParameters;
	input?: (sim: Simulator) => IDataObject[];
	/**
	 * The request the operation exists for (faults hit the first request with this method): a change for
	 * mutations, the first read for reads.
	 */
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Whether that request may be sent twice with no more effect than once (the expected declaration). */
	idempotent: boolean;
	/** Whether the output is read from the answer's JSON (an empty or cut answer must then be an error). */
	needsJson: boolean;
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

const entries: CatalogueEntry[] = [
	// resolution SAML SSO
	{
		node: 'resolutionSamlSso',
		resource: 'config',
		operation: 'get',
		parameters: () => ({}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'config',
		operation: 'replace',
		parameters: (sim) => ({
			source: 'json',
			config: JSON.stringify({ ...seedConfigOf(sim), redirectToSso: true }),
		}),
		method: 'PUT',
		idempotent: true,
		needsJson: false,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'config',
		operation: 'patch',
		parameters: () => ({ patchFormat: 'mergePatch', mergePatch: '{"redirectToSso": true}' }),
		method: 'PATCH',
		idempotent: true,
		needsJson: false,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'config',
		operation: 'delete',
		parameters: () => ({ confirm: true }),
		method: 'DELETE',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'config',
		operation: 'resetEntityId',
		parameters: () => ({}),
		method: 'POST',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'config',
		operation: 'compare',
		parameters: (sim) => ({
			source: 'json',
			config: JSON.stringify({ ...seedConfigOf(sim), redirectToSso: true }),
		}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'connector',
		operation: 'get',
		parameters: () => ({ connectorId: '1' }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'connector',
		operation: 'getStatus',
		parameters: () => ({ connectorId: '1' }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'connector',
		operation: 'sync',
		parameters: () => ({ connectorId: '1' }),
		method: 'POST',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'connector',
		operation: 'syncUser',
		parameters: () => ({ connectorId: '1', username: 'user0042' }),
		method: 'POST',
		idempotent: true,
		needsJson: false,
	},
	{
		node: 'resolutionSamlSso',
		resource: 'directory',
		operation: 'delete',
		parameters: () => ({ directoryId: '10200', confirm: true }),
		method: 'DELETE',
		idempotent: false,
		needsJson: false,
	},
	// AD Attributes Sync
	{
		node: 'adAttributesSync',
		resource: 'connection',
		operation: 'getAll',
		parameters: () => ({}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'adAttributesSync',
		resource: 'connection',
		operation: 'update',
		parameters: () => ({
			connectionId: '1',
			updateFields: { userDn: 'CN=svc-n8n,OU=Service,DC=ldap,DC=example,DC=com' },
		}),
		method: 'PUT',
		idempotent: true,
		needsJson: false,
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'get',
		parameters: () => ({ user: 'JIRAUSER10103' }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'getAll',
		parameters: () => ({ connection: rl('LDAP_server_23'), returnAll: false, limit: 30 }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'getField',
		parameters: () => ({
			user: 'JIRAUSER10103',
			connection: rl('Active_Directory_server'),
			field: 'mail',
		}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'adAttributesSync',
		resource: 'user',
		operation: 'update',
		parameters: () => ({
			connectionId: '2',
			userKey: 'JIRAUSER10103',
			fields: { field: [{ name: 'department', value: 'Platform' }] },
		}),
		method: 'PUT',
		idempotent: true,
		needsJson: false,
	},
	// Kantega SSO
	{
		node: 'kantegaSso',
		resource: 'identityProvider',
		operation: 'getAll',
		parameters: () => ({}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'getAll',
		parameters: () => ({ idpId: rl('1ncq3jsPC74BGuNnfZPl') }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'add',
		parameters: () => ({ idpId: rl('8xKQm2LpZr4TvW9sYb1E'), group: 'jira-servicedesk-users' }),
		method: 'POST',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'check',
		parameters: () => ({ idpId: rl('1ncq3jsPC74BGuNnfZPl'), group: rl('jira-administrators') }),
		method: 'GET',
		idempotent: true,
		needsJson: false,
	},
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'remove',
		parameters: () => ({ idpId: rl('8xKQm2LpZr4TvW9sYb1E'), group: rl('sales team') }),
		method: 'DELETE',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'kantegaSso',
		resource: 'managedGroup',
		operation: 'replace',
		parameters: () => ({
			idpId: rl('8xKQm2LpZr4TvW9sYb1E'),
			group: rl('confluence-users'),
			newGroup: 'confluence-members',
		}),
		method: 'PUT',
		idempotent: false,
		needsJson: false,
	},
	// Atlassian DC SSO
	{
		node: 'atlassianDcSso',
		resource: 'loginOption',
		operation: 'getAll',
		parameters: () => ({}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'atlassianDcSso',
		resource: 'identityProvider',
		operation: 'getAll',
		parameters: () => ({ returnAll: true }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'atlassianDcSso',
		resource: 'identityProvider',
		operation: 'get',
		parameters: () => ({ idpId: rl('3') }),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'atlassianDcSso',
		resource: 'identityProvider',
		operation: 'create',
		parameters: () => ({
			ssoType: 'OIDC',
			name: 'Entra ID',
			issuerUrl: 'https://login.example.com/tenant/v2.0',
			clientId: 'n8n-client',
			clientSecret: OIDC_CANARY,
		}),
		method: 'POST',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'atlassianDcSso',
		resource: 'identityProvider',
		operation: 'update',
		parameters: () => ({
			idpId: rl('3'),
			updateFields: { buttonText: 'Log in with Okta', clientSecret: OIDC_CANARY },
		}),
		method: 'PATCH',
		idempotent: true,
		needsJson: false,
	},
	{
		node: 'atlassianDcSso',
		resource: 'identityProvider',
		operation: 'delete',
		parameters: () => ({ idpId: rl('6'), confirm: true }),
		method: 'DELETE',
		idempotent: false,
		needsJson: false,
	},
	{
		node: 'atlassianDcSso',
		resource: 'ssoSettings',
		operation: 'get',
		parameters: () => ({}),
		method: 'GET',
		idempotent: true,
		needsJson: true,
	},
	{
		node: 'atlassianDcSso',
		resource: 'ssoSettings',
		operation: 'update',
		parameters: () => ({ updateFields: { showLoginFormForJsm: false } }),
		method: 'PATCH',
		idempotent: true,
		needsJson: false,
	},
];

export const CATALOGUE: readonly CatalogueEntry[] = entries;

const entryOf = (label: string) => entries.find((e) => labelOf(e) === label)!;
const variant = (
	label: string,
	name: string,
	parameters: CatalogueEntry['parameters'],
): CatalogueEntry & { variant: string } => ({
	...entryOf(label),
	parameters,
	variant: name,
});

/** Parameter sets that make an operation send more than one request: reads before a change, a wait that polls. */
export const MULTI_REQUEST_VARIANTS: ReadonlyArray<CatalogueEntry & { variant: string }> = [
	variant('resolutionSamlSso config.replace', 'with the previous configuration', (sim) => ({
		source: 'json',
		config: JSON.stringify({ ...seedConfigOf(sim), redirectToSso: true }),
		options: { includePrevious: true },
	})),
	variant('resolutionSamlSso connector.sync', 'waiting for completion', () => ({
		connectorId: '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90',
		options: { waitForCompletion: true, pollIntervalSeconds: 1, timeoutSeconds: 30 },
	})),
	variant('kantegaSso managedGroup.add', 'already managed, succeed', () => ({
		idpId: rl('1ncq3jsPC74BGuNnfZPl'),
		group: 'jira-administrators',
		options: { ignoreIfExists: true },
	})),
	variant('atlassianDcSso identityProvider.update', 'disabling (lockout check)', () => ({
		idpId: rl('3'),
		updateFields: { enabled: false },
	})),
	variant('atlassianDcSso ssoSettings.update', 'hiding the login form (lockout check)', () => ({
		updateFields: { showLoginForm: false },
	})),
	variant('adAttributesSync user.getAll', 'all pages', () => ({
		connection: rl('LDAP_server_23'),
		returnAll: true,
		filters: {},
	})),
];

export function labelOf(entry: Pick<CatalogueEntry, 'node' | 'resource' | 'operation'>): string {
	return `${entry.node} ${entry.resource}.${entry.operation}`;
}

export function parametersOf(entry: CatalogueEntry, sim: Simulator): INodeParameters {
	return { resource: entry.resource, operation: entry.operation, ...entry.parameters(sim) };
}

/** Every resource × operation the node descriptions offer, read from the editor properties. */
export function describedOperations(): Array<
	Pick<CatalogueEntry, 'node' | 'resource' | 'operation'>
> {
	const found: Array<Pick<CatalogueEntry, 'node' | 'resource' | 'operation'>> = [];
	for (const [node, description] of Object.entries(NODE_DESCRIPTIONS) as Array<
		[NodeName, INodeTypeDescription]
	>) {
		const resources = description.properties.find((p) => p.name === 'resource')?.options ?? [];
		for (const resource of resources) {
			const value = String((resource as { value: string }).value);
			const operations = description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(value),
			);
			for (const operation of operations?.options ?? []) {
				found.push({
					node,
					resource: value,
					operation: String((operation as { value: string }).value),
				});
			}
		}
	}
	return found;
}
