/**
 * The package's own outputs that are not a SAML SSO configuration. Each is made by really running the
 * operation (or, for the trigger's events, in the shape the trigger emits), so that a change to an
 * output shape is caught here: given to resolution's Replace (or Compare), each must be refused.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import type { Simulator } from '../simulator';
import { basicCredentials } from './run';
import { seedConfigOf } from './seeds';

export interface OwnOutput {
	name: string;
	/** Makes the output on the simulator (it may change the simulator's state: reset it afterwards). */
	make: (sim: Simulator) => Promise<IDataObject>;
	/** What the refusal's message names. */
	shape: RegExp;
	/** What the refusal's description says to use instead. */
	fix: RegExp;
}

async function outputOf(
	sim: Simulator,
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<IDataObject> {
	const r = await runNode({
		node: 'resolutionSamlSso',
		parameters,
		credentials: basicCredentials(sim),
		input,
	});
	if (r.error) throw r.error;
	return r.json[0];
}

const instance = (sim: Simulator) => ({ baseUrl: sim.url, product: 'jira' });

export const OWN_OUTPUTS: OwnOutput[] = [
	{
		name: 'a Replace with Include Previous Configuration',
		make: async (sim) =>
			await outputOf(
				sim,
				{ resource: 'config', operation: 'replace', options: { includePrevious: true } },
				[seedConfigOf(sim)],
			),
		shape:
			/the output of a Replace or Patch with "Include Previous Configuration" \(\{previous, current\}\)/,
		fix: /The configuration is in "current".*"previous"/,
	},
	{
		name: 'a Patch with Include Previous Configuration',
		make: async (sim) =>
			await outputOf(sim, {
				resource: 'config',
				operation: 'patch',
				mergePatch: '{"trackingEnabled": true}',
				options: { includePrevious: true },
			}),
		shape: /\{previous, current\}/,
		fix: /"current"/,
	},
	{
		name: 'a Compare',
		make: async (sim) =>
			await outputOf(sim, { resource: 'config', operation: 'compare' }, [seedConfigOf(sim)]),
		shape: /the output of a Compare \(\{identical, changes, summary\}\)/,
		fix: /holds no configuration/,
	},
	{
		name: 'a Delete',
		make: async (sim) =>
			await outputOf(sim, { resource: 'config', operation: 'delete', confirm: true }),
		shape: /the output of a Delete \(\{deleted\}\)/,
		fix: /Config → Get" from before the delete/,
	},
	{
		name: 'a directory Delete',
		make: async (sim) =>
			await outputOf(sim, {
				resource: 'directory',
				operation: 'delete',
				directoryId: '10100',
				confirm: true,
			}),
		shape: /the output of a Delete/,
		fix: /holds no configuration/,
	},
	{
		name: 'a Reset Entity ID',
		make: async (sim) => await outputOf(sim, { resource: 'config', operation: 'resetEntityId' }),
		shape: /the output of a Reset Entity ID \(\{previousEntityId, entityId\}\)/,
		fix: /only the entity IDs/,
	},
	{
		name: "the trigger's configurationChanged event",
		make: async (sim) => ({
			source: 'resolution',
			instance: instance(sim),
			changes: [{ op: 'replace', path: '/redirectToSso', value: true }],
			summary: ['redirectToSso changed: false → true'],
			current: seedConfigOf(sim),
		}),
		shape: /an event of the Atlassian SSO Trigger \(\{source, changes, summary, current\}\)/,
		fix: /\{\{ \$json\.current \}\}/,
	},
	{
		name: "the trigger's sourceFailed event",
		make: async (sim) => ({
			event: 'sourceFailed',
			source: 'resolution',
			instance: instance(sim),
			error: 'Endpoint not found',
		}),
		shape: /an event of the Atlassian SSO Trigger \(\{event: "sourceFailed", source, …\}\)/,
		fix: /holds no configuration/,
	},
	{
		name: "the trigger's certificateExpiring event",
		make: async () => ({
			source: 'resolution',
			idpId: '2',
			idpName: 'TIDP',
			subject: 'CN=some.idp.com signing',
			fingerprint: 'AB:CD',
			notAfter: '2027-01-01T00:00:00.000Z',
			daysLeft: 25,
		}),
		shape: /a certificate event of the Atlassian SSO Trigger/,
		fix: /one certificate/,
	},
];
