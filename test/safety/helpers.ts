import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type NodeRun } from '../harness/runNode';
import type { RecordedRequest, Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

export { useSimulator } from '../support/simulator';

export type NodeName = 'resolutionSamlSso' | 'adAttributesSync' | 'kantegaSso' | 'atlassianDcSso';

export interface RunExtra {
	input?: IDataObject[];
	continueOnFail?: boolean;
	executeOnce?: boolean;
}

export async function run(
	sim: Simulator,
	node: NodeName,
	parameters: INodeParameters,
	extra: RunExtra = {},
): Promise<NodeRun> {
	return await runNode({ node, parameters, credentials: adminBasic(sim), ...extra });
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every request the server saw, as "METHOD path" (still encoded, context path removed). */
export const sent = (sim: Simulator): string[] => sim.requests.map((r) => `${r.method} ${r.path}`);

/** The changes the server saw. */
export const changes = (sim: Simulator): RecordedRequest[] =>
	sim.requests.filter((r) => MUTATING.has(r.method));

/** What the four apps hold, to compare before and after a run. */
export function appState(sim: Simulator): string {
	const { resolution, deviniti, kantega, authconfig } = sim.state;
	return JSON.stringify({
		resolution,
		deviniti: { ...deviniti, pagingChurn: undefined },
		kantega,
		authconfig,
	});
}

/** AD user.update setting the title of the user with key `userKey` (connection 2). */
export const setTitle = (userKey: string, title = 'x'): INodeParameters => ({
	resource: 'user',
	operation: 'update',
	connectionId: '2',
	userKey,
	fields: { field: [{ name: 'title', value: title }] },
});

/** Kantega's seed IdP "Okta", whose managed groups are confluence-users and "sales team". */
export const OKTA = '8xKQm2LpZr4TvW9sYb1E';

/** Changes the seed data accepts, sent as they are by more than one suite. */
export const CHANGE = {
	/** DC SSO: an OIDC identity provider "New". */
	createOidcIdp: {
		resource: 'identityProvider',
		operation: 'create',
		ssoType: 'OIDC',
		name: 'New',
		issuerUrl: 'https://login.example.com',
		clientId: 'c',
		clientSecret: 's',
	},
	/** DC SSO: identity provider 2 deleted, confirmed. */
	deleteIdp2: { resource: 'identityProvider', operation: 'delete', idpId: '2', confirm: true },
	/** DC SSO: identity provider 2 renamed "Renamed". */
	renameIdp2: {
		resource: 'identityProvider',
		operation: 'update',
		idpId: '2',
		updateFields: { name: 'Renamed' },
	},
	/** Kantega: Okta's managed group "sales team" replaced by "sales". */
	replaceSalesTeam: {
		resource: 'managedGroup',
		operation: 'replace',
		idpId: OKTA,
		group: 'sales team',
		newGroup: 'sales',
	},
} satisfies Record<string, INodeParameters>;

/** A resource locator value picked "by ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
