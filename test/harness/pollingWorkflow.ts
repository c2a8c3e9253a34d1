import { ExecutionLifecycleHooks, PollContext, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IRun,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { additionalData, nodeTypes } from './engine';
import { PACKAGE_PREFIX } from './nodeTypes';

export const TRIGGER_NAME = 'Trigger under test';

export interface PollOutcome {
	/** What poll() answered: null when it found nothing. */
	emitted: INodeExecutionData[][] | null;
	/** The poll's error (n8n records it as a failed execution and polls again at the next interval). */
	error?: Error & { description?: string };
	/** The workflow run the emitted items started, as n8n starts it. */
	execution?: IRun;
}

/**
 * An active workflow whose polling trigger n8n calls at every interval, as n8n's ActiveWorkflows does it:
 * a fresh Workflow per poll from the stored workflow, n8n-core's real PollContext (mode "trigger"),
 * the node's static data kept between polls only as the JSON n8n writes to its database, and a
 * WorkflowExecute run of the workflow when the poll emits. By default static data is stored after every
 * poll, also a failed one, so a test sees anything a failing poll would have moved. With
 * `persistence = 'n8n'` it is stored as n8n itself stores it: after the activation poll (the first) and
 * after a poll that emits (`__emit` saves it), never after a quiet or failed poll — the strictest case,
 * n8n's scheduler that reads the static data from its database at every poll.
 */
export class PollingWorkflow {
	/** The workflow's static data as stored between polls. */
	staticDataJson = '{}';
	/** How many polls set the static data: n8n saves it to its database only after those (`__dataChanged`). */
	staticDataWrites = 0;
	/** When the static data is stored: after every poll, or as n8n does (activation and emitting polls only). */
	persistence: 'everyPoll' | 'n8n' = 'everyPoll';
	executions: IRun[] = [];
	private counter = 0;
	private polls = 0;

	constructor(
		private readonly definition: { nodes: INode[]; connections: IConnections },
		private readonly credentials: ICredentialDataDecryptedObject,
		readonly triggerName = TRIGGER_NAME,
	) {}

	/** A workflow of the package's trigger alone, with these parameters. */
	static ofTrigger(
		parameters: INodeParameters,
		credentials: ICredentialDataDecryptedObject,
	): PollingWorkflow {
		const trigger: INode = {
			id: 'trigger',
			name: TRIGGER_NAME,
			type: `${PACKAGE_PREFIX}.atlassianSsoTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { atlassianDataCenterApi: { id: '1', name: 'Data Center' } },
		};
		return new PollingWorkflow({ nodes: [trigger], connections: {} }, credentials);
	}

	private workflow(): Workflow {
		return new Workflow({
			id: 'polling-harness',
			name: 'polling harness',
			nodes: this.definition.nodes,
			connections: this.definition.connections,
			active: true,
			nodeTypes,
			staticData: JSON.parse(this.staticDataJson) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
	}

	private hooks(workflow: Workflow, mode: 'trigger' | 'manual') {
		return new ExecutionLifecycleHooks(mode, `poll-${++this.counter}`, {
			id: workflow.id,
			name: workflow.name,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			active: true,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
		} as never);
	}

	/** The node's stored state, as the trigger wrote it. */
	nodeStaticData(): IDataObject {
		return ((JSON.parse(this.staticDataJson) as IDataObject)[`node:${this.triggerName}`] ??
			{}) as IDataObject;
	}

	/** One scheduled poll of the active workflow. */
	async poll(): Promise<PollOutcome> {
		const workflow = this.workflow();
		const node = workflow.getNode(this.triggerName) as INode;
		const data = additionalData(
			new TestCredentialsHelper(() => this.credentials),
			this.hooks(workflow, 'trigger'),
		);
		const context = new PollContext(workflow, node, data, 'trigger', 'activate');
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		let outcome: PollOutcome;
		try {
			outcome = { emitted: (await nodeType.poll!.call(context)) ?? null };
		} catch (error) {
			outcome = { emitted: null, error: error as PollOutcome['error'] };
		}
		const activation = ++this.polls === 1;
		const changed = (workflow.staticData as { __dataChanged?: boolean }).__dataChanged === true;
		if (this.persistence === 'everyPoll') {
			if (changed) this.staticDataWrites++;
			this.staticDataJson = JSON.stringify(workflow.staticData);
		} else if (changed && !outcome.error && (activation || outcome.emitted)) {
			this.staticDataWrites++;
			this.staticDataJson = JSON.stringify(workflow.staticData);
		}
		if (outcome.emitted) {
			const runData = createRunExecutionData({
				executionData: {
					nodeExecutionStack: [{ node, data: { main: outcome.emitted }, source: null }],
				},
			});
			outcome.execution = await new WorkflowExecute(
				data,
				'trigger',
				runData,
			).processRunExecutionData(workflow);
			this.executions.push(outcome.execution);
		}
		return outcome;
	}

	/** The editor's "Fetch Test Event": a manual execution of the trigger node in n8n's engine. */
	async fetchTestEvent(): Promise<{ run: IRun; items: IDataObject[] }> {
		const workflow = this.workflow();
		const node = workflow.getNode(this.triggerName) as INode;
		const data = additionalData(
			new TestCredentialsHelper(() => this.credentials),
			this.hooks(workflow, 'manual'),
		);
		const run = await new WorkflowExecute(data, 'manual').run({
			workflow,
			startNode: node,
			destinationNode: { nodeName: this.triggerName, mode: 'inclusive' },
		});
		if ((workflow.staticData as { __dataChanged?: boolean }).__dataChanged === true)
			this.staticDataWrites++;
		this.staticDataJson = JSON.stringify(workflow.staticData);
		const items = run.data.resultData.runData[this.triggerName]?.[0]?.data?.main?.[0] ?? [];
		return { run, items: items.map((i) => i.json) };
	}
}

/** The items a run's node output. */
export function outputOf(run: IRun | undefined, nodeName: string): IDataObject[] {
	return (run?.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
}
