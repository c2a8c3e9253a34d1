import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { runNode, type NodeRun } from '../harness/runNode';
import { SIMULATOR_USERS, type Simulator } from '../simulator';
import { labelOf, parametersOf, type CatalogueEntry } from './catalogue';

/** Basic auth (every fault applies to it, "Basic auth disabled" included) with the simulator's sysadmin. */
export function basicCredentials(sim: Simulator): ICredentialDataDecryptedObject {
	const { username, password } = SIMULATOR_USERS.admin;
	return { baseUrl: sim.url, authentication: 'basicAuth', username, password };
}

export interface RunOptions {
	credentials?: ICredentialDataDecryptedObject;
	signal?: AbortSignal;
	parameters?: Record<string, unknown>;
	continueOnFail?: boolean;
}

/** Runs one catalogue operation in n8n's engine against the simulator. */
export async function runEntry(
	entry: CatalogueEntry,
	sim: Simulator,
	options: RunOptions = {},
): Promise<NodeRun> {
	return await runNode({
		node: entry.node,
		parameters: { ...parametersOf(entry, sim), ...options.parameters } as never,
		credentials: options.credentials ?? basicCredentials(sim),
		input: entry.input?.(sim),
		signal: options.signal,
		continueOnFail: options.continueOnFail,
	});
}

/** The simulator's state without what differs between two simulators or runs (its URL, login counters). */
export function stateOf(sim: Simulator): string {
	return JSON.stringify({ ...sim.state, baseUrl: undefined, loginFailures: undefined });
}

/** Timestamps, generated ids and job ids differ between runs; everything else must not. */
export function normalize(text: string): string {
	return text
		.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?/g, '<time>')
		.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
		.replace(/"(startTime|endTime|started|finished|timestamp|waitedSeconds)":[\d.]+/g, '"$1":0');
}

export function describeRun(entry: CatalogueEntry, run: NodeRun): string {
	return `${labelOf(entry)}: ${run.error ? `error ${run.error.name}: ${run.error.message}` : `${run.json.length} items`}`;
}
