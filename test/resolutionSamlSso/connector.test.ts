import type { IDataObject } from 'n8n-workflow';

import { ResolutionSamlSso } from '../../nodes/ResolutionSamlSso/ResolutionSamlSso.node';
import { freezeClock, until } from '../harness/frozenClock';
import { syncAndWait } from '../support/connectorSync';
import { appRequests, calls, run, useSimulator } from './helpers';

const ctx = useSimulator();
const USERSYNC = '/jira/rest/samlsso-admin/1.0/usersync';
const UUID_CONNECTOR = '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90';

describe('connector.get and getStatus', () => {
	test('get outputs the connector', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'get', connectorId: '1' });
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([
			expect.objectContaining({ id: '1', name: 'Azure AD', directoryId: 10100 }),
		]);
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
		const r = await run(sim, {
			resource: 'connector',
			operation: 'getStatus',
			connectorId: UUID_CONNECTOR,
		});
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${USERSYNC}/connector/${UUID_CONNECTOR}/syncstatus`]);
		expect(r.json[0]).toMatchObject({ status: 'DONE', id: 96, failedCount: 0, resultCount: 2 });
	});

	test('getStatus with options.syncId reads that sync', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'connector',
			operation: 'getStatus',
			connectorId: '1',
			options: { syncId: '95' },
		});
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
		expect(r.json[0]).toMatchObject({
			connectorId: '1',
			syncId: String(run0.id),
			jobId: run0.jobId,
			status: 'RUNNING',
		});
		expect(Object.keys(r.json[0]).slice(0, 4)).toEqual([
			'connectorId',
			'syncId',
			'jobId',
			'status',
		]);
	});

	test('text answer "Scheduled with jobid …": normalized with jobId, status SCHEDULED', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '2' });
		expect(r.error).toBeUndefined();
		const run0 = sim.state.resolution.syncs.at(-1)!;
		expect(r.json).toEqual([
			{
				connectorId: '2',
				jobId: run0.jobId,
				status: 'SCHEDULED',
				message: `Scheduled with jobid ${run0.jobId}`,
			},
		]);
	});

	test('"Directory … does not exists" is a clear error', async () => {
		const { sim } = ctx;
		sim.state.resolution.directories = sim.state.resolution.directories.filter(
			(d) => d.id !== 10200,
		);
		const r = await run(sim, { resource: 'connector', operation: 'sync', connectorId: '2' });
		expect(r.error?.message).toBe(
			'The sync of connector 2 cannot run: its user directory 10200 does not exist',
		);
		expect(r.error?.description).toMatch(/edit the connector and save it/);
	});

	test('dryRun sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'connector',
			operation: 'sync',
			connectorId: '1',
			options: { dryRun: true, waitForCompletion: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(r.json).toEqual([
			{
				dryRun: true,
				method: 'POST',
				url: `${sim.url}/rest/samlsso-admin/1.0/usersync/connector/1/sync`,
				body: null,
			},
		]);
	});

	test('waitForCompletion (JSON answer): polls the sync by id until DONE', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1;
		const r = await syncAndWait(sim, '1');
		expect(r.error).toBeUndefined();
		const id = sim.state.resolution.syncs.at(-1)!.id;
		// The last sync before this one is read first; then one RUNNING read, and the second is DONE.
		expect(calls(sim)).toEqual([
			`GET ${USERSYNC}/connector/1/syncstatus`,
			`POST ${USERSYNC}/connector/1/sync`,
			...Array(2).fill(`GET ${USERSYNC}/syncstatus/${id}`),
		]);
		expect(r.json[0]).toMatchObject({
			connectorId: '1',
			syncId: String(id),
			status: 'DONE',
			failedCount: 0,
			resultCount: 2002,
			polls: 2,
		});
	});

	test('waitForCompletion (text answer): polls the connector status and matches the job id', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[1].statusReadsUntilDone = 1;
		const r = await syncAndWait(sim, '2');
		expect(r.error).toBeUndefined();
		const run0 = sim.state.resolution.syncs.at(-1)!;
		expect(calls(sim)).toEqual([
			`GET ${USERSYNC}/connector/2/syncstatus`,
			`POST ${USERSYNC}/connector/2/sync`,
			...Array(2).fill(`GET ${USERSYNC}/connector/2/syncstatus`),
		]);
		expect(r.json[0]).toMatchObject({
			connectorId: '2',
			syncId: String(run0.id),
			jobId: run0.jobId,
			status: 'DONE',
			resultCount: 500,
			polls: 2,
		});
	});

	test('waitForCompletion outputs a FAILED status with its failedCount (not an error)', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].failWithCount = 3;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 0;
		const r = await syncAndWait(sim, '1');
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ status: 'FAILED', failedCount: 3 });
	});

	test('waitForCompletion with a sync done at once (text answer) polls once', async () => {
		const { sim } = ctx;
		const r = await syncAndWait(sim, UUID_CONNECTOR);
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ status: 'DONE', polls: 1, resultCount: 100 });
	});

	test('waitForCompletion fails after timeoutSeconds; the poll count fits the interval', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1000;
		// The waits run on a clock that stands still until the test moves it: measured on it, not on a loaded machine.
		const clock = freezeClock();
		const startedAt = clock.now();
		let ended = false;
		const running = syncAndWait(sim, '1', { timeoutSeconds: 2 }).finally(() => {
			ended = true;
		});
		// Each status read is followed by a wait of the interval, until the next one would pass the timeout.
		for (let waits = 1; waits <= 10; waits++) {
			await until(
				() => ended || clock.timersOf(1000).length === waits,
				`status read ${waits} and its wait of 1 s, or the end`,
			);
			if (ended) break;
			await clock.advance(1000);
		}
		const r = await running;
		expect(r.error?.message).toMatch(/did not finish within 2 seconds \(last status: RUNNING\)/);
		expect(r.error?.description).toMatch(/Get Status \(Sync ID \d+\).*Status reads: 3\.$/);
		// Reads at 0, 1 and 2 s on the clock; it fails at the timeout, 2 s after the start, without a third wait.
		expect(calls(sim).filter((c) => c.includes('/syncstatus/'))).toHaveLength(3);
		expect(clock.timersOf(1000).map((t) => t.state)).toEqual(['fired', 'fired']);
		expect(clock.now() - startedAt).toBe(2000);
	});

	test('the wait does not block other executions, and stops when the execution is cancelled', async () => {
		const { sim } = ctx;
		sim.state.resolution.connectors[0].statusReadsUntilDone = 1000;
		// The clock stands still until the test moves it: the 1 s wait between status reads cannot end by itself.
		const clock = freezeClock();
		const controller = new AbortController();
		let ended = false;
		const waiting = syncAndWait(sim, '1', {}, controller.signal).finally(() => {
			ended = true;
		});
		const polls = () => calls(sim).filter((c) => c.includes('/syncstatus/')).length;
		const wait = () => clock.timersOf(1000).map((t) => t.state);
		try {
			await until(() => wait().length === 1, 'the wait after the first status read');
			// Another execution runs to its end while this one waits.
			const other = await run(sim, { resource: 'config', operation: 'get' });
			expect(other.error).toBeUndefined();
			expect(other.json[0].redirectToSso).toBe(false);
			expect([ended, polls(), wait()]).toEqual([false, 1, ['pending']]);
			// The cancel ends the wait, on the same instant of the clock: its timer is cleared, not run.
			controller.abort();
			await waiting;
			expect([polls(), wait()]).toEqual([1, ['cleared']]);
			// Ten intervals later nothing has read the status again.
			await clock.advance(10_000);
			expect(polls()).toBe(1);
		} finally {
			controller.abort();
			await Promise.allSettled([waiting]);
		}
	});
});

describe('connector.syncUser', () => {
	test('50 usernames run with bounded concurrency; directory state updated', async () => {
		const { sim } = ctx;
		sim.setLatency(100);
		const usernames = Array.from(
			{ length: 50 },
			(_, i) => `user${String(490 + i).padStart(4, '0')}`,
		);
		// Every answer waits 100 ms on a clock that stands still until the test moves it: the requests that reach
		// the server before it moves are the ones the node has in flight at once, however loaded the machine is.
		const clock = freezeClock();
		const running = run(
			sim,
			{
				resource: 'connector',
				operation: 'syncUser',
				connectorId: '2',
				username: '={{ $json.username }}',
			},
			{ input: usernames.map((username) => ({ username })) },
		);
		// 8 at a time: seven rounds of the latency (one by one it would be fifty).
		const arrived: number[] = [];
		for (const expected of [8, 16, 24, 32, 40, 48, 50]) {
			await until(
				() => calls(sim).length >= expected,
				`${expected} syncsingle requests at the server`,
			);
			arrived.push(calls(sim).length);
			await clock.advance(100);
		}
		expect(arrived).toEqual([8, 16, 24, 32, 40, 48, 50]);
		const r = await running;
		expect(r.error).toBeUndefined();
		expect(calls(sim).sort()).toEqual(
			usernames.map((u) => `POST ${USERSYNC}/connector/2/syncsingle/${u}`).sort(),
		);
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
		const r = await run(
			sim,
			{
				resource: 'connector',
				operation: 'syncUser',
				connectorId: '1',
				username: '={{ $json.username }}',
			},
			{
				input: [{ username: 'ext/jane.doe' }, { username: 'nobody' }, { username: 'zoë.weiß' }],
				continueOnFail: true,
			},
		);
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
		const r = await run(sim, {
			resource: 'connector',
			operation: 'syncUser',
			connectorId: '1',
			username: 'user0001',
			options: { dryRun: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(r.json[0]).toMatchObject({
			dryRun: true,
			method: 'POST',
			url: `${sim.url}/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/user0001`,
		});
	});
});

describe('directory.delete', () => {
	test('the description warns that all users are deleted', () => {
		const confirm = new ResolutionSamlSso().description.properties.find(
			(p) =>
				p.name === 'confirm' &&
				(p.displayOptions?.show?.resource as string[]).includes('directory'),
		);
		expect(confirm?.description).toMatch(/ALL USERS/);
	});

	test('without confirm: fails and sends nothing', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'directory', operation: 'delete', directoryId: '10100' });
		expect(r.error?.message).toBe(
			'Not confirmed: this would delete user directory 10100 and ALL the users in it',
		);
		expect(sim.requests).toHaveLength(0);
		expect(sim.state.resolution.directories.map((d) => d.id)).toContain(10100);
	});

	test('with confirm: DELETE /directory/{id}', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'directory',
			operation: 'delete',
			directoryId: '10100',
			confirm: true,
		});
		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([{ directoryId: '10100', deleted: true }]);
		expect(calls(sim)).toEqual(['DELETE /jira/rest/samlsso-admin/1.0/directory/10100']);
		expect(appRequests(sim)[0].headers['x-atlassian-token']).toBe('no-check');
		expect(sim.state.resolution.directories.map((d) => d.id)).not.toContain(10100);
	});

	test('dryRun sends nothing; an unknown directory is a 404 error', async () => {
		const { sim } = ctx;
		const dry = await run(sim, {
			resource: 'directory',
			operation: 'delete',
			directoryId: '10100',
			confirm: true,
			options: { dryRun: true },
		});
		expect(sim.requests).toHaveLength(0);
		expect(dry.json[0]).toMatchObject({ dryRun: true, method: 'DELETE' });
		const missing = await run(sim, {
			resource: 'directory',
			operation: 'delete',
			directoryId: '999',
			confirm: true,
		});
		expect(missing.error?.message).toMatch(/Not found/);
		expect((missing.error as IDataObject | undefined)?.description).toMatch(
			/Directory 999 not found/,
		);
	});
});
