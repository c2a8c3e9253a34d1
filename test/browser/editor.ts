/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test tooling: it waits in a browser, outside n8n */
import type { Locator, Page } from 'playwright-core';

import type { Demo } from './demo';

/**
 * Reads what the page shows until it holds still (the same answer on consecutive reads) and, when
 * given, meets `ready`: a condition, not a fixed sleep. Fails with the last answer after `timeoutMs`.
 */
export async function settled<T>(
	read: () => Promise<T>,
	ready: (value: T) => boolean = () => true,
	timeoutMs = 30_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last = JSON.stringify(await read().catch(() => null));
	let same = 0;
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, 150));
		const value = await read().catch(() => null as T);
		const text = JSON.stringify(value);
		same = text === last ? same + 1 : 0;
		last = text;
		if (same >= 2 && value !== null && ready(value)) return value;
		if (Date.now() > deadline)
			throw new Error(
				`the page did not settle within ${timeoutMs / 1000} s; last: ${text.slice(0, 300)}`,
			);
	}
}

/** n8n's editor marks its elements with data-test-id. */
export const byTestId = (scope: Page | Locator, id: string) =>
	scope.locator(`[data-test-id="${id}"]`);

export async function signIn(page: Page, demo: Demo): Promise<void> {
	await page.goto(`${demo.n8nUrl}/signin`);
	await byTestId(page, 'emailOrLdapLoginId').locator('input').fill(demo.email);
	await byTestId(page, 'password').locator('input').fill(demo.password);
	await byTestId(page, 'form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

export async function openNodePicker(page: Page): Promise<Locator> {
	const addFirst = byTestId(page, 'canvas-add-button').first();
	if (await addFirst.isVisible()) await addFirst.click();
	else await byTestId(page, 'node-creator-plus-button').click();
	const picker = byTestId(page, 'node-creator');
	await picker.waitFor();
	return picker;
}

/** The names the node picker lists for a search, in order (once the list holds still). */
export async function searchNodePicker(page: Page, text: string): Promise<string[]> {
	const picker = byTestId(page, 'node-creator');
	await byTestId(page, 'node-creator-search-bar').fill(text);
	const items = byTestId(picker, 'item-iterator-item');
	await items.first().waitFor();
	const names = async () =>
		(await items.evaluateAll((elements) =>
			elements.slice(0, 12).map((item) => {
				const title = item.querySelector('[class*="title"], [class*="name"]') ?? item;
				return (title as HTMLElement).innerText.split('\n')[0].trim();
			}),
		)) as string[];
	return await settled(names, (shown) => shown.length > 0);
}

/** Adds a node to a new workflow through the node picker, as a person does: search, node, action. */
export async function addNode(
	page: Page,
	n8nUrl: string,
	displayName: string,
	action: string,
): Promise<void> {
	await page.goto(`${n8nUrl}/workflow/new`);
	const picker = await openNodePicker(page);
	await byTestId(page, 'node-creator-search-bar').fill(displayName);
	await byTestId(picker, 'item-iterator-item')
		.filter({ has: page.getByText(displayName, { exact: true }) })
		.first()
		.click();
	await byTestId(picker, 'item-iterator-item')
		.filter({ has: page.getByText(action, { exact: true }) })
		.first()
		.click();
	await byTestId(page, 'ndv').waitFor();
	await byTestId(page, 'node-parameters').waitFor();
}

/** Picks an option of a dropdown parameter by its shown name, and waits until the dropdown shows it. */
export async function pickOption(page: Page, parameter: string, optionName: string): Promise<void> {
	const input = byTestId(page, `parameter-input-${parameter}`);
	const shown = async () => await input.locator('input').first().inputValue();
	if ((await shown()) === optionName) return;
	await input.click();
	await page
		.getByRole('option')
		.locator('visible=true')
		.filter({ has: page.getByText(optionName, { exact: true }) })
		.first()
		.click();
	await settled(shown, (value) => value === optionName);
}

/** The top-level parameters the panel shows, by name, in order (`destructiveNotice` for a notice). */
export async function visibleParameters(page: Page): Promise<string[]> {
	return await byTestId(page, 'node-parameters').evaluate((root) => {
		const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
		const names: string[] = [];
		for (const item of root.querySelectorAll('[data-test-id="parameter-item"]')) {
			if (!shown(item) || item.parentElement?.closest('[data-test-id="parameter-item"]')) continue;
			if (item.closest('[data-test-id="node-settings"]') || item.closest('.node-settings-tab'))
				continue;
			const labels = [...item.querySelectorAll('label[for]')].filter(
				(l) => shown(l) && !l.closest('[data-test-id="node-credentials-slot"]'),
			);
			const label = labels.find((l) => l.closest('[data-test-id="parameter-item"]') === item);
			const name = label?.getAttribute('for');
			if (name === 'resource' || name === 'operation') continue;
			if (label) names.push(name ?? '');
			else if (item.querySelector('[class*="notice"], .n8n-callout, [role="alert"]'))
				names.push('destructiveNotice');
			else {
				const text = item.textContent?.trim() ?? '';
				if (text.startsWith('Credential')) continue;
				names.push(`?${text.slice(0, 40)}`);
			}
		}
		return names;
	});
}

/** The parameters n8n marks as missing (required and empty) once a run was asked for. */
export async function markedParameters(page: Page): Promise<string[]> {
	return await byTestId(page, 'node-parameters').evaluate((root) =>
		[...root.querySelectorAll('[data-test-id="parameter-issues"]')]
			.map(
				(issue) =>
					issue
						.closest('[data-test-id="parameter-item"]')
						?.querySelector('label[for]')
						?.getAttribute('for') ?? '?',
			)
			.filter((name, i, all) => all.indexOf(name) === i),
	);
}

export async function executeStep(page: Page): Promise<void> {
	await byTestId(page, 'node-execute-button').click();
}

/** The text of the output panel once the run has finished (items or an error). */
export async function outputText(page: Page, expected: string[] = []): Promise<string> {
	const output = byTestId(page, 'output-panel');
	const text = async () => (await output.innerText()).replace(/\s+/g, ' ');
	// The run has finished when the output shows items (or an error) with every expected text.
	return await settled(
		text,
		(shown) => /\d+ items?|error|problem/i.test(shown) && expected.every((e) => shown.includes(e)),
		60_000,
	).catch(async () => await text());
}

const visibleTexts = async (locator: Locator) =>
	(await locator.allInnerTexts()).map((t) => t.split('\n')[0].trim());

/** Opens a resource locator's list and answers the names it shows. */
/** Opens a resource locator's list (with an empty search) and answers the names it shows, sorted. */
export async function openLocatorList(
	page: Page,
	parameter: string,
	expected = 1,
): Promise<string[]> {
	await byTestId(byTestId(page, `resource-locator-${parameter}`), 'rlc-input').click();
	const items = byTestId(page, 'rlc-item');
	await items.first().waitFor({ timeout: 60_000 });
	const search = await searchBox(page);
	if (await search.inputValue()) await search.fill('');
	// A cleared search loads again: the whole list once it shows (at least) the expected number of entries.
	const names = async () => await visibleTexts(items.locator('visible=true'));
	return (await settled(names, (shown) => shown.length >= expected, 20_000).catch(names)).sort();
}

async function searchBox(page: Page): Promise<Locator> {
	const search = byTestId(page, 'rlc-search').locator('visible=true').first();
	return (await search.evaluate((e) => e.tagName)) === 'INPUT'
		? search
		: search.locator('input').first();
}

/** Types into an open list's search box; answers the names once the list shows only matches. */
export async function searchLocatorList(page: Page, text: string): Promise<string[]> {
	await (await searchBox(page)).fill(text);
	const wanted = text.toLowerCase();
	return await settled(
		async () => await visibleTexts(byTestId(page, 'rlc-item').locator('visible=true')),
		(names) => names.length > 0 && names.every((name) => name.toLowerCase().includes(wanted)),
	);
}

/** Picks an entry of the open list; the list closes and the locator shows the entry's name. */
export async function pickFromLocatorList(
	page: Page,
	parameter: string,
	name: string,
): Promise<void> {
	await byTestId(page, 'rlc-item')
		.locator('visible=true')
		.filter({ hasText: name })
		.first()
		.click();
	const input = byTestId(byTestId(page, `resource-locator-${parameter}`), 'rlc-input');
	await settled(
		async () => await input.inputValue(),
		(value) => value === name,
	);
}

/** The item of a parameter in the panel, found by its label (test ids like parameter-input-field are not unique). */
export const parameterItem = (page: Page, parameter: string) =>
	byTestId(byTestId(page, 'node-parameters'), 'parameter-item')
		.filter({ has: page.locator(`label[for="${parameter}"]`) })
		.first();

/** Opens an options parameter loaded from the server and answers the names it shows. */
export async function openOptions(page: Page, parameter: string): Promise<string[]> {
	await parameterItem(page, parameter).locator('input').first().click();
	const options = page.getByRole('option').locator('visible=true');
	await options.first().waitFor({ timeout: 60_000 });
	return await settled(
		async () => await visibleTexts(options),
		(names) => names.length > 0,
	);
}

export async function fillText(page: Page, parameter: string, value: string): Promise<void> {
	const input = byTestId(page, `parameter-input-${parameter}`).locator('input, textarea').first();
	await input.fill(value);
	await input.blur();
}
