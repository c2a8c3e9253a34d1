/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * What the queue-mode suite runs: the example workflows prepared as the e2e suite prepares them
 * (test/e2e/prepare-workflows.ts), imported into the main with credentials pointing at the
 * simulators, and the trigger step of the e2e suite (test/e2e/trigger-watch.ts) around an
 * activated sso-watch.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	ensureConfigHistoryTable,
	REPO,
	run,
	withDataTable,
	type Execution,
	type N8nProcess,
	type SimulatorProcess,
	type WorkflowInput,
} from '../lib/n8n';
import {
	exampleFiles,
	prepareWorkflows as prepareFor,
	readExample,
} from '../../test/e2e/prepare-workflows';
import { BURST_EXAMPLE, QUEUE_SCENARIOS, RUNS_AFTER } from './outcomes';

export interface ManualExample {
	/** examples/<file>, or the name of one of the suite's own scenarios (outcomes.ts's QUEUE_SCENARIOS) */
	file: string;
	id: string;
	/** Its Manual Trigger (the run starts there, as the editor's "Execute workflow"). */
	trigger: string;
}

interface Prepared {
	/** prepare-workflows.ts's output for the simulator the runs use */
	main: string;
	/** ... for the simulator the trigger watches */
	trigger: string;
}

/** The package's poller: the example that holds it (sso-watch.json) is activated, not run by hand. */
const SSO_TRIGGER = 'n8n-nodes-atlassian-dc-identity.atlassianSsoTrigger';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function prepareWorkflows(out: string, simUrl: string, watchedUrl: string): Prepared {
	const prepared = { main: join(out, 'main'), trigger: join(out, 'trigger') };
	prepareFor(prepared.main, simUrl);
	prepareFor(prepared.trigger, watchedUrl);
	return prepared;
}

/**
 * Creates the credentials of prepare-workflows.ts in the main (n8n encrypts them; every worker
 * decrypts them with the shared key) and the examples' data table sso_config_history (in
 * PostgreSQL: the workers read and write it), and imports every example, each Data table node
 * pointing at that table: the ones with a Manual Trigger
 * against the first simulator, sso-watch.json against the watched one (the examples started by
 * another trigger, MCP Server or chat, are left out: the e2e suite covers them); then the suite's own
 * scenarios (outcomes.ts), against the first simulator.
 */
export async function importWorkflows(
	main: N8nProcess,
	prepared: Prepared,
	simUrl: string,
	watchedUrl: string,
): Promise<{
	manual: ManualExample[];
	trigger: { id: string; file: string };
	/** The id of the data table sso_config_history. */
	historyTableId: string;
}> {
	type Credential = { id: string; name: string; type: string; data: Record<string, unknown> };
	const credentialMap = async (dir: string, suffix: string) => {
		const map: Record<string, string> = {};
		for (const c of readJson<Credential[]>(join(dir, 'credentials.json'))) {
			map[c.id] = await main.rest.createCredential({ ...c, name: `${c.name}${suffix}` });
		}
		return map;
	};
	const forRuns = await credentialMap(prepared.main, ` (${simUrl})`);
	const forTrigger = await credentialMap(prepared.trigger, ` (${watchedUrl})`);
	const historyTableId = await ensureConfigHistoryTable(main.rest);

	const manual: ManualExample[] = [];
	let trigger: { id: string; file: string } | undefined;
	for (const file of exampleFiles()) {
		const { name } = readExample(file);
		const find = (dir: string) =>
			readdirSync(join(dir, 'workflows'))
				.map((f) => readJson<WorkflowInput>(join(dir, 'workflows', f)))
				.find((w) => w.name === name);
		const workflow = find(prepared.main);
		if (!workflow?.id) throw new Error(`examples/${file}: not among the prepared workflows`);
		const manualTrigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
		if (manualTrigger) {
			await main.rest.importWorkflow(withDataTable(workflow, historyTableId), forRuns);
			manual.push({ file, id: workflow.id, trigger: manualTrigger.name });
		} else if (workflow.nodes.some((n) => n.type === SSO_TRIGGER)) {
			const watched = find(prepared.trigger);
			if (!watched?.id) throw new Error(`examples/${file}: not among the prepared workflows`);
			await main.rest.importWorkflow(withDataTable(watched, historyTableId), forTrigger);
			trigger = { id: watched.id, file };
		}
	}
	if (!trigger) throw new Error('no example with a trigger (sso-watch.json)');
	// The suite's own workflows, with the credential the examples use against the first simulator.
	for (const scenario of QUEUE_SCENARIOS) {
		const workflow = scenario.workflow('dc-credential');
		const { id } = await main.rest.importWorkflow(workflow, forRuns);
		const manualTrigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
		if (!manualTrigger) throw new Error(`scenario ${scenario.name}: no Manual Trigger`);
		manual.push({ file: scenario.name, id, trigger: manualTrigger.name });
	}
	// The first example is the one the burst repeats (clone-refresh-save: one request, no waiting);
	// an example that needs another one's run (RUNS_AFTER) must come after it.
	manual.sort((a, b) => Number(b.file === BURST_EXAMPLE) - Number(a.file === BURST_EXAMPLE));
	const at = (file: string) => manual.findIndex((m) => m.file === file);
	if (at(BURST_EXAMPLE) !== 0) throw new Error(`examples/${BURST_EXAMPLE}: not imported`);
	for (const [file, after] of Object.entries(RUNS_AFTER))
		if (at(file) >= 0 && !(at(after) >= 0 && at(after) < at(file)))
			throw new Error(
				`examples/${file} must run after examples/${after}: ${manual.map((m) => m.file).join(', ')}`,
			);
	return { manual, trigger, historyTableId };
}

/** `count` runs of an example started at once (queued together), then each awaited. */
export async function runAll(
	main: N8nProcess,
	example: ManualExample,
	count: number,
): Promise<Execution[]> {
	const ids = await Promise.all(
		Array.from(
			{ length: count },
			async () => await main.rest.runWorkflow(example.id, example.trigger),
		),
	);
	return await Promise.all(ids.map(async (id) => await main.rest.waitForExecution(id, 90_000)));
}

export interface TriggerWatchResult {
	failure: string;
	inbox: Array<{ event: string; text: string }>;
	/** The requests the watched simulator received (the trigger's polls). */
	requests: Array<{ method: string; path: string }>;
	/** GETs of the SSO settings the watched simulator saw (one per poll), and the minutes since the activation. */
	polls: number;
	minutes: number;
	/** Polls a minute after the activation poll (one poller: at most 1; one per process: 2 or 3). */
	pollsPerMinute: number;
}

/**
 * The e2e suite's trigger step in queue mode: the workflow activated through the main, then
 * test/e2e/trigger-watch.ts (activation poll, a changed SSO setting, two more polls).
 */
export class TriggerWatch {
	private done?: Promise<{ code: number | null; output: string }>;
	private activatedAt = 0;

	constructor(
		private readonly main: N8nProcess,
		private readonly watched: SimulatorProcess,
		private readonly workflow: { id: string },
		private readonly out: string,
	) {}

	async start(): Promise<void> {
		await this.main.rest.activateWorkflow(this.workflow.id);
		this.activatedAt = Date.now();
		const tsx = join(REPO, 'node_modules', '.bin', 'tsx');
		this.done = run(
			tsx,
			[join(REPO, 'test', 'e2e', 'trigger-watch.ts'), this.watched.url, this.out],
			{ cwd: REPO },
		);
	}

	async finish(): Promise<TriggerWatchResult> {
		const result = await this.done;
		const minutes = (Date.now() - this.activatedAt) / 60_000;
		let failure = '';
		try {
			failure = readFileSync(join(this.out, 'failure'), 'utf8');
		} catch {
			if (result?.code !== 0)
				failure = `trigger-watch.ts exited ${result?.code}: ${result?.output.slice(-500)}`;
		}
		const read = <T>(name: string, fallback: T): T => {
			try {
				return readJson<T>(join(this.out, name));
			} catch {
				return fallback;
			}
		};
		const requests = read<Array<{ method: string; path: string }>>('requests.json', []);
		const polls = requests.filter(
			(r) => r.method === 'GET' && r.path === '/rest/authconfig/1.0/sso',
		).length;
		// The activation poll comes on top of one poll a minute.
		return {
			failure,
			inbox: read('inbox.json', []),
			requests,
			polls,
			minutes,
			pollsPerMinute: (polls - 1) / Math.max(1, Math.ceil(minutes)),
		};
	}
}
