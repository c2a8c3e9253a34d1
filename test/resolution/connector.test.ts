/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tests wait with setTimeout and read Buffer */
import type { IDataObject } from 'n8n-workflow';

import { ResolutionSamlSso } from '../../nodes/ResolutionSamlSso/ResolutionSamlSso.node';
import { appRequests, calls, run, useSimulator } from './helpers';

const ctx = useSimulator();
const USERSYNC = '/jira/rest/samlsso-admin/1.0/usersync';
const UUID_CONNECTOR = '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90';

describe('connector.get and getStatus', () => {
	test('get outputs the connector', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'get', connectorId: '1' });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([expect.objectContaining({ id: '1', name: 'Azure AD', directoryId: 10100 })]);
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/connector/1`]);
	});

	test('ids are one encoded path segment; an unknown connector is a clear 404', async () => {
		// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
		ctx.sim.state.variants.allowEncodedSlash = true;
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'get', connectorId: 'a/b c' });
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/connector/a%2Fb%20c`]);
		expect(r.error?.message).toMatch(/Not found .*answered 404/);
		expect(r.error?.description).toMatch(/Connector a\/b c not found/);
	});

	test('a blank connector id is refused before sending', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'get', connectorId: '  ' });
		expect(r.error?.message).toMatch(/"connectorId" is empty/);
		expect(sim.requests).toHaveLength(0);
	});

	test('getStatus: last sync of a connector (UUID id)', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'getStatus', connectorId: UUID_CONNECTOR });
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/connector/${UUID_CONNECTOR}/syncstatus`]);
		expect(r.json[0]).toMatchObject({ status: 'DONE', id: 96, failedCount: 0, resultCount: 2 });
	});

	test('getStatus with options.syncId reads that sync', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'getStatus', connectorId: '1', options: { syncId: '95' } });
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/syncstatus/95`]);
		expect(r.json[0]).toMatchObject({ id: 95, status: 'DONE' });
	});
});

describe('connector.sync', () => {
	test('JSON answer: normalized with syncId and jobId', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '1' });
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`POST ${USERSYNC}/connector/1/sync`]);
		expect(appRequests(sim)[0].headers['x-atlassian-token']).toBe('no-check');
		const run0 = sim.state.resolution.syncs.at(-1)!;
		expect(r.json[0]).toMatchObject({ connectorId: '1', syncId: String(run0.id), jobId: run0.jobId, status: 'RUNNING' });
		expect(Object.keys(r.json[0]).slice(0, 4)).toEqual(['connectorId', 'syncId', 'jobId', 'status']);
	});

	test('text answer "Scheduled with jobid …": normalized with jobId, status SCHEDULED', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '2' });
		expect(r.error).toBeUndefined();
		const run0 = sim.state.resolution.syncs.at(-1)!;
		expect(r.json).toEqual([{ connectorId: '2', jobId: run0.jobId, status: 'SCHEDULED', message: `Scheduled with jobid ${run0.jobId}` }]);
	});

	test('"Directory … does not exists" is a clear error', async () => {
		const { sim } = ctx;
		sim.state.resolution.directories = sim.state.resolution.directories.filter((d) => d.id !== 10200);
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '2' });
		expect(r.error?.message).toBe('The sync of connector 2 cannot run: its user directory 10200 does not exist');
		expect(r.error?.description).toMatch(/edit the connector and save it/);
	});

	test('dryRun sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '1', options: { dryRun: true, waitForCompletion: true } });
		expect(sim.requests).toHaveLength(0);
		expect(r.json).toEqual([{ dryRun: true, method: 'POST', url: `${sim.url}/rest/samlsso-admin/1.0/usersync/connector/1/sync`, body: null }]);
	});

	test('waitForCompletion (JSON answer): polls the sync by id until DONE', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '1', options: { waitForCompletion: true, pollIntervalSeconds: 1 } });
		expect(r.error).toBeUndefined();
		const id = sim.state.resolution.syncs.at(-1)!.id;
		// The last sync before this one is read first; then one RUNNING read, and the second is DONE.
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/connector/1/syncstatus`, `POST ${USERSYNC}/connector/1/sync`, ...Array(2).fill(`GET ${USERSYNC}/syncstatus/${id}`)]);
		expect(r.json[0]).toMatchObject({ connectorId: '1', syncId: String(id), status: 'DONE', failedCount: 0, resultCount: 2002, polls: 2 });
	});

	test('waitForCompletion (text answer): polls the connector status and matches the job id', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[1].statusReadsUntilDone = 1;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '2', options: { waitForCompletion: true, pollIntervalSeconds: 1 } });
		expect(r.error).toBeUndefined();
		const run0 = sim.state.resolution.syncs.at(-1)!;
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/connector/2/syncstatus`, `POST ${USERSYNC}/connector/2/sync`, ...Array(2).fill(`GET ${USERSYNC}/connector/2/syncstatus`)]);
		expect(r.json[0]).toMatchObject({ connectorId: '2', syncId: String(run0.id), jobId: run0.jobId, status: 'DONE', resultCount: 500, polls: 2 });
	});

	test('waitForCompletion outputs a FAILED status with its failedCount (not an error)', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].failWithCount = 3;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 0;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '1', options: { waitForCompletion: true, pollIntervalSeconds: 1 } });
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ status: 'FAILED', failedCount: 3 });
	});

	test('waitForCompletion with a sync done at once (text answer) polls once', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: UUID_CONNECTOR, options: { waitForCompletion: true, pollIntervalSeconds: 1 } });
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ status: 'DONE', polls: 1, resultCount: 100 });
	});

	test('waitForCompletion fails after timeoutSeconds; the poll count fits the interval', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1000;
		const started = Date.now();
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '1', options: { waitForCompletion: true, pollIntervalSeconds: 1, timeoutSeconds: 2 } });
		const elapsed = Date.now() - started;
		expect(r.error?.message).toMatch(/did not finish within 2 seconds \(last status: RUNNING\)/);
		expect(r.error?.description).toMatch(/Get Status \(Sync ID \d+\)/);
		const polls = calls(sim).filter((c) => c.includes('/syncstatus/')).length;
		expect(polls).toBeGreaterThanOrEqual(2);
		expect(polls).toBeLessThanOrEqual(3);
		expect(elapsed).toBeLessThan(4000);
	});

	test('the wait does not block other executions, and stops when the execution is cancelled', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1000;
		const controller = new AbortController();
		const waiting = run(sim, { resource: 'connector', operation: 'sync', connectorId: '1', options: { waitForCompletion: true, pollIntervalSeconds: 1 } }, { signal: controller.signal });
		await new Promise((resolve) => setTimeout(resolve, 300));
		const other = await run(sim, { resource: 'config', operation: 'get' });
		expect(other.error).toBeUndefined();
		expect(other.json[0].redirectToSso).toBe(false);
		controller.abort();
		const started = Date.now();
		await waiting;
		expect(Date.now() - started).toBeLessThan(1000);
		const pollsAtCancel = calls(sim).filter((c) => c.includes('/syncstatus/')).length;
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(calls(sim).filter((c) => c.includes('/syncstatus/')).length).toBe(pollsAtCancel);
	});
});

describe('connector.syncUser', () => {
	test('50 usernames run with bounded concurrency; directory state updated', async () => {
		const { sim } = ctx;
		sim.setLatency(100);
		const usernames = Array.from({ length: 50 }, (_, i) => `user${String(490 + i).padStart(4, '0')}`);
		const started = Date.now();
		const r = await run(sim, { resource: 'connector', operation: 'syncUser', connectorId: '2', username: '={{ $json.username }}' }, { input: usernames.map((username) => ({ username })) });
		const elapsed = Date.now() - started;
		expect(r.error).toBeUndefined();
		// One by one this takes 50 × 100 ms = 5 s; 8 at a time about 0.7 s.
		expect(elapsed).toBeLessThan(2500);
		expect(calls(sim).sort()).toEqual(usernames.map((u) => `POST ${USERSYNC}/connector/2/syncsingle/${u}`).sort());
		expect(r.json.map((j) => j.username)).toEqual(usernames);
		expect(r.items.map((i) => i.pairedItem)).toEqual(usernames.map((_, item) => ({ item })));
		expect(r.json.filter((j) => j.addedCount === 1)).toHaveLength(39);
		const directory = sim.state.resolution.directories.find((d) => d.id === 10200)!;
		expect(directory.users).toEqual(expect.arrayContaining(usernames));
		expect(directory.users).toHaveLength(539);
	});

	test('usernames are one encoded segment; continueOnFail keeps failed items in place', async () => {
		// An instance that allows an encoded slash (Tomcat refuses it by default: see the Tomcat tests).
		ctx.sim.state.variants.allowEncodedSlash = true;
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'syncUser', connectorId: '1', username: '={{ $json.username }}' }, { input: [{ username: 'ext/jane.doe' }, { username: 'nobody' }, { username: 'zoë.weiß' }], continueOnFail: true });
		expect(r.error).toBeUndefined();
		expect(calls(sim).sort()).toEqual([
			`POST ${USERSYNC}/connector/1/syncsingle/ext%2Fjane.doe`,
			`POST ${USERSYNC}/connector/1/syncsingle/nobody`,
			`POST ${USERSYNC}/connector/1/syncsingle/zo%C3%AB.wei%C3%9F`,
		]);
		expect(r.json[0]).toMatchObject({ connectorId: '1', username: 'ext/jane.doe', status: 'DONE' });
		expect(r.json[1].error).toMatch(/Not found/);
		expect(r.json[2]).toMatchObject({ username: 'zoë.weiß', status: 'DONE' });
	});

	test('dryRun sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'syncUser', connectorId: '1', username: 'user0001', options: { dryRun: true } });
		expect(sim.requests).toHaveLength(0);
		expect(r.json[0]).toMatchObject({ dryRun: true, method: 'POST', url: `${sim.url}/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/user0001` });
	});
});

describe('directory.delete', () => {
	test('the description warns that all users are deleted', () => {
		const confirm = new ResolutionSamlSso().description.properties.find(
			(p) => p.name === 'confirm' && (p.displayOptions?.show?.resource as string[]).includes('directory'),
		);
		expect(confirm?.description).toMatch(/ALL USERS/);
	});

	test('without confirm: fails and sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'directory', operation: 'delete', directoryId: '10100' });
		expect(r.error?.message).toBe('Not confirmed: this would delete user directory 10100 and ALL the users in it');
		expect(sim.requests).toHaveLength(0);
		expect(sim.state.resolution.directories.map((d) => d.id)).toContain(10100);
	});

	test('with confirm: DELETE /directory/{id}', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'directory', operation: 'delete', directoryId: '10100', confirm: true });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([{ directoryId: '10100', deleted: true }]);
		expect(calls(sim)).toEqual(['DELETE /jira/rest/samlsso-admin/1.0/directory/10100']);
		expect(appRequests(sim)[0].headers['x-atlassian-token']).toBe('no-check');
		expect(sim.state.resolution.directories.map((d) => d.id)).not.toContain(10100);
	});

	test('dryRun sends nothing; an unknown directory is a 404 error', async () => {
		const { sim } = ctx;
		const dry = await run(sim, { resource: 'directory', operation: 'delete', directoryId: '10100', confirm: true, options: { dryRun: true } });
		expect(sim.requests).toHaveLength(0);
		expect(dry.json[0]).toMatchObject({ dryRun: true, method: 'DELETE' });
		const missing = await run(sim, { resource: 'directory', operation: 'delete', directoryId: '999', confirm: true });
		expect(missing.error?.message).toMatch(/Not found/);
		expect((missing.error as IDataObject | undefined)?.description).toMatch(/Directory 999 not found/);
	});
});
