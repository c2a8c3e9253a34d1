/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

import { ensureDebianPackages } from '../../scripts/lib/services/debian';

/**
 * `--screenshots` (`npm run screenshots`) refreshes the README's pictures in docs/images; otherwise
 * they go to a temporary folder, like everything else a test writes (and a failed check's picture too).
 */
export const README_SCREENSHOTS = process.argv.includes('--screenshots');
export const SCREENSHOTS = README_SCREENSHOTS
	? join(__dirname, '..', '..', 'docs', 'images')
	: join(tmpdir(), `browser-suite-screenshots-${process.pid}`);

/** Debian's chromium, never a downloaded browser. */
export const CHROMIUM = process.env.BROWSER_CHROMIUM ?? '/usr/bin/chromium';

/** Installs Debian's `chromium` package when the browser is missing (as root, or through sudo). */
export function ensureChromium(log: (line: string) => void): void {
	if (existsSync(CHROMIUM)) return;
	if (process.env.BROWSER_CHROMIUM) throw new Error(`BROWSER_CHROMIUM=${CHROMIUM} does not exist`);
	log(`${CHROMIUM} is missing: installing Debian's chromium package`);
	ensureDebianPackages([{ name: 'chromium', present: () => existsSync(CHROMIUM) }]);
}

/** A fresh chromium profile for one run, headless, without the background traffic a first start makes. */
export async function launchBrowser(): Promise<{
	context: BrowserContext;
	close(): Promise<void>;
}> {
	const profile = mkdtempSync(join(tmpdir(), 'browser-suite-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	// tsx compiles the suite with esbuild's keepNames: functions run in the page call its __name helper.
	await context.addInitScript('globalThis.__name = (target) => target;');
	// A shared 2-core machine: generous, but every wait is for a condition.
	context.setDefaultTimeout(30_000);
	context.setDefaultNavigationTimeout(60_000);
	let closed = false;
	return {
		context,
		close: async () => {
			if (closed) return;
			closed = true;
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
