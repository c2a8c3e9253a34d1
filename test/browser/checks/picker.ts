import type { Page } from 'playwright-core';

import type { Demo } from '../demo';
import { byTestId, openNodePicker, searchNodePicker } from '../editor';
import { description } from '../nodeDescriptions';
import { NODE_PANELS } from '../panels';
import { assert, type Report } from '../report';
import { SEARCH_WORDS } from '../searchWords';

/** How far down the list the expected nodes may be: n8n's own nodes of the same name (Jira Software…) come first. */
const SLACK = 2;

/** Typing each word an admin types into the node picker shows the right nodes among the first results; every icon renders. */
export async function checkPicker(page: Page, demo: Demo, report: Report): Promise<void> {
	await page.goto(`${demo.n8nUrl}/workflow/new`);
	await openNodePicker(page);
	for (const [word, nodes] of Object.entries(SEARCH_WORDS)) {
		const wanted = nodes.map((n) => description(n).displayName);
		await report.check(`node picker: "${word}" shows ${wanted.join(', ')} first`, async () => {
			const shown = await searchNodePicker(page, word);
			const top = shown.slice(0, wanted.length + SLACK);
			const missing = wanted.filter((w) => !top.includes(w));
			assert(
				missing.length === 0,
				`missing from the first ${top.length}: ${missing.join(', ')}; shown: ${shown.join(' | ')}`,
			);
		});
	}
	for (const node of NODE_PANELS) {
		await report.check(`${node.displayName}: its icon renders in the node picker`, async () => {
			await searchNodePicker(page, node.displayName);
			const item = byTestId(byTestId(page, 'node-creator'), 'item-iterator-item')
				.filter({ has: page.getByText(node.displayName, { exact: true }) })
				.first();
			const icon = item.locator('img').first();
			await icon.waitFor();
			const rendered = await icon.evaluate(
				(img: HTMLImageElement) => img.complete && img.naturalWidth > 0,
			);
			assert(rendered, `the icon ${await icon.getAttribute('src')} did not load`);
		});
	}
}
