/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The registry these machines reach lacks the other platforms' builds of unrs-resolver (a dev
 * dependency of the n8n lint tools), so `npm install` leaves them out of package-lock.json and
 * `npm ci` then refuses the lock as out of sync. This adds their entries back as a full registry
 * would write them (optional, with os/cpu/libc, so npm skips them on other platforms). Run it
 * after any `npm install` that rewrote the lock (the install has just put tsx in place):
 *   npx tsx scripts/lib/complete-lockfile.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
	version?: string;
	optionalDependencies?: Record<string, string>;
	[key: string]: unknown;
}

const file = join(__dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
const packages = lock.packages;
const platform = (suffix: string) => {
	const [os, arch, abi] = suffix.split('-');
	const cpu = arch === 'arm' ? 'arm' : arch;
	const libc = os === 'linux' ? (abi?.startsWith('musl') ? 'musl' : 'glibc') : undefined;
	return { os, cpu, libc };
};

let added = 0;
for (const [parent, entry] of Object.entries(packages)) {
	if (!parent.endsWith('node_modules/unrs-resolver')) continue;
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const key = `node_modules/${name}`;
		if (packages[key]) continue;
		const { os, cpu, libc } = platform(name.split('resolver-binding-')[1]);
		packages[key] = {
			version,
			cpu: [cpu],
			dev: true,
			...(libc ? { libc: [libc] } : {}),
			license: 'MIT',
			optional: true,
			os: [os],
		};
		added++;
	}
}
const [root, ...rest] = Object.entries(packages);
lock.packages = Object.fromEntries([
	root,
	...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
]);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} platform entries added`);
