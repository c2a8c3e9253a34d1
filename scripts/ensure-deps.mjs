// Installs the project's dependencies (npm ci) when node_modules is missing or does not
// match package-lock.json, so `npm test` and `npm run demo` work straight after a clone.
// Plain JavaScript with no imports beyond Node's: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(repo, 'package-lock.json');
const stampFile = join(repo, 'node_modules', '.installed-from-lock');
const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex');

/** Every package the lock pins at the top of node_modules is there in that version. */
function matchesLock() {
	const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
	for (const [path, entry] of Object.entries(lock.packages ?? {})) {
		if (!path.startsWith('node_modules/') || path.includes('/node_modules/', 1) || entry.optional)
			continue;
		const manifest = join(repo, path, 'package.json');
		if (!existsSync(manifest)) return false;
		if (JSON.parse(readFileSync(manifest, 'utf8')).version !== entry.version) return false;
	}
	return true;
}

function upToDate() {
	if (!existsSync(join(repo, 'node_modules'))) return false;
	if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === lockHash) return true;
	return matchesLock();
}

if (!upToDate()) {
	const why = existsSync(join(repo, 'node_modules'))
		? 'do not match package-lock.json'
		: 'are not installed yet';
	console.error(`[deps] the project's dependencies ${why}: npm ci (about 2 minutes, 1.4 GB)...`);
	const started = Date.now();
	const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: repo,
		stdio: 'inherit',
	});
	if (npm.status !== 0) {
		console.error('[deps] npm ci failed (see above); nothing else was run');
		process.exit(npm.status ?? 1);
	}
	console.error(`[deps] installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
writeFileSync(stampFile, `${lockHash}\n`);
