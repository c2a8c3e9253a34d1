/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { testCredential } from '../harness/credentialTest';
import { runNode } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { adminBasic } from '../support/credentials';

/** A self-signed certificate for 127.0.0.1, as internal Data Center instances often have. */
const tls = {
	key: readFileSync(join(__dirname, '..', 'fixtures', 'tls', 'key.pem'), 'utf8'),
	cert: readFileSync(join(__dirname, '..', 'fixtures', 'tls', 'cert.pem'), 'utf8'),
};

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ tls, contextPath: '/jira' });
});
afterAll(async () => await sim.close());

const listIdps = { resource: 'identityProvider', operation: 'getAll' };

test('a self-signed certificate is refused with a hint, and accepted with "Ignore SSL Issues"', async () => {
	expect(sim.url).toMatch(/^https:/);
	const refused = await runNode({
		node: 'kantegaSso',
		parameters: listIdps,
		credentials: adminBasic(sim),
	});
	expect(refused.error?.message).toMatch(
		/^Could not reach Data Center: TLS certificate not accepted/,
	);
	expect(refused.error?.description).toMatch(/Ignore SSL Issues/);
	const accepted = await runNode({
		node: 'kantegaSso',
		parameters: listIdps,
		credentials: adminBasic(sim, { ignoreSSLIssues: true }),
	});
	expect(accepted.error).toBeUndefined();
	expect(accepted.json).toHaveLength(3);
});

test('the credential test says the same', async () => {
	const test = async (ignoreSSLIssues: boolean) =>
		await testCredential(adminBasic(sim, { ignoreSSLIssues }));
	expect((await test(false)).message).toMatch(
		/^The TLS certificate of the instance was not accepted.*Ignore SSL Issues/,
	);
	expect(await test(true)).toEqual({
		status: 'OK',
		message: expect.stringMatching(/^Connected to Jira/),
	});
});
