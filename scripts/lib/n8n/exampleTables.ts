/**
 * The data table the configuration examples keep their versions in (examples/clone-refresh*.json,
 * examples/sso-config-history.json; docs/examples.md tells users to create it). The examples ship
 * with the table to pick from the list; the suites and the demo create it and set its id.
 */
import type { N8nRest, WorkflowInput } from './rest';

export const CONFIG_HISTORY_TABLE = {
	name: 'sso_config_history',
	columns: ['capturedAt', 'kind', 'hash', 'config'],
};

const DATA_TABLE_NODE = 'n8n-nodes-base.dataTable';

/** The workflow with every Data table node pointing at the table of id TABLE_ID. */
export function withDataTable(workflow: WorkflowInput, tableId: string): WorkflowInput {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type === DATA_TABLE_NODE
				? {
						...node,
						parameters: {
							...node.parameters,
							dataTableId: { __rl: true, mode: 'id', value: tableId },
						},
					}
				: node,
		),
	};
}

/** Creates the examples' table in this n8n when it is not there; returns its id. */
export async function ensureConfigHistoryTable(rest: N8nRest): Promise<string> {
	return await rest.ensureDataTable(CONFIG_HISTORY_TABLE.name, CONFIG_HISTORY_TABLE.columns);
}
