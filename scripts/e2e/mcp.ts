/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * examples/mcp-sso-admin.json in a real n8n, as an MCP client meets it: the workflow activated, then the
 * official MCP TypeScript SDK's client over streamable HTTP at <n8n>/mcp/<path>, with the trigger's
 * Bearer token and without it. Keeps what happened in OUT/mcp/result.json (the tools listed, each call
 * with its result and time, the refused clients, the requests the simulator received and its state
 * before and after); test/e2e/mcp.ts judges.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { logger, waitFor, type N8nProcess, type SimulatorProcess, type Workflow } from '../lib/n8n';
import { MCP_BEARER_TOKEN, MCP_PATH } from '../../test/e2e/mcp';

const log = logger('e2e');

export interface McpCall {
	tool: string;
	arguments: Record<string, unknown>;
	ms: number;
	isError?: boolean;
	/** The text of each content part. */
	texts?: string[];
	/** The error the client threw (a dead connection, a protocol error), if any. */
	thrown?: string;
}

export interface McpResult {
	url: string;
	activated: boolean;
	failure?: string;
	/** An initialize request without the token, sent by hand: n8n's status and answer. */
	noToken?: { status: number; body: string };
	/** The SDK client with a wrong token: what connect() threw. */
	wrongToken?: string;
	connectMs?: number;
	tools?: Array<{ name: string; description?: string; inputSchema: unknown }>;
	listMs?: number;
	calls: McpCall[];
	requests?: unknown[];
	stateBefore?: unknown;
	stateAfter?: unknown;
	seconds?: number;
}

async function client(url: string, token: string): Promise<Client> {
	const transport = new StreamableHTTPClientTransport(new URL(url), {
		requestInit: { headers: { Authorization: `Bearer ${token}` } },
	});
	const mcp = new Client({ name: 'n8n-nodes-atlassian-dc-identity-e2e', version: '1.0.0' });
	await mcp.connect(transport);
	return mcp;
}

async function call(mcp: Client, tool: string, args: Record<string, unknown>): Promise<McpCall> {
	const t0 = Date.now();
	try {
		const answer = await mcp.callTool({ name: tool, arguments: args });
		const content = (answer.content ?? []) as Array<{ type: string; text?: string }>;
		return {
			tool,
			arguments: args,
			ms: Date.now() - t0,
			isError: answer.isError === true,
			texts: content.map((c) => c.text ?? `(${c.type})`),
		};
	} catch (error) {
		return { tool, arguments: args, ms: Date.now() - t0, thrown: (error as Error).message };
	}
}

/** The example's MCP server exercised through the SDK client; never throws, the checks judge. */
export async function mcpSession(
	out: string,
	main: N8nProcess,
	sim: SimulatorProcess,
	workflow: Workflow | undefined,
): Promise<void> {
	const dir = join(out, 'mcp');
	mkdirSync(dir, { recursive: true });
	const t0 = Date.now();
	const url = `${main.url}/mcp/${MCP_PATH}`;
	const result: McpResult = { url, activated: false, calls: [] };
	const save = () =>
		writeFileSync(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
	try {
		if (!workflow) throw new Error('the example mcp-sso-admin.json was not imported');
		await sim.control('POST', 'reset');
		result.stateBefore = await sim.control('GET', 'state');
		await main.rest.activateWorkflow(workflow.id);
		result.activated = true;

		const initialize = {
			jsonrpc: '2.0',
			id: 1,
			method: 'initialize',
			params: {
				protocolVersion: '2025-03-26',
				capabilities: {},
				clientInfo: { name: 'no-token', version: '1.0.0' },
			},
		};
		// n8n registers the trigger's webhook after answering the activation: until then the URL answers
		// 404 ("not registered"). The first other answer to a request without the token is the refusal.
		result.noToken = await waitFor(
			'the MCP Server Trigger registered after the activation',
			{ timeoutMs: 30_000 },
			async () => {
				const answer = await fetch(url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						accept: 'application/json, text/event-stream',
					},
					body: JSON.stringify(initialize),
				});
				const body = (await answer.text()).slice(0, 300);
				return answer.status === 404 ? undefined : { status: answer.status, body };
			},
		);
		try {
			const wrong = await client(url, 'not-the-token');
			await wrong.close();
			result.wrongToken = '(connected)';
		} catch (error) {
			result.wrongToken = (error as Error).message;
		}

		let t = Date.now();
		const mcp = await client(url, MCP_BEARER_TOKEN);
		result.connectMs = Date.now() - t;
		try {
			t = Date.now();
			const { tools } = await mcp.listTools();
			result.listMs = Date.now() - t;
			result.tools = tools.map((tool) => ({
				name: tool.name,
				description: tool.description,
				inputSchema: tool.inputSchema,
			}));
			const versions = (result.stateBefore as { resolution: { configVersions: unknown[] } })
				.resolution.configVersions;
			const configuration = {
				...(versions[versions.length - 1] as Record<string, unknown>),
				sessionTimeoutInMinutes: 480,
			};
			result.calls.push(await call(mcp, 'List_Atlassian_identity_providers', {}));
			result.calls.push(await call(mcp, 'Get_last_sync_of_a_connector', { connectorId: '1' }));
			result.calls.push(
				await call(mcp, 'Plan_resolution_SSO_configuration_replace', { configuration }),
			);
			result.calls.push(await call(mcp, 'Get_Atlassian_identity_provider', { idpId: '99' }));
			// The same session after the error: still answering.
			result.calls.push(await call(mcp, 'Get_Atlassian_identity_provider', { idpId: '1' }));
		} finally {
			await mcp.close();
		}
	} catch (error) {
		result.failure = (error as Error).stack ?? String(error);
	}
	try {
		result.requests = await sim.control('GET', 'requests');
		result.stateAfter = await sim.control('GET', 'state');
	} catch (error) {
		result.failure = `${result.failure ?? ''}\nafter the session: ${(error as Error).message}`;
	}
	result.seconds = Math.round((Date.now() - t0) / 100) / 10;
	save();
	const calls = result.calls.map((c) => `${c.tool} ${c.ms} ms${c.isError ? ' (tool error)' : ''}`);
	log(
		`  MCP session in ${result.seconds}s: ${result.tools?.length ?? 0} tools listed in ${result.listMs ?? '?'} ms, ${calls.length} calls: ${calls.join(', ')}${result.failure ? `; failed: ${result.failure.split('\n')[0]}` : ''}`,
	);
}

export interface ApprovalResult {
	version: string;
	imported: boolean;
	/** Activated only where n8n has review tools (2.x). */
	activated: boolean;
	failure?: string;
	/** Whether n8n reports the workflow active after the activation. */
	active?: boolean;
	/** Each node type of the example: whether this n8n knows it. */
	types: Record<string, boolean>;
	/** The workflow as n8n saved it: its connections. */
	connections?: unknown;
}

/**
 * examples/mcp-agent-approval.json (an AI Agent whose change tool sits behind n8n's e-mail review tool):
 * imported, activated where n8n has review tools (2.x), its node types looked up in n8n's list. No
 * language model is called. Keeps OUT/mcp-agent-approval/result.json; never throws.
 */
export async function agentApprovalSession(
	out: string,
	version: string,
	main: N8nProcess,
	workflow: Workflow | undefined,
	nodeTypes: string[],
): Promise<void> {
	const dir = join(out, 'mcp-agent-approval');
	mkdirSync(dir, { recursive: true });
	const result: ApprovalResult = { version, imported: !!workflow, activated: false, types: {} };
	try {
		if (!workflow) throw new Error('the example mcp-agent-approval.json was not imported');
		for (const node of workflow.nodes) result.types[node.type] = nodeTypes.includes(node.type);
		if (Number(version.split('.')[0]) >= 2) {
			await main.rest.activateWorkflow(workflow.id);
			result.activated = true;
			const saved = await main.rest.workflow(workflow.id);
			result.active = saved.active;
			result.connections = saved.connections;
		}
	} catch (error) {
		result.failure = (error as Error).message;
	}
	writeFileSync(join(dir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
	log(
		`  agent with review tool: ${result.activated ? `activated (active: ${result.active})` : 'not activated'}${result.failure ? `; failed: ${result.failure}` : ''}`,
	);
}
