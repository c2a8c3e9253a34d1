import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';
import { ITEMS_NODE_TYPE, TRIGGER_TYPES } from './baseNodes';
import { HarnessNodeTypes } from './nodeTypes';

export interface WorkflowDefinition {
	name?: string;
	nodes: INode[];
	connections: IConnections;
}

export interface EngineRun {
	run: IRun;
	/** Output items of a node (first run, first output unless told). */
	output(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The workflow's error, if it failed. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	credentialsHelper: TestCredentialsHelper;
}

export const nodeTypes = new HarnessNodeTypes();
let executionCounter = 0;

/** What n8n gives a node besides the workflow: the credentials helper, URLs, hooks (none for list searches). */
export function additionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'harness-user',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/**
 * Runs a workflow in n8n-core's real engine (WorkflowExecute), with real HTTP.
 * `credentials` is what the `atlassianDataCenterApi` credential holds.
 */
export async function runWorkflow(
	definition: WorkflowDefinition,
	credentials: ICredentialDataDecryptedObject | (() => ICredentialDataDecryptedObject),
	options: { signal?: AbortSignal } = {},
): Promise<EngineRun> {
	const credentialsHelper = new TestCredentialsHelper(
		typeof credentials === 'function' ? credentials : () => credentials,
	);
	const workflow = new Workflow({
		id: 'harness',
		name: definition.name ?? 'harness',
		nodes: definition.nodes,
		connections: definition.connections,
		active: false,
		nodeTypes,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const executionId = `harness-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: 'harness',
		name: workflow.name,
		nodes: definition.nodes,
		connections: definition.connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const start = definition.nodes.find(
		(n) =>
			!Object.values(definition.connections).some((c) =>
				JSON.stringify(c).includes(`"node":"${n.name}"`),
			),
	);
	const execution = new WorkflowExecute(additionalData(credentialsHelper, hooks), 'manual').run({
		workflow,
		startNode: start,
	});
	options.signal?.addEventListener('abort', () => execution.cancel(), { once: true });
	const run = await execution;
	const runData = run.data.resultData.runData;
	return {
		run,
		credentialsHelper,
		error: run.data.resultData.error as EngineRun['error'],
		output: (nodeName, outputIndex = 0) => runData[nodeName]?.[0]?.data?.main?.[outputIndex] ?? [],
	};
}

/** Runs an example workflow file as n8n would, its trigger replaced by one empty item and its credentials by the given ones. */
export async function runExampleWorkflow(
	workflow: WorkflowDefinition,
	credentials: ICredentialDataDecryptedObject,
): Promise<EngineRun> {
	const nodes = workflow.nodes.map((node) =>
		TRIGGER_TYPES.includes(node.type)
			? {
					...node,
					type: ITEMS_NODE_TYPE,
					typeVersion: 1,
					parameters: { items: JSON.stringify([{ json: {} }]) },
				}
			: node,
	);
	return await runWorkflow({ ...workflow, nodes }, credentials);
}
