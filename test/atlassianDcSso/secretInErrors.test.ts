import { startSimulator, type Simulator } from '../simulator';
import { run } from './helpers';

const CANARY = 'oidc-client-secret-7d2f';

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());

test('the client secret is hidden in the node that an error carries into the execution data', async () => {
	const result = await run(sim, {
		resource: 'identityProvider',
		operation: 'create',
		ssoType: 'OIDC',
		name: 'Okta',
		issuerUrl: 'https://idp.example.com/?tenant=1',
		clientId: 'client',
		clientSecret: CANARY,
	});
	expect(result.error?.message).toMatch(/query/i);
	expect(sim.requests).toHaveLength(0);
	expect(JSON.stringify(result.run.data.resultData)).not.toContain(CANARY);
	expect(JSON.stringify(result.error)).toContain('**hidden**');
});

test('and in an error the server answered, for an update', async () => {
	const result = await run(sim, {
		resource: 'identityProvider',
		operation: 'update',
		idpId: '999',
		updateFields: { clientSecret: CANARY },
	});
	expect(result.error?.message).toMatch(/^Not found/);
	expect(JSON.stringify(result.run.data.resultData)).not.toContain(CANARY);
});
