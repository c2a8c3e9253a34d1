import type { INodeParameters, NodeParameterValue } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

const OKTA = '8xKQm2LpZr4TvW9sYb1E';

/** The ways a saved workflow can hold a resource locator's value. */
const FORMS: Array<[string, (value: string) => NodeParameterValue | INodeParameters]> = [
	['a plain string (earlier workflows, $fromAI)', (value) => value],
	['an expression', (value) => `={{ "${value}" }}`],
	[
		'picked from the list',
		(value) => ({ __rl: true, mode: 'list', value, cachedResultName: 'picked' }),
	],
	['typed in by ID', (value) => ({ __rl: true, mode: 'id', value })],
];

interface Case {
	node: string;
	parameters: (form: (value: string) => NodeParameterValue | INodeParameters) => INodeParameters;
	/** Method and raw path of the request the operation sends. */
	request: string;
}

/** A Kantega operation on the managed group "sales team" of Okta, both in the form under test. */
const salesTeamOfOkta = (operation: string, method: string, more: INodeParameters = {}): Case => ({
	node: 'kantegaSso',
	parameters: (f) => ({
		resource: 'managedGroup',
		operation,
		idpId: f(OKTA),
		group: f('sales team'),
		...more,
	}),
	request: `${method} /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/sales%20team`,
});

const CASES: Record<string, Case> = {
	'Kantega managed groups getAll': {
		node: 'kantegaSso',
		parameters: (f) => ({ resource: 'managedGroup', operation: 'getAll', idpId: f(OKTA) }),
		request: `GET /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups`,
	},
	'Kantega add': {
		node: 'kantegaSso',
		parameters: (f) => ({
			resource: 'managedGroup',
			operation: 'add',
			idpId: f(OKTA),
			group: 'ops-on-call',
		}),
		request: `POST /rest/ksso/api/idp/1.0/managedgroups/${OKTA}/groups/ops-on-call`,
	},
	'Kantega check': salesTeamOfOkta('check', 'GET'),
	'Kantega remove': salesTeamOfOkta('remove', 'DELETE'),
	'Kantega replace': salesTeamOfOkta('replace', 'PUT', { newGroup: 'sales-emea' }),
	'Atlassian DC SSO get': {
		node: 'atlassianDcSso',
		parameters: (f) => ({ resource: 'identityProvider', operation: 'get', idpId: f('3') }),
		request: 'GET /rest/authconfig/1.0/idps/3',
	},
	'Atlassian DC SSO update': {
		node: 'atlassianDcSso',
		parameters: (f) => ({
			resource: 'identityProvider',
			operation: 'update',
			idpId: f('3'),
			updateFields: { buttonText: 'Okta' },
		}),
		request: 'PATCH /rest/authconfig/1.0/idps/3',
	},
	'Atlassian DC SSO delete': {
		node: 'atlassianDcSso',
		parameters: (f) => ({
			resource: 'identityProvider',
			operation: 'delete',
			idpId: f('4'),
			confirm: true,
		}),
		request: 'DELETE /rest/authconfig/1.0/idps/4',
	},
	'AD user get': {
		node: 'adAttributesSync',
		parameters: (f) => ({
			resource: 'user',
			operation: 'get',
			user: 'sophie2',
			connection: f('Active_Directory_server'),
		}),
		request: 'GET /rest/intenso/ad/1.0/public/connection/Active_Directory_server/user/sophie2',
	},
	'AD user getField': {
		node: 'adAttributesSync',
		parameters: (f) => ({
			resource: 'user',
			operation: 'getField',
			user: 'sophie2',
			connection: f('Active_Directory_server'),
			field: 'mail',
		}),
		request:
			'GET /rest/intenso/ad/1.0/public/connection/Active_Directory_server/user/sophie2/field/mail',
	},
	'AD user getAll': {
		node: 'adAttributesSync',
		parameters: (f) => ({
			resource: 'user',
			operation: 'getAll',
			connection: f('Active_Directory_server'),
			limit: 3,
			filters: { fields: ['mail'] },
		}),
		request: 'GET /rest/intenso/ad/1.0/public/connection/Active_Directory_server/user',
	},
};

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ adUsers: 20 });
});
afterAll(async () => await sim.close());

describe.each(Object.entries(CASES))('%s', (_, { node, parameters, request }) => {
	const outputs: unknown[] = [];
	test.each(FORMS)('works with %s', async (__, form) => {
		sim.reset();
		const run = await runNode({ node, parameters: parameters(form), credentials: adminBasic(sim) });
		expect(run.error).toBeUndefined();
		expect(sim.requests.map((r) => `${r.method} ${r.rawPath}`)).toContain(request);
		// The app stamps an update with its time: the rest must be the same.
		outputs.push(run.json.map((json) => ({ ...json, 'last-updated': undefined })));
	});
	test('every form gives the same output', () => {
		expect(outputs).toHaveLength(FORMS.length);
		for (const output of outputs) expect(output).toEqual(outputs[0]);
	});
});

test('AD user getAll: a field filter saved as comma-separated text still works', async () => {
	sim.reset();
	const run = await runNode({
		node: 'adAttributesSync',
		parameters: {
			resource: 'user',
			operation: 'getAll',
			connection: '',
			limit: 2,
			filters: { fields: 'mail, title', configurationNames: 'Active_Directory_server' },
		},
		credentials: adminBasic(sim),
	});
	expect(run.error).toBeUndefined();
	expect(sim.requests[0].query).toMatchObject({
		fields: 'mail,title',
		configurationNames: 'Active_Directory_server',
	});
});
