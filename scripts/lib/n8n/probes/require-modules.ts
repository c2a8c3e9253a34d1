/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @typescript-eslint/no-require-imports */
/**
 * Loads native modules the way n8n resolves them (run under n8n's own Node by provision.ts):
 *   require-modules.ts INSTALL_DIR MODULE...     exit 1 and a line on stderr when one fails
 * (INSTALL_DIR is <cache>/n8n-<version>; the modules resolve from its node_modules/n8n).
 * Plain CommonJS with erasable types only: Node 24 runs it as it is (type stripping), older
 * Nodes through tsx (probes/run.ts).
 */
import type * as Path from 'node:path';

const { join } = require('node:path') as typeof Path;
const [installDir, ...modules] = process.argv.slice(2);
const base = join(installDir, 'node_modules', 'n8n');
for (const name of modules) {
	try {
		require(require.resolve(name, { paths: [base] }));
	} catch (error) {
		console.error(`${name} does not load: ${String((error as Error).message).split('\n')[0]}`);
		process.exit(1);
	}
}
