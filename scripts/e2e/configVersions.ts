/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The examples that keep configuration versions in n8n's data table sso_config_history, run in order
 * against one simulator (checks: test/e2e/configVersions.ts):
 *   clone refresh  clone-refresh-save on the clone's own configuration; the refresh (the simulator
 *                  reset to production's); clone-refresh; then the same with a clone configuration
 *                  whose entity ID the reset cannot give back (the Compare must fail the execution)
 *   history        sso-config-history unedited (no hash: refused, nothing sent); its daily branch
 *                  three times with a change between; the first version planned, then restored
 * Each run's folder also has rows.json: the table's rows after the run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Workflow } from '../lib/n8n';
import { EXAMPLE_IDS } from '../../test/e2e/prepare-workflows';
import {
	CLONE_OWN_CONFIG_PATCH,
	CLONE_WITH_OTHER_ENTITY_ID_PATCH,
	HISTORY_CHANGES,
	HISTORY_DAILY_TRIGGER,
} from '../../test/e2e/configVersions';
import { json, scenario, type Context, type ScenarioOptions } from './scenario';

async function run(ctx: Context, name: string, id: string, options?: ScenarioOptions) {
	await scenario(ctx, name, id, options);
	const rows = await ctx.main.rest.dataTableRows(ctx.historyTableId);
	writeFileSync(join(ctx.out, name, 'rows.json'), json(rows));
	return rows;
}

export async function cloneRefreshSession(ctx: Context): Promise<void> {
	const save = EXAMPLE_IDS['clone-refresh-save.json'];
	const refresh = EXAMPLE_IDS['clone-refresh.json'];
	await run(ctx, 'clone-refresh-save', save, { patch: CLONE_OWN_CONFIG_PATCH(ctx.sim.url) });
	await run(ctx, 'clone-refresh', refresh);
	await run(ctx, 'clone-refresh-save-other-entity-id', save, {
		patch: CLONE_WITH_OTHER_ENTITY_ID_PATCH(ctx.sim.url),
	});
	await run(ctx, 'clone-refresh-entity-id-differs', refresh);
}

/** The restore branch's "Version to Restore" set to HASH and RESTORE, saved in n8n. */
async function chooseVersion(ctx: Context, hash: string, restore: boolean): Promise<void> {
	const id = EXAMPLE_IDS['sso-config-history.json'];
	const workflow = structuredClone(ctx.workflows.get(id)) as Workflow;
	const node = workflow.nodes.find((n) => n.name === 'Version to Restore');
	const assignments = (
		node?.parameters as { assignments: { assignments: Array<{ name: string; value: unknown }> } }
	).assignments.assignments;
	for (const assignment of assignments)
		assignment.value = assignment.name === 'hash' ? hash : restore;
	ctx.workflows.set(id, await ctx.main.rest.importWorkflow(workflow, ctx.credentialIds));
}

export async function historySession(ctx: Context): Promise<void> {
	const id = EXAMPLE_IDS['sso-config-history.json'];
	await run(ctx, 'history-unedited', id);
	const [first, ...changes] = HISTORY_CHANGES;
	await run(ctx, 'history-daily-1', id, { trigger: HISTORY_DAILY_TRIGGER, patch: first });
	let rows: Array<Record<string, unknown>> = [];
	for (const [index, patch] of changes.entries())
		rows = await run(ctx, `history-daily-${index + 2}`, id, {
			trigger: HISTORY_DAILY_TRIGGER,
			patch,
			keepState: true,
		});
	const daily = rows.filter((row) => row.kind === 'daily');
	const chosen = daily.at(-HISTORY_CHANGES.length);
	writeFileSync(join(ctx.out, 'history-chosen.json'), json(chosen ?? null));
	if (!chosen) return;
	await chooseVersion(ctx, String(chosen.hash), false);
	await run(ctx, 'history-plan', id, { keepState: true });
	await chooseVersion(ctx, String(chosen.hash), true);
	await run(ctx, 'history-restore', id, { keepState: true });
}
