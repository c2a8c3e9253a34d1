/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console, @typescript-eslint/no-require-imports */
/**
 * The package's own load time (for the benchmark): requires every node and credential file listed
 * in its package.json and prints the milliseconds. Run from the user folder with n8n's modules on
 * NODE_PATH, so that `n8n-workflow` resolves to n8n's copy, loaded first and not counted.
 *   require-time.ts PACKAGE_DIR
 * Plain CommonJS with erasable types only: Node 24 runs it as it is (type stripping), older
 * Nodes through tsx (probes/run.ts).
 */
import type * as Path from 'node:path';

const { join } = require('node:path') as typeof Path;

const dir = process.argv[2];
const pkg = require(join(dir, 'package.json')) as {
	n8n: { credentials: string[]; nodes: string[] };
};
// n8n loads n8n-workflow before any package: not counted. Resolved from the package (then
// NODE_PATH: n8n's copy), not from this file (the repo's copy, which the package would not use).
require(require.resolve('n8n-workflow', { paths: [dir] }));
const t0 = process.hrtime.bigint();
for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	for (const Class of Object.values(require(join(dir, file)) as Record<string, unknown>)) {
		if (typeof Class === 'function') new (Class as new () => unknown)();
	}
}
console.log((Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1));
