import { runNode } from '../harness/runNode';

test('smoke', async () => {
	const result = await runNode({
		node: 'kantegaSso',
		parameters: { resource: 'managedGroup', operation: 'remove', idpId: 'x', group: 'a/b', options: { dryRun: true } },
		credentials: { baseUrl: 'http://127.0.0.1:9/jira/', authentication: 'basicAuth', username: 'admin', password: 'secret' },
	});
	console.log(result.error, JSON.stringify(result.json));
});
