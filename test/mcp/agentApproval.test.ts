/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * examples/mcp-agent-approval.json: an AI Agent that reads freely and changes an IdP certificate only
 * through n8n 2.41.1's e-mail review tool. Checked here as a file (no language model); the e2e suite
 * imports and activates it in a real n8n (test/e2e/mcp.ts).
 */
interface Node {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
type Connections = Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;
const example = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'examples', 'mcp-agent-approval.json'), 'utf8'),
) as {
	nodes: Node[];
	connections: Connections;
};
const targets = (from: string, type: string) =>
	(example.connections[from]?.[type] ?? []).flat().map((c) => c.node);
const packageTools = example.nodes.filter((n) =>
	n.type.startsWith('n8n-nodes-atlassian-dc-identity.'),
);
const review = example.nodes.filter((n) => n.type.endsWith('HitlTool'));
const agent = example.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.agent')!;

test('the change tool runs for real and reaches the agent only through the e-mail review tool; the reads go to the agent directly', () => {
	expect(review.map((n) => [n.name, n.type])).toEqual([
		['Approve by e-mail', 'n8n-nodes-base.emailSendHitlTool'],
	]);
	expect(targets('Approve by e-mail', 'ai_tool')).toEqual([agent.name]);
	const changes = packageTools.filter((n) => n.parameters.operation === 'update');
	const reads = packageTools.filter((n) => n.parameters.operation !== 'update');
	expect(changes.map((n) => n.name)).toEqual(['Update Atlassian identity provider certificate']);
	for (const change of changes) {
		expect(change.parameters.options).toEqual({});
		expect(targets(change.name, 'ai_tool')).toEqual(['Approve by e-mail']);
		expect(String(change.parameters.toolDescription)).toMatch(
			/Changes the instance, after a person approved the call/,
		);
	}
	expect(reads.map((n) => `${n.parameters.resource}.${n.parameters.operation}`)).toEqual([
		'identityProvider.getAll',
		'identityProvider.get',
	]);
	for (const read of reads) {
		expect(targets(read.name, 'ai_tool')).toEqual([agent.name]);
		expect(String(read.parameters.toolDescription)).toMatch(/Changes nothing\.$/);
	}
	// No destructive operation among the agent's tools.
	expect(packageTools.filter((n) => n.parameters.operation === 'delete')).toEqual([]);
});

test('the review message shows the approver the tool and its input', () => {
	const message = String(review[0].parameters.message);
	expect(message).toContain('{{ $tool.name }}');
	expect(message).toContain('{{ $tool.parameters }}');
});
