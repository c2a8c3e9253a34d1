/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @typescript-eslint/no-require-imports */
/**
 * The node types ("<package>.<name>") or credential types ("<name>") a built package declares,
 * read by loading each file listed in its package.json's n8n field with n8n's own modules on
 * NODE_PATH (as n8n loads them). One per line; exit 1 when a file does not load.
 *   NODE_PATH=<n8n modules> package-types.ts PACKAGE_DIR nodes|credentials
 * Plain CommonJS with erasable types only: Node 24 runs it as it is (type stripping), older
 * Nodes through tsx (probes/run.ts).
 */
import type * as Path from 'node:path';

const { join } = require('node:path') as typeof Path;

const [dir, kind = 'nodes'] = process.argv.slice(2);
const pkg = require(join(dir, 'package.json')) as { name: string; n8n?: Record<string, string[]> };
let failed = false;
for (const file of pkg.n8n?.[kind] ?? []) {
	try {
		for (const Class of Object.values(require(join(dir, file)) as Record<string, unknown>)) {
			if (typeof Class !== 'function') continue;
			const instance = new (Class as new () => {
				name?: string;
				description?: { name?: string };
			})();
			if (kind === 'nodes' && instance.description?.name)
				console.log(`${pkg.name}.${instance.description.name}`);
			if (kind === 'credentials' && instance.name) console.log(instance.name);
		}
	} catch (error) {
		failed = true;
		console.error(`${file} does not load: ${String((error as Error).message).split('\n')[0]}`);
	}
}
process.exit(failed ? 1 : 0);
