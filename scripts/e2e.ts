/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The end-to-end suite (`npm run test:e2e`, part of `npm test` and of CI): the packed package
 * installed into a real n8n the way users install community nodes, against the Data Center
 * simulator in its own process.
 *   1. provision Node 24 + n8n 2.41.1 and n8n 1.123.81 (cached outside the repo)
 *   2. pack the package, start the simulator and a forward HTTP proxy (test/support/forwardProxy.ts)
 *      that alone resolves dc.behind-proxy.test to it
 *   3. for each n8n version (scripts/e2e/collect.ts): install the tarball into <user folder>/.n8n/nodes,
 *      start n8n with HTTP_PROXY = that proxy and NO_PROXY=127.0.0.1,localhost (node/credential
 *      types, load errors, credential test through POST /rest/credentials/test), import the examples
 *      of examples/ and the workflows of test/e2e/workflows/ and run each through the REST API, then
 *      activate the trigger example (the workflows and credentials written by
 *      test/e2e/prepare-workflows.ts)
 *   4. test/e2e/run-checks.ts asserts on what was kept: `ok - ...` / `not ok - ...` per check, then
 *      `e2e: N passed, M failed`
 *
 * Environment:
 *   E2E_SKIP_N8N1=1   only n8n 2.41.1 (skip the n8n 1.x compatibility run)
 *   E2E_PACKAGE=TGZ   test this tarball instead of packing the working tree
 *   E2E_KEEP=1        keep the results folder and the n8n user folders
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import {
	logger,
	N8N1_DIR,
	N8N1_VERSION,
	N8N2_DIR,
	N8N2_VERSION,
	NODE24_DIR,
	packRepo,
	provisionN8n,
	recordedInstallSeconds,
	removeAtExit,
	REPO,
	runMain,
	secondsSince,
	startSimulator,
} from './lib/n8n';
import { collect } from './e2e/collect';
import { prepareWorkflows } from '../test/e2e/prepare-workflows';
import { runChecks } from '../test/e2e/run-checks';
import { PROXY_ONLY_HOST, startForwardProxy } from '../test/support/forwardProxy';

const log = logger('e2e');

runMain('e2e', async () => {
	const tStart = Date.now();
	const keep = process.env.E2E_KEEP === '1';
	const skipN8n1 = process.env.E2E_SKIP_N8N1 === '1';
	const work = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'n8n-e2e-run.'));
	if (!keep) removeAtExit(work);
	const versions = skipN8n1 ? [N8N2_VERSION] : [N8N2_VERSION, N8N1_VERSION];

	log('provisioning (first time: several minutes, progress below)...');
	let t0 = Date.now();
	for (const version of versions) await provisionN8n(version);
	const tProvision = secondsSince(t0);

	t0 = Date.now();
	let tgz: string;
	if (process.env.E2E_PACKAGE) {
		tgz = resolve(process.env.E2E_PACKAGE);
		log(`package: ${tgz} (E2E_PACKAGE)`);
	} else {
		tgz = await packRepo(REPO, join(work, 'pack'));
	}
	const tPack = secondsSince(t0);

	const sim = await startSimulator({
		logFile: join(work, 'simulator.log'),
		contextPath: '/jira',
		product: 'jira',
	});
	// n8n reaches the simulator under this name only through the proxy (the behind-proxy scenario).
	const proxy = await startForwardProxy({ hosts: { [PROXY_ONLY_HOST]: '127.0.0.1' } });
	const prepared = join(work, 'prepared');
	prepareWorkflows(prepared, sim.url, PROXY_ONLY_HOST);

	const tVersion: Record<string, number> = {};
	for (const version of versions)
		tVersion[version] = await collect(
			version,
			join(work, 'results', version),
			tgz,
			prepared,
			sim,
			proxy,
		);
	await sim.stop();
	await proxy.close();

	const checks = runChecks(join(work, 'results'));

	// Timings: this run, and an estimate for a cold machine (empty cache) made of this run's own
	// steps plus the recorded install times.
	const total = secondsSince(tStart);
	let coldInstall = recordedInstallSeconds(NODE24_DIR) + recordedInstallSeconds(N8N2_DIR);
	if (!skipN8n1) coldInstall += recordedInstallSeconds(N8N1_DIR);
	const perVersion = versions.map((v) => `, n8n ${v} ${tVersion[v]}s`).join('');
	log(`timings: provisioning ${tProvision}s, pack ${tPack}s${perVersion}, total ${total}s`);
	if (tProvision > 60) log(`this run installed (cold): total ${total}s`);
	else
		log(
			`warm run (cached installs): ${total}s; cold estimate (+ recorded installs ${coldInstall}s): ${total - tProvision + coldInstall}s`,
		);
	if (checks.failed)
		log(`FAILED (rerun with E2E_KEEP=1 to keep ${work}: executions, simulator requests, n8n logs)`);
	else if (keep) log(`kept ${work}`);
	return checks.failed ? 1 : 0;
});
