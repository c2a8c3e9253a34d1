/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * n8n's outbound-request policy (SSRF protection, n8n 2.41+): with it on and the instance in a blocked range,
 * nothing is sent. n8n's request helper, which every request goes through, checks each connection.
 */
import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

let sim: Simulator;
beforeAll(async () => {
	// Read by n8n's configuration when its HTTP service is first made, which is in this file's own module registry.
	process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
	sim = await startSimulator({ contextPath: '/jira' });
});
afterAll(async () => {
	delete process.env.N8N_SSRF_PROTECTION_ENABLED;
	await sim.close();
});
beforeEach(() => sim.reset());

const listIdps = { resource: 'identityProvider', operation: 'getAll' };

test('a loopback instance is refused by the policy and nothing is sent', async () => {
	const run = await runNode({
		node: 'kantegaSso',
		parameters: listIdps,
		credentials: adminBasic(sim),
	});
	expect(run.error?.message).toBe(
		`n8n's outbound-request policy does not allow ${new URL(sim.url).origin}`,
	);
	expect(run.error?.description).toBe(
		"Nothing was sent. The request was blocked because it resolves to a restricted IP address. Ask the n8n administrator to allow the instance (N8N_SSRF_ALLOWED_HOSTNAMES or N8N_SSRF_ALLOWED_IP_RANGES), or check the credential's Base URL.",
	);
	expect(sim.requests).toHaveLength(0);
});
