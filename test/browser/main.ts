/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error, no-console */
/**
 * The browser suite: `npm run test:browser`. A real n8n 2.41.1 with the package (the demo, in a
 * throw-away folder on free ports), the simulator, and Debian's chromium driven by playwright-core.
 * BROWSER_ONLY=picker,panels,credential runs some groups; `--screenshots` (npm run screenshots)
 * refreshes docs/images; BROWSER_KEEP=1 keeps the run's screenshots; BROWSER_LIMIT_S (default 900) bounds
 * the checks; BROWSER_N8N_URL + BROWSER_SIM_URL use a demo that is already running.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ensureChromium, launchBrowser, README_SCREENSHOTS, SCREENSHOTS } from './browser';
import { checkCredential } from './checks/credential';
import { checkPanels } from './checks/panels';
import { checkPicker } from './checks/picker';
import { startDemo, type Demo } from './demo';
import { signIn } from './editor';
import { NODE_PANELS } from './panels';
import { countAssertionsIn, Report } from './report';

/** `panels` also opens every list of the node's operations, in the same panel. */
const GROUPS = { picker: checkPicker, panels: checkPanels, credential: checkCredential };

const log = (line: string) => console.log(`[browser] ${line}`);
const seconds = (since: number) => Math.round((Date.now() - since) / 1000);

async function main(): Promise<number> {
	const started = Date.now();
	const only = process.env.BROWSER_ONLY?.split(',').filter(Boolean);
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
	const demo: Demo = await startDemo(log, Number(process.env.BROWSER_DEMO_LIMIT_S ?? 1200) * 1000, (stop) => (stopDemo = stop));
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
			const file = join(SCREENSHOTS, `failed-${report.results.length}-${name.replace(/[^\w]+/g, '-').slice(0, 60)}.png`);
			await page.screenshot({ path: file, animations: 'disabled' });
		};
		if (await report.check('signs in to n8n', async () => await signIn(page, demo))) {
			for (const [name, run] of Object.entries(GROUPS)) {
				if (only && !only.includes(name)) continue;
				if (timedOut || interrupted) break;
				const groupStarted = Date.now();
				const before = report.results.length;
				log(`${name}`);
				await run(page, demo, report);
				log(`${name}: ${report.results.length - before} checks in ${seconds(groupStarted)} s`);
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
	if (timedOut) await report.check(`finishes within ${limitMs / 1000} s`, async () => { throw new Error('time limit reached'); });

	const operations = NODE_PANELS.reduce((sum, node) => sum + node.panels.length, 0);
	console.log(
		`[browser] coverage: ${NODE_PANELS.length} nodes × ${operations} operations, ${report.results.length} checks ` +
			`(${report.assertions} assertions); checks ${seconds(checksStarted)} s, whole run ${seconds(started)} s`,
	);
	console.log(`browser: ${report.results.length - report.failed} passed, ${report.failed} failed (${seconds(started)} s)`);
	for (const failure of report.results.filter((r) => !r.ok)) console.log(`  FAIL ${failure.name}`);
	if (README_SCREENSHOTS) console.log(`[browser] screenshots for the README refreshed in ${SCREENSHOTS}`);
	else if (report.failed || process.env.BROWSER_KEEP === '1') console.log(`[browser] screenshots (failed checks included): ${SCREENSHOTS}`);
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
