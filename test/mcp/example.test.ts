/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { descriptionOfNode, hasDryRun } from '../harness/displayRules';
import { PACKAGE_PREFIX } from '../harness/nodeTypes';
import { runNode } from '../harness/runNode';
import { pem } from '../atlassianDcSso/helpers';
import { adminBasic } from '../support/credentials';
import { useSimulator } from '../support/simulator';

/**
 * examples/mcp-sso-admin.json (n8n's MCP Server Trigger with the package's nodes as tools), checked in
 * n8n's engine: the trigger asks for authentication, each tool says what it does, every parameter the
 * model fills is a described $fromAI(), and each tool, run with values for those parameters, only reads
 * (the changes are dry runs). The real MCP server in n8n is tested by the e2e suite (test/e2e/mcp.ts).
 */
interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
}
const example = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'examples', 'mcp-sso-admin.json'), 'utf8'),
) as {
	nodes: ExampleNode[];
	connections: Record<string, { ai_tool?: Array<Array<{ node: string; type: string }>> }>;
};
const trigger = example.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.mcpTrigger')!;
const tools = example.nodes.filter((n) => n !== trigger);
const nodeName = (tool: ExampleNode) =>
	tool.type.replace(`${PACKAGE_PREFIX}.`, '').replace(/Tool$/, '');
const descriptionOf = (tool: ExampleNode): INodeTypeDescription =>
	descriptionOfNode(nodeName(tool));

/** Every $fromAI(key, description, type) in a value, however deep. */
function fromAiCalls(
	value: unknown,
	out: Array<{ key: string; description: string; type: string }> = [],
) {
	if (typeof value === 'string')
		for (const m of value.matchAll(/\$fromAI\('([^']+)',\s*'((?:[^'\\]|\\.)*)',\s*'([^']+)'\)/g))
			out.push({ key: m[1], description: m[2], type: m[3] });
	else if (value && typeof value === 'object')
		Object.values(value).forEach((v) => fromAiCalls(v, out));
	return out;
}

test('the MCP Server Trigger requires Bearer authentication and every tool is connected to it', () => {
	expect(trigger.typeVersion).toBe(2);
	expect(trigger.parameters.authentication).toBe('bearerAuth');
	expect(Object.keys(trigger.credentials ?? {})).toEqual(['httpBearerAuth']);
	expect(tools).toHaveLength(18);
	for (const tool of tools) {
		expect(example.connections[tool.name]).toEqual({
			ai_tool: [[{ node: trigger.name, type: 'ai_tool', index: 0 }]],
		});
		expect(tool.credentials).toEqual({
			atlassianDataCenterApi: { id: 'dc-credential', name: 'Atlassian Data Center' },
		});
	}
	expect(Object.keys(example.connections).sort()).toEqual(tools.map((t) => t.name).sort());
});

test('each tool: a name n8n can give to a client, its own description, reads say "Changes nothing." and changes are planned, fixed to dry run', () => {
	const names = new Set<string>();
	const counts = { reads: 0, plans: 0 };
	for (const tool of tools) {
		const toolName = tool.name.replace(/[^a-zA-Z0-9_-]+/g, '_');
		expect(toolName).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
		names.add(toolName);
		expect(tool.type).toMatch(
			/^n8n-nodes-atlassian-dc-identity\.(resolutionSamlSso|atlassianDcSso|kantegaSso|adAttributesSync)Tool$/,
		);
		expect(tool.parameters.descriptionType).toBe('manual');
		const text = tool.parameters.toolDescription as string;
		const { resource, operation } = tool.parameters as { resource: string; operation: string };
		if (hasDryRun(descriptionOf(tool), resource, operation)) {
			counts.plans++;
			expect(tool.name).toMatch(/^Plan /);
			expect((tool.parameters.options as INodeParameters).dryRun).toBe(true);
			expect(text).toMatch(/^Plans .*A dry run: this tool never changes the instance\.$/);
		} else {
			counts.reads++;
			expect(tool.name).not.toMatch(/^Plan /);
			expect(text).toMatch(/Changes nothing\.$/);
		}
	}
	expect(names.size).toBe(tools.length);
	expect(counts).toEqual({ reads: 12, plans: 6 });
});

test('every parameter the model fills is a $fromAI() with a key n8n accepts and a description, one meaning per key in a tool', () => {
	let calls = 0;
	for (const tool of tools) {
		const seen = new Map<string, string>();
		for (const call of fromAiCalls(tool.parameters)) {
			calls++;
			expect(call.key).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
			expect(call.description.length).toBeGreaterThan(15);
			expect(['string', 'json']).toContain(call.type);
			// n8n refuses a tool whose same key comes with another description or type.
			expect(seen.get(call.key) ?? call.description + call.type).toBe(call.description + call.type);
			seen.set(call.key, call.description + call.type);
		}
	}
	expect(calls).toBe(16);
});

const ctx = useSimulator();

/** What the model would give each $fromAI() key. */
const SAMPLES: Record<string, unknown> = {
	idpId: '1',
	kantegaIdpId: '1ncq3jsPC74BGuNnfZPl',
	connectorId: '1',
	username: 'John',
	group: 'jira-software-users',
	mergePatch: { sessionTimeoutInMinutes: 480 },
	certificate: pem('idp-signing-a'),
};

/** The tool's parameters as n8n resolves them for one call: each $fromAI() replaced by the model's value. */
function filled(parameters: unknown, configuration: unknown): unknown {
	if (typeof parameters === 'string') {
		const [call] = fromAiCalls(parameters);
		if (!call) return parameters;
		return call.key === 'configuration' ? configuration : SAMPLES[call.key];
	}
	if (Array.isArray(parameters)) return parameters.map((p) => filled(p, configuration));
	if (parameters && typeof parameters === 'object')
		return Object.fromEntries(
			Object.entries(parameters).map(([k, v]) => [k, filled(v, configuration)]),
		);
	return parameters;
}

/** Each tool's output items and its requests to the REST API, run with the model's values against the seed data. */
const ITEMS_AND_READS: Record<string, [number, number]> = {
	'Get resolution SSO configuration': [1, 1],
	'Compare resolution SSO configuration': [1, 1],
	'Get User Sync connector': [1, 1],
	'Get last sync of a connector': [1, 1],
	'List Atlassian identity providers': [6, 1],
	'Get Atlassian identity provider': [1, 1],
	'List login options': [5, 1],
	'Get Atlassian SSO settings': [1, 1],
	'List Kantega identity providers': [3, 1],
	'List Kantega managed groups': [4, 1],
	'List AD connections': [2, 1],
	'Get AD user fields': [1, 1],
	'Plan resolution SSO configuration replace': [1, 1],
	'Plan resolution SSO configuration patch': [1, 1],
	'Plan Atlassian identity provider certificate change': [1, 0],
	'Plan Kantega managed group add': [1, 0],
	'Plan Kantega managed group remove': [1, 0],
	'Plan sync of one user': [1, 0],
};

test.each(tools.map((t) => [t.name, t] as const))(
	'%s: runs with the model’s values, sends nothing but GETs and leaves the simulator as it was',
	async (_name, tool) => {
		const { sim } = ctx;
		const versions = sim.state.resolution.configVersions;
		const configuration = {
			...(versions[versions.length - 1] as object),
			sessionTimeoutInMinutes: 480,
		};
		const parameters = filled(tool.parameters, configuration) as INodeParameters;
		delete parameters.descriptionType;
		delete parameters.toolDescription;
		const before = JSON.stringify(sim.state);
		const r = await runNode({ node: nodeName(tool), parameters, credentials: adminBasic(sim) });
		expect(r.error).toBeUndefined();
		expect(
			sim.requests.filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.path}`),
		).toEqual([]);
		expect(JSON.stringify(sim.state)).toBe(before);
		// A read reads; a plan may read what it compares with, or send nothing at all.
		if (tool.name.startsWith('Plan ')) expect(r.json[0]).toMatchObject({ dryRun: true });
		expect([r.json.length, sim.requests.filter((q) => q.path.includes('/rest/')).length]).toEqual(
			ITEMS_AND_READS[tool.name],
		);
	},
);
