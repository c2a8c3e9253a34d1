/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOTS } from '../browser';
import type { Demo } from '../demo';
import {
	addNode,
	byTestId,
	executeStep,
	markedParameters,
	pickOption,
	settled,
	visibleParameters,
} from '../editor';
import { isEmptyByDefault, labels, operationsOf, resourcesOf } from '../nodeDescriptions';
import { NODE_PANELS } from '../panels';
import { checkListsOf } from './lists';
import { assert, sameList, type Report } from '../report';

/**
 * For every node: added to a canvas through the node picker; then for every resource × operation:
 * picked in the panel, its visible parameters compared with the documented ones, and its required ones
 * marked by n8n once a run is asked for (and only those).
 */
export async function checkPanels(page: Page, demo: Demo, report: Report): Promise<void> {
	for (const node of NODE_PANELS) {
		const main =
			node.panels.find(
				(p) =>
					p.visible.includes('idpId') || p.visible.includes('connection') || p.operation === 'sync',
			) ??
			node.panels.find((p) => p.required.length > 0) ??
			node.panels[0];
		const added = await report.check(
			`${node.displayName}: added from the node picker (${labels(node.name, main.resource, main.operation).action})`,
			async () => {
				await addNode(
					page,
					demo.n8nUrl,
					node.displayName,
					labels(node.name, main.resource, main.operation).action,
				);
			},
		);
		if (!added) continue;
		await report.check(`${node.displayName}: screenshot of its main panel`, async () => {
			// As a person sees it right after adding the action: no run asked for yet.
			await settled(
				async () => await visibleParameters(page),
				(v) => JSON.stringify(v) === JSON.stringify(main.visible),
			);
			await byTestId(page, 'ndv').screenshot({
				path: join(SCREENSHOTS, `${node.name}-panel.png`),
				animations: 'disabled',
			});
		});
		await report.check(
			`${node.displayName}: the panel covers every resource and operation documented in docs/nodes`,
			async () => {
				const listed = node.panels.map((p) => `${p.resource}.${p.operation}`).sort();
				const offered = resourcesOf(node.name)
					.flatMap((r) => operationsOf(node.name, r).map((o) => `${r}.${o}`))
					.sort();
				sameList(offered, listed, 'operations');
			},
		);
		for (const panel of node.panels) {
			const names = labels(node.name, panel.resource, panel.operation);
			await report.check(
				`${node.displayName} › ${names.resource} › ${names.operation}: parameters as documented, required marked`,
				async () => {
					await pickOption(page, 'resource', names.resource);
					await pickOption(page, 'operation', names.operation);
					const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b);
					// The panel re-renders after a pick: its parameters once they hold still (the expected ones, or what it shows after 10 s).
					const shown = await settled(
						async () => await visibleParameters(page),
						(v) => same(v, panel.visible),
						10_000,
					).catch(async () => await visibleParameters(page));
					sameList(shown, panel.visible, 'visible parameters');
					// A required parameter with a default (e.g. a JSON template) is not empty, so not marked.
					const emptyRequired = panel.required
						.filter((r) => isEmptyByDefault(node.name, panel.resource, panel.operation, r))
						.sort();
					await executeStep(page);
					const marked = await settled(
						async () => (await markedParameters(page)).sort(),
						(m) => same(m, emptyRequired),
						10_000,
					).catch(async () => (await markedParameters(page)).sort());
					const unexpected = marked.filter((m) => !panel.required.includes(m));
					assert(
						unexpected.length === 0,
						`marked as missing but not required: ${unexpected.join(', ')}`,
					);
					sameList(marked, emptyRequired, 'required parameters marked once a run is asked for');
					await dismissToasts(page);
				},
			);
		}
		await checkListsOf(page, node.name, report);
	}
}

export async function dismissToasts(page: Page): Promise<void> {
	for (const close of await page
		.locator('.el-notification__closeBtn:visible, [data-test-id="toast-close-button"]:visible')
		.all()) {
		await close.click().catch(() => undefined);
	}
}
