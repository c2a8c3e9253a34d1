/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runExampleWorkflow, type WorkflowDefinition } from '../harness/engine';
import { startSimulator, type Simulator } from '../simulator';
import { der, pem, PREFIX, received } from './helpers';
import { adminBasic } from '../support/credentials';

const FILE = join(__dirname, '..', '..', 'examples', 'rotate-idp-certificate.json');
const load = () =>
	JSON.parse(readFileSync(FILE, 'utf8')) as WorkflowDefinition & {
		nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
	};

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ contextPath: '/jira' });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

const P = `/jira${PREFIX}`;

test('the example uses only allowed node types and the shared credential', () => {
	const workflow = load();
	for (const node of workflow.nodes) {
		expect([
			'n8n-nodes-base.manualTrigger',
			'n8n-nodes-base.set',
			'n8n-nodes-base.if',
			'n8n-nodes-base.stopAndError',
			'n8n-nodes-atlassian-dc-identity.atlassianDcSso',
		]).toContain(node.type);
		if (node.type.endsWith('.atlassianDcSso')) {
			expect(node.typeVersion).toBe(1);
			expect(node.credentials).toEqual({
				atlassianDataCenterApi: { id: 'dc-credential', name: 'Atlassian Data Center' },
			});
		}
	}
});

test('rotate: fallback on, PATCH the certificate alone, verify, fallback off', async () => {
	const before = { ...sim.state.authconfig.idps[0] };
	const r = await runExampleWorkflow(load(), adminBasic(sim));
	expect(r.error).toBeUndefined();
	expect(received(sim).map(({ method, rawPath, body }) => ({ method, rawPath, body }))).toEqual([
		{ method: 'PATCH', rawPath: `${P}/sso`, body: { 'enable-authentication-fallback': true } },
		{ method: 'PATCH', rawPath: `${P}/idps/1`, body: { certificate: der(pem('idp-signing-b')) } },
		{ method: 'GET', rawPath: `${P}/idps/1`, body: undefined },
		// Turning the fallback off: the lockout guard reads the SSO settings (the login form is shown).
		{ method: 'GET', rawPath: `${P}/sso`, body: undefined },
		{ method: 'PATCH', rawPath: `${P}/sso`, body: { 'enable-authentication-fallback': false } },
	]);
	const idp = sim.state.authconfig.idps[0];
	expect(idp.certificate).toBe(der(pem('idp-signing-b')));
	expect({
		...idp,
		certificate: before.certificate,
		'last-updated': before['last-updated'],
	}).toEqual(before);
	expect(sim.state.authconfig.sso['enable-authentication-fallback']).toBe(false);
	expect(r.output('Certificate applied?', 0)).toHaveLength(1);
	expect(r.output('Disable authentication fallback')[0].json).toMatchObject({
		'enable-authentication-fallback': false,
	});
});

test('an expired certificate stops the run before the PATCH; fallback stays on', async () => {
	const workflow = load();
	const set = workflow.nodes.find((n) => n.name === 'New certificate')!;
	const assignments = (
		set.parameters.assignments as { assignments: Array<{ name: string; value: string }> }
	).assignments;
	assignments.find((a) => a.name === 'certificate')!.value = pem('expired');
	const r = await runExampleWorkflow(workflow, adminBasic(sim));
	expect(r.error?.message).toMatch(/has expired: "CN=expired-idp.example.com, O=Example IdP"/);
	expect(received(sim).map((q) => `${q.method} ${q.rawPath}`)).toEqual([`PATCH ${P}/sso`]);
	expect(sim.state.authconfig.sso['enable-authentication-fallback']).toBe(true);
	expect(sim.state.authconfig.idps[0].certificate).not.toBe(der(pem('expired')));
});
