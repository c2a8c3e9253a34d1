/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tests read the example files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ITEMS_NODE_TYPE } from '../harness/baseNodes';
import { runExampleWorkflow, type WorkflowDefinition } from '../harness/engine';
import { calls, latestConfig, useSimulator } from './helpers';
import { adminBasic } from '../support/credentials';

const ctx = useSimulator();
const PREFIX = '/jira/rest/samlsso-admin/1.0';

function example(name: string): WorkflowDefinition {
	return JSON.parse(
		readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8'),
	) as WorkflowDefinition;
}

/**
 * The part of examples/clone-refresh.json after its data-table read (n8n's data tables exist only in
 * a running n8n: the whole workflow runs in the e2e suite): "Newest" stands for the saved row.
 */
function cloneRefreshAfterTheRead(saved: string): WorkflowDefinition {
	const workflow = example('clone-refresh.json');
	const keep = [
		"Upload the Clone's Own Config",
		"Reset Entity ID to the Clone's Base URL",
		'Compare With the Saved Config',
		'Identical?',
		'Clone Refreshed',
		'Fail: Clone Differs',
	];
	const newest = {
		name: 'Newest',
		type: ITEMS_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify([{ json: { config: saved } }]) },
	};
	return {
		...workflow,
		nodes: [newest, ...workflow.nodes.filter((node) => keep.includes(node.name))],
		connections: {
			Newest: { main: [[{ node: keep[0], type: 'main', index: 0 }]] },
			...Object.fromEntries(
				Object.entries(workflow.connections).filter(([from]) => keep.includes(from)),
			),
		},
	} as WorkflowDefinition;
}

describe('examples/clone-refresh.json after its data-table read', () => {
	test("the saved text is uploaded byte for byte, the entity ID reset, and Compare's identical ends the run", async () => {
		const { sim } = ctx;
		// Indented as a file would be: what is uploaded is the text, not the parsed object.
		const saved = JSON.stringify(
			{ ...latestConfig(sim), entityId: `${sim.url}/plugins/servlet/samlsso` },
			null,
			2,
		);
		const r = await runExampleWorkflow(cloneRefreshAfterTheRead(saved), adminBasic(sim));
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([
			`PUT ${PREFIX}/config`,
			`GET ${PREFIX}/config`,
			`POST ${PREFIX}/reset/entityid`,
			`GET ${PREFIX}/config`,
			`GET ${PREFIX}/config`,
		]);
		expect(sim.requests.find((q) => q.method === 'PUT')!.body).toBe(saved);
		expect(latestConfig(sim)).toEqual(JSON.parse(saved));
		expect(r.output('Clone Refreshed')).toHaveLength(1);
	});

	test('a saved entity ID the reset does not give back fails the run and names entityId', async () => {
		const { sim } = ctx;
		const saved = JSON.stringify({
			...latestConfig(sim),
			entityId: 'https://jira.staging.example.com/plugins/servlet/samlsso',
		});
		const r = await runExampleWorkflow(cloneRefreshAfterTheRead(saved), adminBasic(sim));
		expect(r.error?.message).toBe(
			"After the upload and the entity ID reset, the clone's configuration differs from the one saved before the refresh: " +
				`entityId changed: '${sim.url}/plugins/servlet/samlsso' → 'https://jira.staging.example.com/plugins/servlet/samlsso'. If the entity ID differs, set the clone's base URL (not production's) and run this workflow again.`,
		);
		expect(r.output('Clone Refreshed')).toHaveLength(0);
	});
});

describe('examples/user-sync-watch.json', () => {
	test('a sync without failures ends in the NoOp branch', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1;
		const r = await runExampleWorkflow(example('user-sync-watch.json'), adminBasic(sim));
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([
			`GET ${PREFIX}/usersync/connector/1/syncstatus`,
			`POST ${PREFIX}/usersync/connector/1/sync`,
			`GET ${PREFIX}/usersync/syncstatus/100`,
			`GET ${PREFIX}/usersync/syncstatus/100`,
		]);
		expect(r.output('All Users Synchronized')[0].json).toMatchObject({
			connectorId: '1',
			syncId: '100',
			status: 'DONE',
			failedCount: 0,
		});
		expect(r.output('Fail: Users Not Synchronized')).toHaveLength(0);
	});

	test('a sync with failed users stops the workflow with a clear error', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 0;
		sim.state.resolution.connectors[0].failWithCount = 4;
		const r = await runExampleWorkflow(example('user-sync-watch.json'), adminBasic(sim));
		expect(r.error?.message).toBe(
			'User Sync of connector 1 finished with 4 failed users (status FAILED, sync 100): Scheduled with jobid ' +
				`${sim.state.resolution.syncs.at(-1)!.jobId} | 4 users could not be synchronized: Connection timed out | Skipping admin or sysadmin <admin>`,
		);
		expect(r.output('All Users Synchronized')).toHaveLength(0);
		expect(sim.state.resolution.syncs.at(-1)).toMatchObject({ status: 'FAILED', failedCount: 4 });
	});
});
