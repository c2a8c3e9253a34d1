/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium, never a downloaded browser. */
export const CHROMIUM = process.env.BROWSER_CHROMIUM ?? '/usr/bin/chromium';

/** A fresh chromium profile for one run, headless, without the background traffic a first start makes. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'browser-suite-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	context.setDefaultTimeout(20000);
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
