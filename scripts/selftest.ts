/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * Proves the n8n machinery end to end (not the package's e2e tests): provision n8n, make a
 * throw-away instance, install a packed community package into <user folder>/.n8n/nodes, start
 * n8n, create a credential and import a workflow through the REST API, run it and read its output
 * from the execution, and check that n8n loaded every node and credential type of the package and
 * logged no load errors.
 *
 *   tsx scripts/selftest.ts [--n8n 2.41.1|1.123.81] [--package TGZ] [--broken]
 *
 * Default package: the hand-written probe package (scripts/lib/n8n/probe-package.ts). --package TGZ
 * also installs TGZ (e.g. the real package from `npm pack`) and requires all of its types.
 * --broken uses a probe package with a node file that fails to load, and expects the checks to fail.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	createInstance,
	logger,
	N8N2_VERSION,
	nodeOutput,
	removeAtExit,
	runMain,
	secondsSince,
} from './lib/n8n';
import { writeProbePackage } from './lib/n8n/probe-package';

const log = logger('selftest');

const WORKFLOW = {
	id: 'probeWorkflow001',
	name: 'Probe workflow',
	settings: { executionOrder: 'v1' },
	nodes: [
		{
			id: '8a0d6b7e-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: '8a0d6b7e-0000-4000-8000-000000000002',
			name: 'Probe',
			type: 'n8n-nodes-probe.probe',
			typeVersion: 1,
			position: [220, 0],
			parameters: { message: 'hello from the selftest' },
			credentials: { probeApi: { id: 'probeCred0000001', name: 'Probe credential' } },
		},
	],
	connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
};

runMain('selftest', async () => {
	const args = process.argv.slice(2);
	let version = N8N2_VERSION;
	let extra: string | undefined;
	let broken = false;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--n8n') version = args[++i];
		else if (args[i] === '--package') extra = resolve(args[++i]);
		else if (args[i] === '--broken') broken = true;
		else {
			console.error(
				'usage: tsx scripts/selftest.ts [--n8n 2.41.1|1.123.81] [--package TGZ] [--broken]',
			);
			return 2;
		}
	}
	const t0 = Date.now();
	const work = mkdtempSync(join(tmpdir(), 'n8n-selftest.'));
	removeAtExit(work);
	const instance = await createInstance({ version });
	await instance.installPackage(await writeProbePackage(join(work, 'probe'), broken));
	const extraDir = extra ? await instance.installPackage(extra) : undefined;

	const failures: string[] = [];
	const main = await instance.start();
	try {
		const credentialId = await main.rest.createCredential({
			name: 'Probe credential',
			type: 'probeApi',
			data: { baseUrl: 'http://127.0.0.1:9', token: 's3cret-token' },
		});
		const workflow = await main.rest.importWorkflow(WORKFLOW, { probeCred0000001: credentialId });
		const execution = await main.rest.runAndWait(workflow.id, 'Start', 60_000);
		const [item] = nodeOutput(execution.data, 'Probe') ?? [];
		log(`Probe output (execution ${execution.id}, ${execution.status}): ${JSON.stringify(item)}`);
		const ok =
			item?.probe === true &&
			item.message === 'hello from the selftest' &&
			item.baseUrl === 'http://127.0.0.1:9' &&
			item.tokenLength === 12;
		if (!ok) failures.push('unexpected Probe output');
	} catch (error) {
		failures.push(`the run did not succeed: ${(error as Error).message}`);
	}

	const nodeTypes = ['n8n-nodes-probe.probe'];
	const credentialTypes = ['probeApi'];
	if (extraDir) {
		nodeTypes.push(...(await instance.declaredTypes(extraDir, 'nodes')));
		credentialTypes.push(...(await instance.declaredTypes(extraDir, 'credentials')));
	}
	const knownNodes = await main.rest.nodeTypes();
	const knownCredentials = await main.rest.credentialTypes();
	const missing = [
		...nodeTypes.filter((t) => !knownNodes.includes(t)),
		...credentialTypes.filter((t) => !knownCredentials.includes(t)),
	];
	if (missing.length) failures.push(`n8n does not know: ${missing.join(', ')}`);
	else log(`n8n knows: ${[...nodeTypes, ...credentialTypes].join(' ')}`);
	const loadErrors = main.packageLoadErrors();
	if (loadErrors.length) failures.push(`n8n's log reports load errors:\n${loadErrors.join('\n')}`);

	if (broken) {
		if (failures.length) {
			log(`PASS (broken package detected: ${failures[0].split('\n')[0]}) in ${secondsSince(t0)}s`);
			return 0;
		}
		log('FAIL: the broken package was not detected');
		return 1;
	}
	if (failures.length) {
		log(
			`FAIL after ${secondsSince(t0)}s (N8NI_KEEP=1 keeps ${instance.home}):\n${failures.join('\n')}`,
		);
		return 1;
	}
	log(`PASS: n8n ${instance.version}, ${secondsSince(t0)}s`);
	return 0;
});
