/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The e2e checks of examples/mcp-sso-admin.json (n8n's MCP Server Trigger with the package's nodes as
 * tools), on what scripts/e2e/mcp.ts kept in OUT/mcp/result.json: the official MCP SDK client over
 * streamable HTTP lists every tool with its description and input schema; the IdP list (with
 * certificate expiry) and the last-sync read answer the simulator's data; the replace tool answers a
 * plan and nothing in the session changed the simulator; a client without the token is refused; an IdP
 * id that does not exist is a tool error the client reads, and the session goes on.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialInput } from '../../scripts/lib/n8n';
import type { ApprovalResult, McpResult } from '../../scripts/e2e/mcp';
import type { RecordedRequest, SimulatorState } from '../simulator';

/** The example's trigger path (its MCP URL is <n8n>/mcp/<path>) and the token of the suite's Bearer credential (new each run). */
export const MCP_PATH = 'atlassian-sso-admin';
export const MCP_BEARER_TOKEN = randomBytes(16).toString('hex');
/** The credential the example's trigger references (mcp-bearer), with the suite's token. */
export const MCP_CREDENTIAL: CredentialInput = {
	id: 'mcp-bearer',
	name: 'MCP clients (Bearer)',
	type: 'httpBearerAuth',
	data: { token: MCP_BEARER_TOKEN },
};
/**
 * The credentials the two MCP examples reference: the trigger's Bearer token, and placeholders for the
 * agent example's chat model and e-mail (never used: no model is called, no e-mail sent).
 */
export const MCP_CREDENTIALS: CredentialInput[] = [
	MCP_CREDENTIAL,
	{
		id: 'openai-credential',
		name: 'OpenAI account',
		type: 'openAiApi',
		data: { apiKey: 'placeholder' },
	},
	{
		id: 'smtp-credential',
		name: 'SMTP account',
		type: 'smtp',
		data: { host: '127.0.0.1', port: 2525, user: 'placeholder', password: 'placeholder' },
	},
];

interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
function exampleTools(): ExampleNode[] {
	const file = join(__dirname, '..', '..', 'examples', 'mcp-sso-admin.json');
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ExampleNode[] };
	return workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-atlassian-dc-identity.'));
}
/** n8n's tool name for a node name (n8n-workflow's nodeNameToToolName). */
const toolName = (name: string) => name.replace(/[^a-zA-Z0-9_-]+/g, '_');
const fromAiKeys = (parameters: unknown): string[] =>
	[...JSON.stringify(parameters).matchAll(/\$fromAI\('([^']+)'/g)].map((m) => m[1]);

type Item = Record<string, unknown>;
/** The items a tool answered: n8n sends them as JSON text. */
function items(call: McpResult['calls'][number] | undefined): Item[] {
	assert.ok(call, 'the call was not made');
	assert.equal(call.thrown, undefined, `${call.tool} threw: ${call.thrown}`);
	assert.equal(call.isError, false, `${call.tool} answered an error: ${call.texts?.join(' ')}`);
	assert.equal(call.texts?.length, 1);
	let value: unknown = JSON.parse(call.texts[0]);
	if (typeof value === 'string') value = JSON.parse(value);
	return (Array.isArray(value) ? value : [value]) as Item[];
}
const CHANGES = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);

/** The checks for one n8n version's results folder DIR (none when the MCP session did not run there). */
export function mcpChecks(dir: string): Array<[name: string, check: () => void]> {
	const file = join(dir, 'mcp', 'result.json');
	const result = (): McpResult => {
		assert.ok(existsSync(file), `${file} is missing: the MCP session did not run`);
		return JSON.parse(readFileSync(file, 'utf8')) as McpResult;
	};
	const state = (s: unknown) => s as SimulatorState;
	return [
		[
			'MCP: examples/mcp-sso-admin.json activates and the MCP SDK client connects over streamable HTTP with the Bearer token',
			() => {
				const r = result();
				assert.equal(r.failure, undefined, r.failure);
				assert.equal(r.activated, true);
				assert.equal(typeof r.connectMs, 'number');
			},
		],
		[
			'MCP: tools/list lists every tool of the example (18), each with its description and an input schema of the values the model gives',
			() => {
				const r = result();
				const expected = exampleTools();
				assert.equal(expected.length, 18);
				assert.deepEqual(
					(r.tools ?? []).map((t) => t.name).sort(),
					expected.map((n) => toolName(n.name)).sort(),
				);
				for (const node of expected) {
					const tool = r.tools!.find((t) => t.name === toolName(node.name))!;
					assert.ok(
						tool.description && tool.description.length > 40,
						`${tool.name}: no description`,
					);
					assert.equal(tool.description, node.parameters.toolDescription);
					const schema = tool.inputSchema as {
						type: string;
						properties?: Record<string, { description?: string }>;
					};
					assert.equal(
						schema.type,
						'object',
						`${tool.name}: input schema ${JSON.stringify(schema)}`,
					);
					const keys = [...new Set(fromAiKeys(node.parameters))].sort();
					assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), keys, tool.name);
					for (const key of keys)
						assert.ok(schema.properties![key].description, `${tool.name}.${key}: no description`);
				}
			},
		],
		[
			'MCP: List_Atlassian_identity_providers answers the simulator’s 6 IdPs, each SAML certificate with its expiry (daysLeft 399, 699, 999, 19)',
			() => {
				const r = result();
				const idps = items(r.calls[0]);
				const stored = state(r.stateBefore).authconfig.idps;
				assert.deepEqual(
					idps.map((i) => i.id),
					stored.map((i) => i.id),
				);
				const saml = idps.filter((i) => i['sso-type'] === 'SAML');
				assert.deepEqual(
					saml.map((i) => (i.certificateInfo as Item[]).map((c) => c.daysLeft)),
					[[399], [699], [999], [19]],
				);
				for (const idp of saml) {
					const [info] = idp.certificateInfo as Item[];
					assert.match(String(info.subject), /^CN=.+ signing$/);
					assert.match(String(info.fingerprint), /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
					assert.ok(!Number.isNaN(Date.parse(String(info.notAfter))));
				}
			},
		],
		[
			'MCP: Get_last_sync_of_a_connector answers the simulator’s last sync of connector 1',
			() => {
				const r = result();
				const [status] = items(r.calls[1]);
				const res = state(r.stateBefore).resolution as unknown as {
					syncs: Array<{
						connectorId: string;
						status: string;
						resultCount: number;
						messages: string[];
					}>;
					connectors: Array<{ id: string; uid: string }>;
				};
				const last = res.syncs.filter((s) => s.connectorId === '1').pop()!;
				assert.equal(status.status, last.status);
				assert.equal(status.resultCount, last.resultCount);
				assert.deepEqual(status.messages, last.messages);
				assert.equal(status.connectorUID, res.connectors.find((c) => c.id === '1')!.uid);
			},
		],
		[
			'MCP: Plan_resolution_SSO_configuration_replace answers a plan (dry run, the changed field) and the simulator saw no PUT/PATCH/POST/DELETE during the session, its state unchanged',
			() => {
				const r = result();
				const [plan] = items(r.calls[2]);
				assert.equal(plan.dryRun, true);
				assert.ok(
					JSON.stringify(plan).includes('sessionTimeoutInMinutes'),
					JSON.stringify(plan).slice(0, 400),
				);
				const requests = (r.requests ?? []) as RecordedRequest[];
				assert.ok(requests.length > 0);
				assert.deepEqual(
					requests.filter((q) => CHANGES.has(q.method)).map((q) => `${q.method} ${q.path}`),
					[],
				);
				assert.deepEqual(r.stateAfter, r.stateBefore);
			},
		],
		[
			'MCP: a client without the token is refused (HTTP 401/403), and one with a wrong token cannot connect',
			() => {
				const r = result();
				assert.ok(r.noToken, 'no request without a token was made');
				assert.ok(
					[401, 403].includes(r.noToken.status),
					`status ${r.noToken.status}: ${r.noToken.body}`,
				);
				assert.ok(r.wrongToken && r.wrongToken !== '(connected)', `wrong token: ${r.wrongToken}`);
			},
		],
		[
			'MCP: an IdP id that does not exist is a tool error the client reads (isError, the 404 in words), and the same session answers the next call',
			() => {
				const r = result();
				const missing = r.calls[3];
				assert.ok(missing, 'the call was not made');
				assert.equal(missing.thrown, undefined, `the client threw: ${missing.thrown}`);
				assert.equal(missing.isError, true, missing.texts?.join(' '));
				assert.match(missing.texts?.join(' ') ?? '', /Not found|404/);
				const [idp] = items(r.calls[4]);
				assert.equal(idp.id, 1);
			},
		],
	];
}

const REVIEW_TOOL = 'n8n-nodes-base.emailSendHitlTool';
const CHANGE_TOOL = 'Update Atlassian identity provider certificate';

/** The checks of examples/mcp-agent-approval.json for one n8n version's results folder DIR. */
export function agentApprovalChecks(dir: string): Array<[name: string, check: () => void]> {
	const file = join(dir, 'mcp-agent-approval', 'result.json');
	const result = (): ApprovalResult => {
		assert.ok(existsSync(file), `${file} is missing: the step did not run`);
		return JSON.parse(readFileSync(file, 'utf8')) as ApprovalResult;
	};
	const version = existsSync(join(dir, 'version'))
		? readFileSync(join(dir, 'version'), 'utf8').trim()
		: '';
	if (Number(version.split('.')[0]) < 2)
		return [
			[
				'human review: this n8n has no review tools (no n8n-nodes-base.emailSendHitlTool), so examples/mcp-agent-approval.json (for n8n 2.x) is imported, not activated',
				() => {
					const r = result();
					assert.equal(r.imported, true);
					assert.equal(r.activated, false);
					assert.equal(r.types[REVIEW_TOOL], false);
				},
			],
		];
	return [
		[
			'human review: examples/mcp-agent-approval.json imports and activates; n8n knows each of its node types (the e-mail review tool, the package’s tool among them); as saved, the change tool reaches the AI Agent only through the review tool (no language model called)',
			() => {
				const r = result();
				assert.equal(r.failure, undefined, r.failure);
				assert.equal(r.activated, true);
				assert.equal(r.active, true);
				assert.deepEqual(
					Object.entries(r.types).filter(([, known]) => !known),
					[],
				);
				assert.equal(r.types[REVIEW_TOOL], true);
				assert.equal(r.types['n8n-nodes-atlassian-dc-identity.atlassianDcSsoTool'], true);
				const connections = r.connections as Record<
					string,
					{ ai_tool?: Array<Array<{ node: string }>> }
				>;
				assert.deepEqual(
					connections[CHANGE_TOOL].ai_tool?.flat().map((c) => c.node),
					['Approve by e-mail'],
				);
				assert.deepEqual(
					connections['Approve by e-mail'].ai_tool?.flat().map((c) => c.node),
					['AI Agent'],
				);
			},
		],
	];
}
