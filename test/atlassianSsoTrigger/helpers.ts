import type { INodeParameters } from 'n8n-workflow';

import { PollingWorkflow } from '../harness/pollingWorkflow';
import { SIMULATOR_USERS, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

export { useSimulator } from '../support/simulator';

/** The trigger in an active workflow against the simulator. */
export const activeTrigger = (sim: Simulator, parameters: INodeParameters) =>
	PollingWorkflow.ofTrigger(parameters, adminBasic(sim));

/** The requests the simulator received, as "METHOD path?query", context path removed. */
export function calls(sim: Simulator): string[] {
	return sim.requests.map((r) => {
		const query = new URLSearchParams(r.query as Record<string, string>).toString();
		return `${r.method} ${r.path}${query ? `?${query}` : ''}`;
	});
}

export const json = (outcome: { emitted: Array<Array<{ json: object }>> | null }) =>
	(outcome.emitted?.[0] ?? []).map((i) => i.json as Record<string, unknown>);

/** Starts a User Sync as an admin would (POST .../sync), outside the trigger. */
export async function startSync(sim: Simulator, connectorId: string): Promise<void> {
	const auth = Buffer.from(
		`${SIMULATOR_USERS.admin.username}:${SIMULATOR_USERS.admin.password}`,
	).toString('base64');
	const response = await fetch(
		`${sim.url}/rest/samlsso-admin/1.0/usersync/connector/${encodeURIComponent(connectorId)}/sync`,
		{
			method: 'POST',
			headers: { Authorization: `Basic ${auth}`, 'X-Atlassian-Token': 'no-check' },
		},
	);
	if (response.status !== 200) throw new Error(`sync did not start: ${response.status}`);
	sim.requests.length = 0;
}
