/** Waiting for a sync reports that sync, not the previous run the status still shows. */
import { syncAndWait } from '../support/connectorSync';
import { sent, useSimulator } from './helpers';

const ctx = useSimulator();
const USERSYNC = '/rest/samlsso-admin/1.0/usersync';

/** Connector 2 answers the plain text "Scheduled with jobid …" (no sync id). Its previous run failed, without a job id in its messages. */
function previousRunFailed() {
	const { sim } = ctx;
	const previous = sim.state.resolution.syncs.find((s) => s.connectorId === '2')!;
	Object.assign(previous, {
		status: 'FAILED',
		failedCount: 9,
		messages: ['Sync failed: 9 users could not be updated'],
	});
	return previous;
}

test('the status still answers the previous run for 2 polls: the wait skips it and reports the new run', async () => {
	const { sim } = ctx;
	const previous = previousRunFailed();
	Object.assign(sim.state.resolution.connectors[1], { statusLagReads: 2, statusReadsUntilDone: 1 });
	const r = await syncAndWait(sim, '2');
	expect(r.error).toBeUndefined();
	const ours = sim.state.resolution.syncs.at(-1)!;
	expect(ours.id).not.toBe(previous.id);
	// The last run is read before the POST; the POST is sent once; then 2 reads of the previous run, one RUNNING, one DONE.
	expect(sent(sim)).toEqual([
		`GET ${USERSYNC}/connector/2/syncstatus`,
		`POST ${USERSYNC}/connector/2/sync`,
		...Array(4).fill(`GET ${USERSYNC}/connector/2/syncstatus`),
	]);
	expect(r.json).toEqual([
		expect.objectContaining({
			connectorId: '2',
			syncId: String(ours.id),
			jobId: ours.jobId,
			status: 'DONE',
			failedCount: 0,
			polls: 4,
		}),
	]);
	expect(ours.status).toBe('DONE');
});

test('a wait that times out while the status still shows the previous run says the new run is not recorded yet', async () => {
	const { sim } = ctx;
	previousRunFailed();
	Object.assign(sim.state.resolution.connectors[1], {
		statusLagReads: 100,
		statusReadsUntilDone: 0,
	});
	const r = await syncAndWait(sim, '2', { timeoutSeconds: 2 });
	expect(r.error?.message).toMatch(
		/did not finish within 2 seconds \(last status: not recorded yet\)/,
	);
	expect(r.error?.message).not.toMatch(/FAILED/);
	expect(sim.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
});

test('a connector that never ran (status 404 before the POST) is waited for as well', async () => {
	const { sim } = ctx;
	sim.state.resolution.syncs = sim.state.resolution.syncs.filter((s) => s.connectorId !== '2');
	sim.state.resolution.connectors[1].statusReadsUntilDone = 1;
	const r = await syncAndWait(sim, '2');
	expect(r.error).toBeUndefined();
	expect(sim.requests[0].status).toBe(404);
	expect(r.json[0]).toMatchObject({
		status: 'DONE',
		syncId: String(sim.state.resolution.syncs.at(-1)!.id),
	});
});

test('a sync answered with its id is polled by that id: the lagging connector status is never read', async () => {
	const { sim } = ctx;
	Object.assign(sim.state.resolution.connectors[0], { statusLagReads: 5, statusReadsUntilDone: 1 });
	const r = await syncAndWait(sim, '1');
	expect(r.error).toBeUndefined();
	const ours = sim.state.resolution.syncs.at(-1)!;
	expect(sent(sim).slice(1)).toEqual([
		`POST ${USERSYNC}/connector/1/sync`,
		`GET ${USERSYNC}/syncstatus/${ours.id}`,
		`GET ${USERSYNC}/syncstatus/${ours.id}`,
	]);
	expect(r.json[0]).toMatchObject({ syncId: String(ours.id), status: 'DONE' });
});
