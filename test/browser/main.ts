/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error, no-console */
/**
 * The browser suite: `npm run test:browser`. A real n8n 2.41.1 with the package (the demo, in a
 * throw-away folder on free ports), the simulator, and Debian's chromium driven by playwright-core.
 * BROWSER_ONLY=picker,panels,credential,workflows runs some groups (the run then expects the checks of those groups); `--screenshots` (npm run screenshots)
 * refreshes docs/images; BROWSER_KEEP=1 keeps the run's screenshots; BROWSER_LIMIT_S (default 900) bounds
 * the checks; BROWSER_N8N_URL + BROWSER_SIM_URL use a demo that is already running.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { ensureChromium, launchBrowser, README_SCREENSHOTS, SCREENSHOTS } from './browser';
import { checkCredential } from './checks/credential';
import { checkPanels } from './checks/panels';
import { checkPicker } from './checks/picker';
import { checkWorkflows, WORKFLOW_SCREENSHOTS } from './checks/workflows';
import { startDemo, type Demo } from './demo';
import { signIn } from './editor';
import { LIST_CHECKS } from './lists';
import { operationsOf, resourcesOf } from './nodeDescriptions';
import { NODE_PANELS } from './panels';
import { countAssertionsIn, Report } from './report';
import { SEARCH_WORDS } from './searchWords';

/** The operations a node's description offers (every resource's). */
const operationsOffered = (node: string) =>
	resourcesOf(node).reduce((sum, resource) => sum + operationsOf(node, resource).length, 0);

/**
 * The groups, each with the number of checks it must make, derived from what it walks through: a
 * run that made fewer or more (a group stopped early, a node's operation not found in the panel)
 * fails, saying which group ran how many.
 */
const GROUPS: Record<
	string,
	{ run: (page: Page, demo: Demo, report: Report) => Promise<void>; expected: () => number }
> = {
	// One check per search word, then one per node: its icon.
	picker: {
		run: checkPicker,
		expected: () => Object.keys(SEARCH_WORDS).length + NODE_PANELS.length,
	},
	// Per node: added from the picker, its screenshot, its coverage; one per operation its description
	// offers; one per list check of the node (lists.ts). `panels` also opens every list of the node's
	// operations, in the same panel.
	panels: {
		run: checkPanels,
		expected: () =>
			NODE_PANELS.reduce(
				(sum, node) =>
					sum +
					3 +
					operationsOffered(node.name) +
					LIST_CHECKS.filter((c) => c.node === node.name).length,
				0,
			),
	},
	// checks/credential.ts: the dialog opens, its fields switch, os_authType, Test succeeds, Test fails.
	credential: { run: checkCredential, expected: () => 5 },
	// checks/workflows.ts: one per example shown as a picture (its canvas, then the picture).
	workflows: { run: checkWorkflows, expected: () => WORKFLOW_SCREENSHOTS.length },
};
/** Made whatever groups run: the sign-in before them, the shut-down after them. */
const FIXED_CHECKS = 2;

const log = (line: string) => console.log(`[browser] ${line}`);
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);

async function main(): Promise<number> {
	const started = Date.now();
	const only = process.env.BROWSER_ONLY?.split(',').filter(Boolean);
	const unknown = (only ?? []).filter((name) => !(name in GROUPS));
	if (unknown.length)
		throw new Error(
			`BROWSER_ONLY: no group ${unknown.join(', ')} (the groups: ${Object.keys(GROUPS).join(', ')})`,
		);
	const chosen = Object.keys(GROUPS).filter((name) => !only || only.includes(name));
	const made: Record<string, number> = Object.fromEntries(chosen.map((name) => [name, 0]));
	const limitMs = Number(process.env.BROWSER_LIMIT_S ?? 900) * 1000;
	mkdirSync(SCREENSHOTS, { recursive: true });
	ensureChromium(log);

	let stopDemo: (() => Promise<boolean>) | undefined;
	let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
	let stopping: Promise<boolean> | undefined;
	/** Closes the browser and stops the demo, once, whatever ends the run; answers whether all is gone. */
	const shutDown = async () =>
		(stopping ??= (async () => {
			await browser?.close();
			return (await stopDemo?.()) ?? true;
		})());
	let interrupted = '';
	const onSignal = (name: NodeJS.Signals) => {
		interrupted = name;
		log(`${name}: stopping the browser, n8n and the simulator`);
		void shutDown().then(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);

	// The demo's first start on a machine provisions n8n (minutes, once): it has its own bound.
	const demo: Demo = await startDemo(
		log,
		Number(process.env.BROWSER_DEMO_LIMIT_S ?? 1200) * 1000,
		(stop) => (stopDemo = stop),
	);
	const report = new Report();
	countAssertionsIn(report);
	const checksStarted = Date.now();
	let timedOut = false;
	const watchdog = setTimeout(() => {
		timedOut = true;
		log(`the checks did not finish within ${limitMs / 1000} s: stopping`);
		void shutDown();
	}, limitMs);
	try {
		browser = await launchBrowser();
		const page = await browser.context.newPage();
		report.onFailure = async (name) => {
			const file = join(
				SCREENSHOTS,
				`failed-${report.results.length}-${name.replace(/[^\w]+/g, '-').slice(0, 60)}.png`,
			);
			await page.screenshot({ path: file, animations: 'disabled' });
		};
		if (await report.check('signs in to n8n', async () => await signIn(page, demo))) {
			for (const name of chosen) {
				if (timedOut || interrupted) break;
				const groupStarted = Date.now();
				const before = report.results.length;
				log(`${name}`);
				try {
					await GROUPS[name].run(page, demo, report);
				} finally {
					made[name] = report.results.length - before;
				}
				log(`${name}: ${made[name]} checks in ${seconds(groupStarted)} s`);
			}
		}
	} catch (error) {
		if (!timedOut && !interrupted) throw error;
	} finally {
		clearTimeout(watchdog);
		const clean = await shutDown();
		await report.check('shuts down the browser, n8n and the simulator it started', async () => {
			if (!clean) throw new Error('n8n or the simulator still listens on its port');
		});
	}
	if (timedOut)
		await report.check(`finishes within ${limitMs / 1000} s`, async () => {
			throw new Error('time limit reached');
		});

	// The number of checks: the fixed ones and each chosen group's.
	const expected = Object.fromEntries(chosen.map((name) => [name, GROUPS[name].expected()]));
	const expectedTotal = FIXED_CHECKS + chosen.reduce((sum, name) => sum + expected[name], 0);
	const ranTotal = report.results.length - (timedOut ? 1 : 0);
	const parts = chosen.map((name) => `${name} ${expected[name]}`).join(', ');
	await report.check(
		`made the ${expectedTotal} checks expected (sign-in and shut-down ${FIXED_CHECKS}, ${parts})`,
		async () => {
			const off = chosen
				.filter((name) => made[name] !== expected[name])
				.map((name) => `${name}: expected ${expected[name]}, ran ${made[name]}`);
			if (ranTotal !== expectedTotal || off.length)
				throw new Error(
					`expected ${expectedTotal} checks, ${ranTotal} ran${off.length ? ` (${off.join('; ')})` : ''}`,
				);
		},
	);

	const operations = NODE_PANELS.reduce((sum, node) => sum + node.panels.length, 0);
	console.log(
		`[browser] coverage: ${NODE_PANELS.length} nodes × ${operations} operations, ${report.results.length} checks ` +
			`(${report.assertions} assertions); checks ${seconds(checksStarted)} s, whole run ${seconds(started)} s`,
	);
	console.log(
		`browser: ${report.results.length - report.failed} passed, ${report.failed} failed (${seconds(started)} s)`,
	);
	for (const failure of report.results.filter((r) => !r.ok)) console.log(`  FAIL ${failure.name}`);
	if (README_SCREENSHOTS)
		console.log(`[browser] screenshots for the README refreshed in ${SCREENSHOTS}`);
	else if (report.failed || process.env.BROWSER_KEEP === '1')
		console.log(`[browser] screenshots (failed checks included): ${SCREENSHOTS}`);
	else rmSync(SCREENSHOTS, { recursive: true, force: true });
	return report.failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`[browser] ${error.stack ?? error.message}`);
		process.exit(2);
	},
);
