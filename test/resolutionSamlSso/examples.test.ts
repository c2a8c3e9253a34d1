/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tests read the example files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

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

describe('examples/clone-refresh.json', () => {
	test('Get → edit the IdP and redirectToSso, keeping every other field → Replace → Reset entity ID', async () => {
		const { sim } = ctx;
		const before = latestConfig(sim);
		const r = await runExampleWorkflow(example('clone-refresh.json'), adminBasic(sim));
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([
			`GET ${PREFIX}/config`,
			`GET ${PREFIX}/config`,
			`PUT ${PREFIX}/config`,
			`GET ${PREFIX}/config`,
			`POST ${PREFIX}/reset/entityid`,
			`GET ${PREFIX}/config`,
		]);
		const expected = JSON.parse(JSON.stringify(before)) as IDataObject;
		const idps = expected.idps as IDataObject[];
		idps[0].entityId = 'https://idp.staging.example.com/identifier/';
		idps[0].metadataurl = 'https://idp.staging.example.com/identifier/metadata';
		expected.redirectToSso = false;
		// What was PUT: the production config with only the three fields changed, in the same field order.
		const put = sim.requests.find((q) => q.method === 'PUT')!;
		expect(JSON.parse(put.body)).toEqual(expected);
		expect(Object.keys(JSON.parse(put.body) as IDataObject)).toEqual(Object.keys(before));
		// What the clone holds afterwards: that config, with the entity id of the clone's own base URL.
		expect(latestConfig(sim)).toEqual({
			...expected,
			entityId: `${sim.url}/plugins/servlet/samlsso`,
		});
		expect(r.output('Replace Config')[0].json.previous).toEqual(before);
		expect(r.output("Reset Entity ID to the Clone's Base URL")[0].json).toEqual({
			previousEntityId: before.entityId,
			entityId: `${sim.url}/plugins/servlet/samlsso`,
		});
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
