/**
 * n8n driven through its REST API (the editor's own, under /rest, with the owner's session
 * cookie), the same calls for n8n 2.41.1 and 1.123.81 where they agree; where they differ the
 * method says so. Nothing here reads n8n's console output.
 *
 *   owner       ensureOwner (POST /rest/owner/setup when n8n asks for one), login (POST /rest/login)
 *   types       nodeTypes, credentialTypes (the editor's /types/*.json)
 *   credentials createCredential, saveCredential (by name: update or create), testCredential
 *   workflows   importWorkflow (credential ids remapped; 2.x keeps the workflow's id), workflows,
 *               workflow, activateWorkflow
 *   executions  runWorkflow (a manual run from a named trigger, as the editor's "Execute workflow"),
 *               waitForExecution, execution (with its data), executions (by workflow)
 *   data tables ensureDataTable (by name in the owner's project), dataTableRows
 */
import { waitFor } from './wait';

export interface Owner {
	email: string;
	password: string;
	firstName?: string;
	lastName?: string;
}

export interface CredentialInput {
	/** The id workflows reference (kept in the file; n8n gives the created credential its own id). */
	id?: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion?: number;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowInput {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

export interface Workflow extends WorkflowInput {
	id: string;
	versionId?: string;
	active: boolean;
}

/** The run data of an execution (n8n's IRun: what `n8n execute --rawOutput` printed). */
export interface ExecutionData {
	resultData: {
		runData: Record<
			string,
			Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
		>;
		lastNodeExecuted?: string;
		error?: { message: string; description?: string; node?: { name?: string } } & Record<
			string,
			unknown
		>;
	};
	[key: string]: unknown;
}

export interface Execution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished?: boolean;
	startedAt: string;
	stoppedAt?: string | null;
	data: ExecutionData;
	[key: string]: unknown;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt?: string | null;
}

export class N8nRestError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${path}: HTTP ${status} ${body.slice(0, 300)}`);
	}
}

const FINISHED = (e: { status: string; stoppedAt?: string | null }) =>
	!!e.stoppedAt && !['new', 'running', 'waiting', 'unknown'].includes(e.status);

export class N8nRest {
	/** The session cookie (n8n-auth=...) after login. */
	cookie = '';
	private readonly major: 1 | 2;
	private readonly parseFlatted: (text: string) => unknown;

	constructor(
		readonly url: string,
		options: { major: 1 | 2; parseFlatted: (text: string) => unknown },
	) {
		this.major = options.major;
		this.parseFlatted = options.parseFlatted;
	}

	/** One request; never throws for an HTTP status (see `call`). */
	async send(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; text: string; headers: Headers }> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				accept: 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const cookie = response.headers.get('set-cookie');
		if (cookie && /^n8n-auth=/.test(cookie)) this.cookie = cookie.split(';')[0];
		return { status: response.status, text, headers: response.headers };
	}

	/** A request that must answer 2xx; returns the JSON answer's `data` (or the whole answer without one). */
	async call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const { status, text } = await this.send(method, path, body);
		if (status < 200 || status >= 300) throw new N8nRestError(method, path, status, text);
		if (!text) return undefined as T;
		const json = JSON.parse(text) as { data?: T };
		return (json && typeof json === 'object' && 'data' in json ? json.data : json) as T;
	}

	// ---- owner -----------------------------------------------------------------------

	/** The owner account: set up through POST /rest/owner/setup when n8n still asks for one. */
	async ensureOwner(owner: Owner): Promise<void> {
		const settings = await this.call<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
			'GET',
			'/rest/settings',
		);
		if (!settings.userManagement?.showSetupOnFirstLoad) return;
		await this.call('POST', '/rest/owner/setup', {
			email: owner.email,
			firstName: owner.firstName ?? 'Demo',
			lastName: owner.lastName ?? 'Owner',
			password: owner.password,
		});
	}

	/** POST /rest/login (2.x reads emailOrLdapLoginId, 1.x email: both are sent); keeps the cookie. */
	async login(owner: Owner): Promise<void> {
		this.cookie = '';
		await this.call('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			email: owner.email,
			password: owner.password,
		});
		if (!this.cookie) throw new Error(`login as ${owner.email}: no session cookie`);
	}

	// ---- types -----------------------------------------------------------------------

	/** Names of every node type the running n8n knows (the editor's /types/nodes.json). */
	async nodeTypes(): Promise<string[]> {
		const types = await this.call<Array<{ name: string }>>('GET', '/types/nodes.json');
		return [...new Set(types.map((t) => t.name))].sort();
	}

	/** Names of every credential type the running n8n knows. */
	async credentialTypes(): Promise<string[]> {
		const types = await this.call<Array<{ name: string }>>('GET', '/types/credentials.json');
		return [...new Set(types.map((t) => t.name))].sort();
	}

	// ---- credentials -----------------------------------------------------------------

	async credentials(): Promise<Array<{ id: string; name: string; type: string }>> {
		return await this.call('GET', '/rest/credentials');
	}

	/** POST /rest/credentials: n8n encrypts `data` itself; returns the new credential's id. */
	async createCredential(credential: CredentialInput): Promise<string> {
		const created = await this.call<{ id: string }>('POST', '/rest/credentials', {
			name: credential.name,
			type: credential.type,
			data: credential.data,
		});
		return created.id;
	}

	/** The credential of that name and type updated (PATCH), or created; returns its id. */
	async saveCredential(credential: CredentialInput): Promise<string> {
		const existing = (await this.credentials()).find(
			(c) => c.name === credential.name && c.type === credential.type,
		);
		if (!existing) return await this.createCredential(credential);
		await this.call('PATCH', `/rest/credentials/${existing.id}`, {
			name: credential.name,
			type: credential.type,
			data: credential.data,
		});
		return existing.id;
	}

	/**
	 * n8n's own credential test (the editor's POST /rest/credentials/test) with the form's values;
	 * the HTTP status and the answer, also when it is an error.
	 */
	async testCredential(credential: CredentialInput): Promise<{ status: number; text: string }> {
		const { status, text } = await this.send('POST', '/rest/credentials/test', {
			credentials: credential,
		});
		return { status, text };
	}

	// ---- workflows -------------------------------------------------------------------

	async workflows(): Promise<Workflow[]> {
		const listed = await this.call<Workflow[] | { data: Workflow[] }>('GET', '/rest/workflows');
		return Array.isArray(listed) ? listed : listed.data;
	}

	async workflow(id: string): Promise<Workflow> {
		return await this.call('GET', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	/**
	 * Imports a workflow as the editor saves one (POST /rest/workflows), with the credential
	 * references of its nodes mapped through `credentialIds` (file id -> id in this n8n). Returns
	 * the saved workflow: use its `id`. 2.x keeps the file's `id` (and a workflow of that id is
	 * updated instead, PATCH ...?forceSave=true); 1.x's create endpoint drops it and gives a new one.
	 */
	async importWorkflow(
		workflow: WorkflowInput,
		credentialIds: Record<string, string> = {},
	): Promise<Workflow> {
		const nodes = workflow.nodes.map((node) => {
			if (!node.credentials) return node;
			const credentials = Object.fromEntries(
				Object.entries(node.credentials).map(([type, ref]) => [
					type,
					{ ...ref, id: (ref.id && credentialIds[ref.id]) || ref.id },
				]),
			);
			return { ...node, credentials };
		});
		const body = {
			...(workflow.id ? { id: workflow.id } : {}),
			name: workflow.name,
			nodes,
			connections: workflow.connections,
			settings: workflow.settings ?? { executionOrder: 'v1' },
			...(workflow.pinData ? { pinData: workflow.pinData } : {}),
			// 1.x stores the body as it is: its `active` column must be set (created inactive).
			...(this.major === 1 ? { active: false } : {}),
		};
		if (workflow.id && this.major === 2) {
			const exists = await this.send('GET', `/rest/workflows/${encodeURIComponent(workflow.id)}`);
			if (exists.status === 200) {
				const { id, ...update } = body;
				return await this.call(
					'PATCH',
					`/rest/workflows/${encodeURIComponent(id as string)}?forceSave=true`,
					update,
				);
			}
		}
		return await this.call('POST', '/rest/workflows', body);
	}

	/**
	 * Makes a workflow active (its triggers and pollers start now): POST /rest/workflows/:id/activate
	 * with its current versionId (2.x calls it "publish"; 1.123.81 has the same endpoint).
	 */
	async activateWorkflow(id: string): Promise<void> {
		const workflow = await this.workflow(id);
		await this.call('POST', `/rest/workflows/${encodeURIComponent(id)}/activate`, {
			versionId: workflow.versionId,
		});
	}

	// ---- data tables (n8n's built-in storage; both versions have it, on by default) ----------

	/** The owner's personal project, where the editor creates data tables. */
	private async projectId(): Promise<string> {
		return (await this.call<{ id: string }>('GET', '/rest/projects/personal')).id;
	}

	/** The id of the data table NAME, created with COLUMNS (all strings) when it does not exist. */
	async ensureDataTable(name: string, columns: string[]): Promise<string> {
		const base = `/rest/projects/${encodeURIComponent(await this.projectId())}/data-tables`;
		const filter = encodeURIComponent(JSON.stringify({ name }));
		const listed = await this.call<{ data: Array<{ id: string; name: string }> }>(
			'GET',
			`${base}?filter=${filter}`,
		);
		const found = listed.data.find((table) => table.name === name);
		if (found) return found.id;
		const created = await this.call<{ id: string }>('POST', base, {
			name,
			columns: columns.map((column) => ({ name: column, type: 'string' })),
		});
		return created.id;
	}

	/** Every row of a data table, oldest first. */
	async dataTableRows(id: string): Promise<Array<Record<string, unknown>>> {
		const base = `/rest/projects/${encodeURIComponent(await this.projectId())}/data-tables`;
		const listed = await this.call<{ data: Array<Record<string, unknown>> }>(
			'GET',
			`${base}/${encodeURIComponent(id)}/rows?take=250&sortBy=${encodeURIComponent('id:asc')}`,
		);
		return listed.data;
	}

	// ---- executions ------------------------------------------------------------------

	/**
	 * A manual run, as the editor's "Execute workflow" from the trigger named `trigger` (POST
	 * /rest/workflows/:id/run); returns the execution id. 2.x runs the saved workflow; 1.x runs the
	 * workflow sent in the body (the saved one is sent).
	 */
	async runWorkflow(id: string, trigger: string): Promise<string> {
		const body: Record<string, unknown> = { triggerToStartFrom: { name: trigger } };
		if (this.major === 1) body.workflowData = await this.workflow(id);
		const result = await this.call<{ executionId?: string; waitingForWebhook?: boolean }>(
			'POST',
			`/rest/workflows/${encodeURIComponent(id)}/run`,
			body,
		);
		if (!result?.executionId)
			throw new Error(`workflow ${id}: n8n started no execution (${JSON.stringify(result)})`);
		return String(result.executionId);
	}

	/** An execution with its run data (n8n sends the data as flatted text). */
	async execution(id: string): Promise<Execution> {
		const raw = await this.call<Execution & { data: string | ExecutionData }>(
			'GET',
			`/rest/executions/${encodeURIComponent(id)}`,
		);
		if (typeof raw.data === 'string') raw.data = this.parseFlatted(raw.data) as ExecutionData;
		return raw;
	}

	/**
	 * Waits (polling) until the execution has finished and its run data is saved; returns it with
	 * its data. n8n 1.x writes the status and the run data separately: a finished status can come
	 * with the data of the run's start for a moment (no node output, no error yet).
	 */
	async waitForExecution(id: string, timeoutMs = 120_000): Promise<Execution> {
		return await waitFor(`execution ${id} finished`, { timeoutMs, intervalMs: 100 }, async () => {
			const execution = await this.execution(id);
			const result = execution.data?.resultData;
			const saved = !!result && (!!result.error || !!result.lastNodeExecuted);
			return FINISHED(execution) && saved ? execution : undefined;
		});
	}

	/** Runs a workflow from a trigger and waits for its execution (see runWorkflow). */
	async runAndWait(id: string, trigger: string, timeoutMs = 120_000): Promise<Execution> {
		return await this.waitForExecution(await this.runWorkflow(id, trigger), timeoutMs);
	}

	/** The executions of a workflow (newest first), without their data. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const listed = await this.call<{ results?: ExecutionSummary[] } | ExecutionSummary[]>(
			'GET',
			`/rest/executions?filter=${filter}`,
		);
		return Array.isArray(listed) ? listed : (listed.results ?? []);
	}
}

/** The items' json of a node's output `output` in run `run` of an execution (undefined when it did not run). */
export function nodeOutput(
	data: ExecutionData,
	node: string,
	output = 0,
	run = 0,
): Array<Record<string, unknown>> | undefined {
	const runs = data.resultData.runData[node];
	if (!runs) return undefined;
	return (runs[run]?.data?.main?.[output] ?? []).map((item) => item.json);
}

/** One line about an execution's error ("<node>: <message> — <description>"), or "no error". */
export function executionError(data: ExecutionData): string {
	const error = data.resultData.error;
	if (!error) return 'no error';
	return `${error.node?.name ?? ''}: ${error.message}${error.description ? ` — ${error.description}` : ''}`;
}
