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

/** A resource locator value picked "by ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
