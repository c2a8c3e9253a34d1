import { runNode } from '../harness/runNode';
import { startSimulator } from '../simulator';

test('probe', async () => {
	const sim = await startSimulator({ contextPath: '/jira' });
	try {
		const creds = { baseUrl: sim.url + '/', authentication: 'basicAuth', username: 'admin', password: 'admin-password' };
		const r1 = await runNode({ node: 'kantegaSso', parameters: { resource: 'managedGroup', operation: 'getAll', idpId: '1ncq3jsPC74BGuNnfZPl' }, credentials: creds });
		expect(r1.error).toBeUndefined();
		expect(r1.json.map((j) => j.group)).toContain('Team A/Ops');
		const r2 = await runNode({ node: 'kantegaSso', parameters: { resource: 'managedGroup', operation: 'check', idpId: '1ncq3jsPC74BGuNnfZPl', group: 'Team A/Ops' }, credentials: creds });
		expect(r2.json).toEqual([{ idpId: '1ncq3jsPC74BGuNnfZPl', group: 'Team A/Ops', exists: true }]);
		const bad = { ...creds, password: 'wrong' };
		sim.requests.length = 0;
		const r3 = await runNode({ node: 'kantegaSso', parameters: { resource: 'identityProvider', operation: 'getAll' }, credentials: bad });
		expect(sim.requests.length).toBe(1);
		expect(r3.error?.message).toMatch(/Authentication failed/);
		expect(JSON.stringify(r3.error)).not.toContain('wrong');
		sim.setFault({ kind: 'rateLimit', times: 1, retryAfterSeconds: 1 });
		sim.requests.length = 0;
		const r4 = await runNode({ node: 'kantegaSso', parameters: { resource: 'identityProvider', operation: 'getAll' }, credentials: creds });
		expect(r4.error).toBeUndefined();
		expect(sim.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(sim.requests[0].headers['user-agent']).toMatch(/n8n-nodes-atlassian-dc-identity/);
	} finally {
		await sim.close();
	}
});
