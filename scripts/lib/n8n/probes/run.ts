/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Runs one of the small TypeScript programs in this folder under a given Node (e.g. n8n's Node 24,
 * whose native modules the tooling's own Node cannot load). Node >= 23 strips the types itself
 * (nothing is loaded that n8n would not load: fair for timing); older Nodes run them through tsx.
 */
import { join } from 'node:path';

import { run } from '../processes';

const REPO = join(__dirname, '..', '..', '..', '..');
const TSX_CLI = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const majors = new Map<string, number>();

async function nodeMajor(node: string): Promise<number> {
	if (!majors.has(node)) {
		const { stdout } = await run(node, ['--version']);
		majors.set(node, Number(/^v(\d+)/.exec(stdout.trim())?.[1] ?? 0));
	}
	return majors.get(node) ?? 0;
}

export async function runProbe(
	node: string,
	probe: 'require-modules' | 'package-types' | 'require-time',
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number | null; output: string; stdout: string }> {
	const file = join(__dirname, `${probe}.ts`);
	const argv = (await nodeMajor(node)) >= 23 ? [file, ...args] : [TSX_CLI, file, ...args];
	return await run(node, argv, {
		cwd: options.cwd,
		env: { ...process.env, ...options.env },
		timeoutMs: 120_000,
	});
}
