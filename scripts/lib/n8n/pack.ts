/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * The package as published: built and packed in a throw-away copy of the repo (a build never
 * touches the working tree others edit), and a deliberately broken copy of a tarball (to see the
 * e2e suite fail: n8n drops a whole package when one node file fails to load).
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';

import { logger } from './log';
import { run, runOk } from './processes';

export const REPO = resolve(__dirname, '..', '..', '..');
const log = logger('pack');
const temp = (prefix: string) => mkdtempSync(join(process.env.TMPDIR || tmpdir(), prefix));

/** The package's name in `repo`'s package.json. */
export function packageName(repo = REPO): string {
	return (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string }).name;
}

/**
 * Builds and packs `repo` (default: this repo) in a copy without .git, node_modules (symlinked
 * instead), dist and *.tgz; returns the .tgz path in `outDir` (default: a new temp folder).
 */
export async function packRepo(repo = REPO, outDir = temp('n8n-pack.')): Promise<string> {
	const copy = temp('n8n-build.');
	mkdirSync(outDir, { recursive: true });
	try {
		log(`building ${packageName(repo)} from a copy of ${repo}`);
		const skip = new Set(['.git', 'node_modules', 'dist']);
		cpSync(repo, copy, {
			recursive: true,
			filter: (source) => {
				const rel = relative(repo, source);
				if (rel === '') return true;
				return !skip.has(rel) && !rel.endsWith('.tgz');
			},
		});
		symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));
		const build = await run('npm', ['run', '--silent', 'build'], { cwd: copy });
		writeFileSync(join(outDir, 'build.log'), build.output);
		if (build.code !== 0) {
			console.error(build.output.trimEnd().split('\n').slice(-40).join('\n'));
			throw new Error(`build failed (log: ${join(outDir, 'build.log')})`);
		}
		const packed = await runOk('npm', ['pack', '--silent', '--pack-destination', outDir], {
			cwd: copy,
		});
		const tgz = join(outDir, packed.trim().split('\n').pop() ?? '');
		if (!existsSync(tgz)) throw new Error(`npm pack wrote no tarball (${packed.trim()})`);
		log(tgz);
		return tgz;
	} finally {
		rmSync(copy, { recursive: true, force: true });
	}
}

/**
 * A copy of `tgz` in which one node file (KantegaSso by default) requires a module that does not
 * exist, as a bad import would; returns its path.
 */
export async function breakPackage(
	tgz: string,
	outDir = temp('n8n-broken.'),
	file = 'dist/nodes/KantegaSso/KantegaSso.node.js',
): Promise<string> {
	const work = temp('n8n-break.');
	try {
		mkdirSync(outDir, { recursive: true });
		await runOk('tar', ['-C', work, '-xzf', resolve(tgz)]);
		const target = join(work, 'package', file);
		if (!existsSync(target)) throw new Error(`no ${file} in ${tgz}`);
		writeFileSync(
			target,
			`require("n8n-nodes-e2e-no-such-module");\n${readFileSync(target, 'utf8')}`,
		);
		const broken = join(outDir, `broken-${basename(tgz)}`);
		await runOk('tar', ['-C', work, '-czf', broken, 'package']);
		log(`${broken}: ${file} requires a module that does not exist`);
		return broken;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (require.main === module) {
	// tsx scripts/lib/n8n/pack.ts [REPO_DIR] [OUT_DIR]          -> prints the .tgz path
	// tsx scripts/lib/n8n/pack.ts --break TGZ [OUT_DIR]         -> prints the broken .tgz path
	const args = process.argv.slice(2);
	const done = (path: string) => console.log(path);
	const fail = (error: Error) => {
		console.error(`[pack] ERROR: ${error.message}`);
		process.exit(1);
	};
	if (args[0] === '--break') breakPackage(args[1], args[2]).then(done, fail);
	else
		packRepo(args[0] ? resolve(args[0]) : REPO, args[1] ? resolve(args[1]) : undefined).then(
			done,
			fail,
		);
}
