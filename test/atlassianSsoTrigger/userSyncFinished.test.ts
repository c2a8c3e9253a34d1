import { activeTrigger, calls, json, startSync, useSimulator } from './helpers';

const STATUS = (id: string) => `GET /rest/samlsso-admin/1.0/usersync/connector/${id}/syncstatus`;

describe('trigger userSyncFinished, in n8n-core polling against the simulator', () => {
	const ctx = useSimulator();

	it("the first poll records each connector's last sync as the baseline and emits nothing", async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1, 2' });
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(outcome.emitted).toBeNull();
		expect(calls(ctx.sim)).toEqual([STATUS('1'), STATUS('2')]);
		expect(trigger.nodeStaticData().userSyncFinished).toEqual({
			1: { lastSyncId: '94', running: [] },
			2: { lastSyncId: '95', running: [] },
		});
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('a sync that finished without failures: one item with status and counts, reported once', async () => {
		const trigger = activeTrigger(ctx.sim, {
			event: 'userSyncFinished',
			connectorIds: '1,5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90',
		});
		await trigger.poll();
		await startSync(ctx.sim, '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90');
		const outcome = await trigger.poll();
		expect(json(outcome)).toEqual([
			expect.objectContaining({
				connectorId: '5b0f6c2e-8d1a-4e3b-9f7c-2a6d4e8b1c90',
				syncId: 100,
				status: 'DONE',
				failedCount: 0,
				resultCount: 100,
				updatedCount: 2,
			}),
		]);
		expect(trigger.executions).toHaveLength(1);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('a sync seen running is reported when it has finished, with its failures', async () => {
		const connector = ctx.sim.state.resolution.connectors[0];
		connector.failWithCount = 3;
		connector.statusReadsUntilDone = 1;
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1' });
		await trigger.poll();
		await startSync(ctx.sim, '1');
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.nodeStaticData().userSyncFinished).toEqual({
			1: { lastSyncId: '100', running: ['100'] },
		});
		const outcome = await trigger.poll();
		expect(json(outcome)).toEqual([
			expect.objectContaining({ connectorId: '1', syncId: 100, status: 'FAILED', failedCount: 3 }),
		]);
		expect((json(outcome)[0].messages as string[]).join('\n')).toMatch(
			/3 users could not be synchronized/,
		);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('onlyFailures: a failed run is reported, a clean one is not (but both move the state on)', async () => {
		ctx.sim.state.resolution.connectors.forEach((c) => (c.statusReadsUntilDone = 0));
		ctx.sim.state.resolution.connectors[1].failWithCount = 2;
		const trigger = activeTrigger(ctx.sim, {
			event: 'userSyncFinished',
			connectorIds: '1,2',
			onlyFailures: true,
		});
		await trigger.poll();
		await startSync(ctx.sim, '1');
		await startSync(ctx.sim, '2');
		const outcome = await trigger.poll();
		expect(json(outcome)).toEqual([
			expect.objectContaining({ connectorId: '2', status: 'FAILED', failedCount: 2 }),
		]);
		expect(trigger.nodeStaticData().userSyncFinished).toEqual({
			1: { lastSyncId: '100', running: [] },
			2: { lastSyncId: '101', running: [] },
		});
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('a connector that never synced is no error, and its first sync is reported', async () => {
		const { resolution } = ctx.sim.state;
		resolution.syncs = resolution.syncs.filter((s) => s.connectorId !== '1');
		resolution.connectors[0].statusReadsUntilDone = 0;
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '1' });
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(calls(ctx.sim)).toEqual([
			STATUS('1'),
			'GET /rest/samlsso-admin/1.0/usersync/connector/1',
		]);
		await startSync(ctx.sim, '1');
		expect(json(await trigger.poll())).toEqual([
			expect.objectContaining({ connectorId: '1', status: 'DONE' }),
		]);
	});

	it("an unknown connector: one sourceFailed item with the server's words, then silence", async () => {
		const trigger = activeTrigger(ctx.sim, { event: 'userSyncFinished', connectorIds: '42' });
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(json(outcome)).toEqual([
			{
				event: 'sourceFailed',
				source: 'userSyncConnector',
				connectorId: '42',
				instance: { baseUrl: ctx.sim.url },
				error: {
					message: 'Not found (GET /rest/samlsso-admin/1.0/usersync/connector/42 answered 404)',
					description: expect.stringMatching(/Connector 42 not found/),
				},
			},
		]);
		expect((await trigger.poll()).emitted).toBeNull();
		expect(trigger.executions).toHaveLength(1);
	});
});
