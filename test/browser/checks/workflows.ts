/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOTS } from '../browser';
import type { Demo } from '../demo';
import { byTestId, settled } from '../editor';
import { assert, sameList, type Report } from '../report';

const REPO = join(__dirname, '..', '..', '..');

/**
 * The example workflows shown as pictures (docs/images/<example>-workflow.png): the configuration
 * examples, whose Data table nodes the demo points at its table sso_config_history. Each in a window
 * of the workflow's shape, so that the fitted canvas keeps its names legible (the long ones in a row
 * of 16 and 22 nodes: wide and low).
 */
export const WORKFLOW_SCREENSHOTS: Array<{
	example: string;
	file: string;
	window: { width: number; height: number };
}> = [
	{
		example: 'clone-refresh-save',
		file: 'clone-refresh-save-workflow.png',
		window: { width: 1440, height: 760 },
	},
	{
		example: 'clone-refresh',
		file: 'clone-refresh-workflow.png',
		window: { width: 2400, height: 640 },
	},
	{
		example: 'sso-config-history',
		file: 'sso-config-history-workflow.png',
		window: { width: 2400, height: 820 },
	},
];

/** The names of the example's nodes; its sticky notes are drawn as notes, not as canvas nodes. */
const nodeNames = (example: string): string[] =>
	(
		JSON.parse(readFileSync(join(REPO, 'examples', `${example}.json`), 'utf8')) as {
			nodes: Array<{ name: string; type: string }>;
		}
	).nodes
		.filter((node) => node.type !== 'n8n-nodes-base.stickyNote')
		.map((node) => node.name);

/** The names of the nodes the canvas draws (each canvas node carries its node's name). */
async function canvasNodes(page: Page): Promise<string[]> {
	return await byTestId(page, 'canvas-node').evaluateAll((nodes) =>
		nodes.map((node) => node.getAttribute('data-node-name') ?? node.textContent?.trim() ?? '?'),
	);
}

/**
 * Each example opened in the editor, as the demo imported it: every node of the file on the canvas,
 * none marked with an issue (its Data table nodes point at the demo's table, its nodes of the
 * package at the demo's credential); the canvas fitted to the window, then its picture.
 */
export async function checkWorkflows(page: Page, demo: Demo, report: Report): Promise<void> {
	const usual = page.viewportSize();
	for (const { example, file, window } of WORKFLOW_SCREENSHOTS) {
		const wanted = nodeNames(example);
		await report.check(
			`example ${example}: the editor shows its ${wanted.length} nodes, none with an issue; picture ${file}`,
			async () => {
				await page.setViewportSize(window);
				await page.goto(`${demo.n8nUrl}/workflow/demo-${example}`);
				await byTestId(page, 'canvas-node').first().waitFor();
				const shown = await settled(
					async () => await canvasNodes(page),
					(names) => names.length >= wanted.length,
				);
				sameList([...shown].sort(), [...wanted].sort(), `${example}: the canvas's nodes`);
				const issues = await byTestId(page, 'node-issues').count();
				assert(issues === 0, `${example}: ${issues} nodes marked with an issue`);
				await byTestId(page, 'zoom-to-fit').click();
				// The fit animates: the picture once the nodes hold still.
				await settled(
					async () =>
						await byTestId(page, 'canvas-node').evaluateAll((nodes) =>
							nodes.map((node) => {
								const box = node.getBoundingClientRect();
								return [Math.round(box.x), Math.round(box.y), Math.round(box.width)];
							}),
						),
				);
				// The pointer off the nodes, tabs and buttons (no hover toolbar or tooltip in the picture).
				await page.mouse.move(Math.round(window.width * 0.72), 110);
				await page.screenshot({ path: join(SCREENSHOTS, file), animations: 'disabled' });
			},
		);
	}
	if (usual) await page.setViewportSize(usual);
}
