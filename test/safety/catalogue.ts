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
/** The seed configuration with redirectToSso turned on, given as JSON (replace and compare). */
const redirectingConfig = (sim: Simulator): INodeParameters => ({
	source: 'json',
	config: JSON.stringify({ ...seedConfigOf(sim), redirectToSso: true }),
});

/** The entry of `node`'s operation `what` ("resource.operation"). */
const entryOfNode = (node: NodeName, what: string) => {
	const [resource, operation] = what.split('.');
	return { node, resource, operation };
};

/**
 * A read: its first GET is the request it exists for, and may be repeated; its output is read from the answer's
 * JSON, or only from its status.
 */
const read = (
	node: NodeName,
	what: string,
	parameters: CatalogueEntry['parameters'] = () => ({}),
	output: 'json' | 'status' = 'json',
): CatalogueEntry => ({
	...entryOfNode(node, what),
	parameters,
	method: 'GET',
	idempotent: true,
	needsJson: output === 'json',
});

/** A change: the method of its request, whether that may be repeated; its output never needs the answer's JSON. */
const change = (
	node: NodeName,
	what: string,
	method: CatalogueEntry['method'],
	repeat: 'repeatable' | 'once',
	parameters: CatalogueEntry['parameters'] = () => ({}),
): CatalogueEntry => ({
	...entryOfNode(node, what),
	parameters,
	method,
	idempotent: repeat === 'repeatable',
	needsJson: false,
});

const entries: CatalogueEntry[] = [
	// resolution SAML SSO
	read('resolutionSamlSso', 'config.get'),
	change('resolutionSamlSso', 'config.replace', 'PUT', 'repeatable', redirectingConfig),
	change('resolutionSamlSso', 'config.patch', 'PATCH', 'repeatable', () => ({
		patchFormat: 'mergePatch',
		mergePatch: '{"redirectToSso": true}',
	})),
	change('resolutionSamlSso', 'config.delete', 'DELETE', 'once', () => ({ confirm: true })),
	change('resolutionSamlSso', 'config.resetEntityId', 'POST', 'once'),
	read('resolutionSamlSso', 'config.compare', redirectingConfig),
	read('resolutionSamlSso', 'connector.get', () => ({ connectorId: '1' })),
	read('resolutionSamlSso', 'connector.getStatus', () => ({ connectorId: '1' })),
	change('resolutionSamlSso', 'connector.sync', 'POST', 'once', () => ({ connectorId: '1' })),
	change('resolutionSamlSso', 'connector.syncUser', 'POST', 'repeatable', () => ({
		connectorId: '1',
		username: 'user0042',
	})),
	change('resolutionSamlSso', 'directory.delete', 'DELETE', 'once', () => ({
		directoryId: '10200',
		confirm: true,
	})),
	// AD Attributes Sync
	read('adAttributesSync', 'connection.getAll'),
	change('adAttributesSync', 'connection.update', 'PUT', 'repeatable', () => ({
		connectionId: '1',
		updateFields: { userDn: 'CN=svc-n8n,OU=Service,DC=ldap,DC=example,DC=com' },
	})),
	read('adAttributesSync', 'user.get', () => ({ user: 'JIRAUSER10103' })),
	read('adAttributesSync', 'user.getAll', () => ({
		connection: rl('LDAP_server_23'),
		returnAll: false,
		limit: 30,
	})),
	read('adAttributesSync', 'user.getField', () => ({
		user: 'JIRAUSER10103',
		connection: rl('Active_Directory_server'),
		field: 'mail',
	})),
	change('adAttributesSync', 'user.update', 'PUT', 'repeatable', () => ({
		connectionId: '2',
		userKey: 'JIRAUSER10103',
		fields: { field: [{ name: 'department', value: 'Platform' }] },
	})),
	// Kantega SSO
	read('kantegaSso', 'identityProvider.getAll'),
	read('kantegaSso', 'managedGroup.getAll', () => ({ idpId: rl('1ncq3jsPC74BGuNnfZPl') })),
	change('kantegaSso', 'managedGroup.add', 'POST', 'once', () => ({
		idpId: rl('8xKQm2LpZr4TvW9sYb1E'),
		group: 'jira-servicedesk-users',
	})),
	read(
		'kantegaSso',
		'managedGroup.check',
		() => ({ idpId: rl('1ncq3jsPC74BGuNnfZPl'), group: rl('jira-administrators') }),
		'status',
	),
	change('kantegaSso', 'managedGroup.remove', 'DELETE', 'once', () => ({
		idpId: rl('8xKQm2LpZr4TvW9sYb1E'),
		group: rl('sales team'),
	})),
	change('kantegaSso', 'managedGroup.replace', 'PUT', 'once', () => ({
		idpId: rl('8xKQm2LpZr4TvW9sYb1E'),
		group: rl('confluence-users'),
		newGroup: 'confluence-members',
	})),
	// Atlassian DC SSO
	read('atlassianDcSso', 'loginOption.getAll'),
	read('atlassianDcSso', 'identityProvider.getAll', () => ({ returnAll: true })),
	read('atlassianDcSso', 'identityProvider.get', () => ({ idpId: rl('3') })),
	change('atlassianDcSso', 'identityProvider.create', 'POST', 'once', () => ({
		ssoType: 'OIDC',
		name: 'Entra ID',
		issuerUrl: 'https://login.example.com/tenant/v2.0',
		clientId: 'n8n-client',
		clientSecret: OIDC_CANARY,
	})),
	change('atlassianDcSso', 'identityProvider.update', 'PATCH', 'repeatable', () => ({
		idpId: rl('3'),
		updateFields: { buttonText: 'Log in with Okta', clientSecret: OIDC_CANARY },
	})),
	change('atlassianDcSso', 'identityProvider.delete', 'DELETE', 'once', () => ({
		idpId: rl('6'),
		confirm: true,
	})),
	read('atlassianDcSso', 'ssoSettings.get'),
	change('atlassianDcSso', 'ssoSettings.update', 'PATCH', 'repeatable', () => ({
		updateFields: { showLoginFormForJsm: false },
	})),
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
		...redirectingConfig(sim),
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
