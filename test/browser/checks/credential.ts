/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOTS } from '../browser';
import type { Demo } from '../demo';
import { byTestId } from '../editor';
import { assert, type Report } from '../report';

const TYPE_NAME = 'Atlassian Data Center API';

async function openNewCredential(page: Page, demo: Demo): Promise<void> {
	await page.goto(`${demo.n8nUrl}/home/credentials/create`);
	const search = page.locator('[data-test-id="credential-type-selector"] input, input[placeholder*="Search"]').first();
	await search.waitFor();
	await search.fill('Atlassian Data Center');
	await page.getByText(TYPE_NAME, { exact: true }).first().click();
	const cont = byTestId(page, 'new-credential-type-button');
	if (await cont.isVisible().catch(() => false)) await cont.click();
	await byTestId(page, 'credential-edit-dialog').waitFor();
}

const dialog = (page: Page) => byTestId(page, 'credential-edit-dialog');

async function field(page: Page, label: string) {
	return dialog(page).locator('[data-test-id="parameter-item"], .parameter-item, [class*="parameter"]').filter({ hasText: label }).locator('input').first();
}

async function shownFields(page: Page): Promise<string[]> {
	return (await dialog(page).locator('label:visible').allInnerTexts()).map((t) => t.split('\n')[0].replace('*', '').trim());
}

async function chooseAuthentication(page: Page, option: string): Promise<void> {
	await (await field(page, 'Authentication')).click();
	await page.getByRole('option').locator('visible=true').filter({ hasText: option }).first().click();
}

async function saveAndReadBanner(page: Page): Promise<string> {
	await byTestId(page, 'credential-save-button').click();
	const banner = dialog(page).locator('[data-test-id="credentials-config-container-test-success"], [data-test-id="credential-test-error"], .n8n-callout, [class*="banner"], [role="alert"]');
	await page.waitForTimeout(1500);
	await banner.first().waitFor({ timeout: 20000 });
	return (await dialog(page).innerText()).replace(/\s+/g, ' ');
}

/** The credential dialog: Basic and PAT fields switch; Test succeeds against the simulator and fails clearly with a wrong token. */
export async function checkCredential(page: Page, demo: Demo, report: Report): Promise<void> {
	const opened = await report.check('credential dialog opens for a new "Atlassian Data Center API"', async () => await openNewCredential(page, demo));
	if (!opened) return;
	await report.check('credential dialog: the fields switch between Personal Access Token and Basic Auth', async () => {
		await chooseAuthentication(page, 'Basic Auth');
		let fields = await shownFields(page);
		assert(fields.includes('Username') && fields.includes('Password') && !fields.includes('Personal Access Token'), `Basic Auth shows ${fields.join(', ')}`);
		await chooseAuthentication(page, 'Personal Access Token');
		fields = await shownFields(page);
		assert(fields.includes('Personal Access Token') && !fields.includes('Username'), `Personal Access Token shows ${fields.join(', ')}`);
	});
	await report.check('credential dialog: Test succeeds against the simulator with the admin token', async () => {
		await (await field(page, 'Base URL')).fill(demo.simUrl);
		await (await field(page, 'Personal Access Token')).fill('admin-pat-token');
		const text = await saveAndReadBanner(page);
		assert(/Connection tested successfully|Connected to/i.test(text) && !/Couldn.t connect/i.test(text), `dialog says: ${text.slice(0, 400)}`);
	});
	await report.check('credential dialog: Test fails with a clear message for a wrong token', async () => {
		await (await field(page, 'Personal Access Token')).fill('wrong-token');
		const text = await saveAndReadBanner(page);
		assert(/Couldn.t connect|Authentication failed|wrong|rejected|Not authorized/i.test(text) && /token|credential|password/i.test(text), `dialog says: ${text.slice(0, 400)}`);
		await page.screenshot({ path: join(SCREENSHOTS, 'credential-wrong-token.png') });
	});
}
