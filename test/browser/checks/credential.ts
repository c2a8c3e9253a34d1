/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOTS } from '../browser';
import type { Demo } from '../demo';
import { byTestId, settled } from '../editor';
import { assert, type Report } from '../report';

const TYPE_NAME = 'Atlassian Data Center API';

async function openNewCredential(page: Page, demo: Demo): Promise<void> {
	await page.goto(`${demo.n8nUrl}/home/credentials/create`);
	const search = page
		.locator('[data-test-id="credential-type-selector"] input, input[placeholder*="Search"]')
		.first();
	await search.waitFor();
	await search.fill('Atlassian Data Center');
	await page.getByText(TYPE_NAME, { exact: true }).first().click();
	const cont = byTestId(page, 'new-credential-type-button');
	if (await cont.isVisible().catch(() => false)) await cont.click();
	await byTestId(page, 'credential-edit-dialog').waitFor();
}

const dialog = (page: Page) => byTestId(page, 'credential-edit-dialog');

/** A field of the dialog by its parameter name (the dialog marks each with data-test-id="parameter-input-<name>"). */
const field = (page: Page, name: string) =>
	byTestId(dialog(page), `parameter-input-${name}`).locator('input').first();

/** The parameters the dialog shows, by name. */
async function shownFields(page: Page): Promise<string[]> {
	return await byTestId(dialog(page), 'credential-connection-parameter')
		.locator('visible=true')
		.evaluateAll((forms) =>
			forms.map(
				(form) => form.querySelector('[data-test-id]')?.getAttribute('data-test-id') ?? '?',
			),
		);
}

async function chooseAuthentication(
	page: Page,
	option: string,
	fields: (shown: string[]) => boolean,
): Promise<string[]> {
	await byTestId(dialog(page), 'parameter-input-authentication').click();
	await page
		.getByRole('option')
		.locator('visible=true')
		.filter({ hasText: option })
		.first()
		.click();
	return await settled(async () => await shownFields(page), fields, 15_000).catch(
		async () => await shownFields(page),
	);
}

/** Saves (n8n tests the credential on save) and answers the dialog's text once it says how the test went. */
async function saveAndReadResult(page: Page, result: RegExp): Promise<string> {
	await byTestId(page, 'credential-save-button').click();
	const text = async () => (await dialog(page).innerText()).replace(/\s+/g, ' ');
	return await settled(text, (shown) => result.test(shown), 60_000).catch(async () => await text());
}

/** The credential dialog: Basic and PAT fields switch; Test succeeds against the simulator and fails clearly with a wrong token. */
export async function checkCredential(page: Page, demo: Demo, report: Report): Promise<void> {
	const opened = await report.check(
		'credential dialog opens for a new "Atlassian Data Center API"',
		async () => await openNewCredential(page, demo),
	);
	if (!opened) return;
	await report.check(
		'credential dialog: the fields switch between Personal Access Token and Basic Auth',
		async () => {
			let fields = await chooseAuthentication(page, 'Basic Auth', (f) => f.includes('username'));
			assert(
				fields.includes('username') &&
					fields.includes('password') &&
					!fields.includes('personalAccessToken'),
				`Basic Auth shows ${fields.join(', ')}`,
			);
			fields = await chooseAuthentication(page, 'Personal Access Token', (f) =>
				f.includes('personalAccessToken'),
			);
			assert(
				fields.includes('personalAccessToken') &&
					!fields.includes('username') &&
					!fields.includes('password'),
				`Personal Access Token shows ${fields.join(', ')}`,
			);
		},
	);
	await report.check(
		'credential dialog: "Add os_authType=basic" is shown for Basic Auth only, off by default; no Connections field',
		async () => {
			let fields = await chooseAuthentication(page, 'Basic Auth', (f) => f.includes('username'));
			assert(
				fields.includes('osAuthTypeBasic') &&
					fields.includes('ignoreSSLIssues') &&
					!fields.includes('connections'),
				`Basic Auth shows ${fields.join(', ')}`,
			);
			const checked = await field(page, 'osAuthTypeBasic').isChecked();
			assert(!checked, 'Add os_authType=basic is on by default');
			fields = await chooseAuthentication(page, 'Personal Access Token', (f) =>
				f.includes('personalAccessToken'),
			);
			assert(
				!fields.includes('osAuthTypeBasic'),
				`Personal Access Token shows ${fields.join(', ')}`,
			);
		},
	);
	const success = /Connection tested successfully/i;
	const failure = /Couldn.t connect|Authentication failed|Not authorized/i;
	await report.check(
		'credential dialog: Test succeeds against the simulator with the admin token',
		async () => {
			await field(page, 'baseUrl').fill(demo.simUrl);
			await field(page, 'personalAccessToken').fill('admin-pat-token');
			const text = await saveAndReadResult(page, success);
			assert(success.test(text) && !failure.test(text), `dialog says: ${text.slice(0, 400)}`);
		},
	);
	await report.check(
		'credential dialog: Test fails with a clear message for a wrong token',
		async () => {
			await field(page, 'personalAccessToken').fill('wrong-token');
			const text = await saveAndReadResult(page, failure);
			// n8n shows "Couldn't connect with these settings"; the credential test's own reason
			// ("Authentication failed: wrong username, password or token") sits under its More details.
			assert(failure.test(text) && !success.test(text), `dialog says: ${text.slice(0, 400)}`);
			await dialog(page).screenshot({
				path: join(SCREENSHOTS, 'credential-wrong-token.png'),
				animations: 'disabled',
			});
		},
	);
}
