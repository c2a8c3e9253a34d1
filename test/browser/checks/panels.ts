/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOTS } from '../browser';
import type { Demo } from '../demo';
import { addNode, byTestId, executeStep, markedParameters, pickOption, visibleParameters } from '../editor';
import { isEmptyByDefault, labels, operationsOf, resourcesOf } from '../nodeDescriptions';
import { NODE_PANELS } from '../panels';
import { assert, sameList, type Report } from '../report';


/**
 * For every node: added to a canvas through the node picker; then for every resource × operation:
 * picked in the panel, its visible parameters compared with interface.md, and its required ones
 * marked by n8n once a run is asked for (and only those).
 */
export async function checkPanels(page: Page, demo: Demo, report: Report): Promise<void> {
	for (const node of NODE_PANELS) {
		const first = node.panels[0];
		const added = await report.check(`${node.displayName}: added from the node picker`, async () => {
			await addNode(page, demo.n8nUrl, node.displayName, labels(node.name, first.resource, first.operation).action);
		});
		if (!added) continue;
		await report.check(`${node.displayName}: the panel covers every resource and operation of interface.md`, async () => {
			const listed = node.panels.map((p) => `${p.resource}.${p.operation}`).sort();
			const offered = resourcesOf(node.name).flatMap((r) => operationsOf(node.name, r).map((o) => `${r}.${o}`)).sort();
			sameList(offered, listed, 'operations');
		});
		for (const panel of node.panels) {
			const names = labels(node.name, panel.resource, panel.operation);
			await report.check(`${node.displayName} › ${names.resource} › ${names.operation}: parameters as interface.md, required marked`, async () => {
				await pickOption(page, 'resource', names.resource);
				await pickOption(page, 'operation', names.operation);
				sameList(await visibleParameters(page), panel.visible, 'visible parameters');
				await executeStep(page);
				await page.waitForTimeout(600);
				const marked = await markedParameters(page);
				const unexpected = marked.filter((m) => !panel.required.includes(m));
				assert(unexpected.length === 0, `marked as missing but not required: ${unexpected.join(', ')}`);
				// A required parameter with a default (e.g. a JSON template) is not empty, so not marked.
				const emptyRequired = panel.required.filter((r) => isEmptyByDefault(node.name, panel.resource, panel.operation, r));
				sameList(marked.sort(), [...emptyRequired].sort(), 'required parameters marked once a run is asked for');
				await dismissToasts(page);
			});
		}
		await report.check(`${node.displayName}: screenshot of its main panel`, async () => {
			const main = node.panels.find((p) => p.required.length > 0) ?? first;
			const names = labels(node.name, main.resource, main.operation);
			await pickOption(page, 'resource', names.resource);
			await pickOption(page, 'operation', names.operation);
			await page.waitForTimeout(300);
			await byTestId(page, 'ndv').screenshot({ path: join(SCREENSHOTS, `${node.name}-panel.png`) });
		});
	}
}

export async function dismissToasts(page: Page): Promise<void> {
	for (const close of await page.locator('.el-notification__closeBtn:visible, [data-test-id="toast-close-button"]:visible').all()) {
		await close.click().catch(() => undefined);
	}
}
