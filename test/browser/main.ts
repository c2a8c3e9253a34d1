/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The browser suite: `npm run test:browser`. A real n8n 2.41.1 with the package (the demo, in a
 * throw-away folder), the simulator, and Debian's chromium driven by playwright-core.
 * BROWSER_ONLY=panels,lists,credential,picker runs some groups; see test/browser/README.md.
 */
import { mkdirSync } from 'node:fs';

import { launchBrowser } from './browser';
import { checkCredential } from './checks/credential';
import { checkLists } from './checks/lists';
import { checkPanels } from './checks/panels';
import { checkPicker } from './checks/picker';
import { startDemo } from './demo';
import { signIn } from './editor';
import { Report } from './report';

const GROUPS = { picker: checkPicker, panels: checkPanels, lists: checkLists, credential: checkCredential };

async function main(): Promise<number> {
	const started = Date.now();
	const only = process.env.BROWSER_ONLY?.split(',').filter(Boolean);
	mkdirSync('docs/images', { recursive: true });
	const demo = await startDemo((line) => console.log(`[browser] ${line}`));
	const report = new Report();
	const browser = await launchBrowser();
	try {
		const page = await browser.context.newPage();
		if (await report.check('signs in to n8n', async () => await signIn(page, demo))) {
			for (const [name, run] of Object.entries(GROUPS)) {
				if (only && !only.includes(name)) continue;
				console.log(`[browser] ${name}`);
				await run(page, demo, report);
			}
		}
	} finally {
		await browser.close();
		await demo.stop();
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	console.log(`browser: ${report.results.length - report.failed} passed, ${report.failed} failed (${seconds} s)`);
	return report.failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`[browser] ${error.stack ?? error.message}`);
		process.exit(2);
	},
);
