/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOTS } from '../browser';
import {
	byTestId,
	executeStep,
	fillText,
	openLocatorList,
	openOptions,
	outputText,
	pickFromLocatorList,
	pickOption,
	searchLocatorList,
} from '../editor';
import { LIST_CHECKS } from '../lists';
import { description, labels } from '../nodeDescriptions';
import { assert, sameList, type Report } from '../report';

let screenshotTaken = false;

/**
 * In the open panel of a node: every resource locator and loaded option of its operations, the
 * simulator's entries by name, a search, a pick, then a run with its output.
 */
export async function checkListsOf(page: Page, nodeName: string, report: Report): Promise<void> {
	for (const check of LIST_CHECKS.filter((c) => c.node === nodeName)) {
		const node = description(check.node).displayName;
		const names = labels(check.node, check.resource, check.operation);
		await report.check(
			`${node} › ${names.resource} › ${names.operation}: pick ${check.lists.map((l) => l.parameter).join(', ')} from lists, run, see the output`,
			async () => {
				await pickOption(page, 'resource', names.resource);
				await pickOption(page, 'operation', names.operation);
				for (const [parameter, value] of Object.entries(check.typed ?? {}))
					await fillText(page, parameter, value);
				for (const list of check.lists) {
					if (list.kind === 'locator') {
						sameList(
							await openLocatorList(page, list.parameter, list.entries.length),
							list.entries,
							`${list.parameter} list`,
						);
						if (!screenshotTaken) {
							await page.screenshot({
								path: join(SCREENSHOTS, 'open-list.png'),
								clip: (await byTestId(page, 'ndv').boundingBox()) ?? undefined,
								animations: 'disabled',
							});
							screenshotTaken = true;
						}
						if (list.search)
							sameList(
								await searchLocatorList(page, list.search.text),
								list.search.entries,
								`${list.parameter} list searched for "${list.search.text}"`,
							);
						await pickFromLocatorList(page, list.parameter, list.pick);
					} else {
						const shown = await openOptions(page, list.parameter);
						for (const entry of list.entries)
							assert(
								shown.includes(entry),
								`${list.parameter} options: "${entry}" missing from ${JSON.stringify(shown)}`,
							);
						await page
							.getByRole('option')
							.locator('visible=true')
							.filter({ has: page.getByText(list.pick, { exact: true }) })
							.first()
							.click();
					}
				}
				await executeStep(page);
				const text = await outputText(page, check.output);
				for (const expected of check.output)
					assert(text.includes(expected), `output lacks "${expected}": ${text.slice(0, 400)}`);
			},
		);
	}
}
