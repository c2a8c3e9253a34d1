/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * One headless e2e run: the editor's "Execute workflow" through n8n's REST API, with what the
 * simulator received and held kept in OUT/<name>/ (run.json, execute.log, state-before.json,
 * requests.json, state.json, proxied.json) for test/e2e/run-checks.ts to judge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	executionError,
	logger,
	secondsSince,
	type N8nProcess,
	type SimulatorProcess,
	type Workflow,
	type WorkflowInput,
} from '../lib/n8n';
import type { ForwardProxy } from '../../test/support/forwardProxy';

const log = logger('e2e');
export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export interface Context {
	out: string;
	main: N8nProcess;
	sim: SimulatorProcess;
	proxy: ForwardProxy;
	credentialIds: Record<string, string>;
	/** file id (e.g. exCloneRefresh) -> the imported workflow (its id in n8n: 2.x keeps the file's, 1.x gives a new one) */
	workflows: Map<string, Workflow>;
	/** The id of the examples' data table (sso_config_history) in this n8n. */
	historyTableId: string;
}

/** The name of a workflow's Manual Trigger (where the editor's "Execute workflow" starts). */
function manualTrigger(workflow: WorkflowInput): string {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`workflow ${workflow.id} has no Manual Trigger`);
	return trigger.name;
}

export interface ScenarioOptions {
	/** A JSON Patch applied to the simulator's state before the run. */
	patch?: unknown;
	/** The trigger to start from (default: the Manual Trigger). */
	trigger?: string;
	/** Keep the simulator's state from the run before (only its request log is cleared). */
	keepState?: boolean;
}

/**
 * Resets the simulator (or only its request log), applies the patch, runs the workflow from its
 * trigger and waits for the execution; keeps the execution, the requests and the state.
 */
export async function scenario(
	ctx: Context,
	name: string,
	id: string,
	options: ScenarioOptions = {},
): Promise<void> {
	const dir = join(ctx.out, name);
	const t0 = Date.now();
	mkdirSync(dir, { recursive: true });
	if (options.keepState) await ctx.sim.control('DELETE', 'requests');
	else await ctx.sim.control('POST', 'reset');
	ctx.proxy.reset();
	if (options.patch) await ctx.sim.control('PATCH', 'state', options.patch);
	writeFileSync(join(dir, 'state-before.json'), json(await ctx.sim.control('GET', 'state')));
	let summary: string;
	try {
		const workflow = ctx.workflows.get(id);
		if (!workflow) throw new Error(`no workflow ${id} was imported`);
		const trigger = options.trigger ?? manualTrigger(workflow);
		const execution = await ctx.main.rest.runAndWait(workflow.id, trigger, 120_000);
		writeFileSync(join(dir, 'run.json'), json(execution));
		summary = `execution ${execution.id}: status ${execution.status}${execution.status === 'success' ? '' : ` (${executionError(execution.data)})`}`;
	} catch (error) {
		summary = `workflow ${id}: ${(error as Error).message}`;
	}
	writeFileSync(join(dir, 'execute.log'), `${summary}\n`);
	writeFileSync(join(dir, 'requests.json'), json(await ctx.sim.control('GET', 'requests')));
	writeFileSync(join(dir, 'state.json'), json(await ctx.sim.control('GET', 'state')));
	const { forwarded, refused } = ctx.proxy;
	writeFileSync(join(dir, 'proxied.json'), json({ forwarded, refused }));
	log(`  ran ${name} (${id}) in ${secondsSince(t0)}s: ${summary}`);
}
