/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * Debian packages the queue-mode suite needs (Redis, PostgreSQL): found on the machine, or installed
 * with apt-get (as root, or through passwordless sudo as on CI runners). Only the packages are
 * installed: the suite starts its own server processes (./redis.ts, ./postgres.ts), never a system
 * service, so a cluster that Debian's postgresql package may have started is neither used nor needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const log = (line: string) => console.error(`[services] ${line}`);

export interface DebianPackage {
	/** apt package name, e.g. redis-server */
	name: string;
	/** true when the package's programs are already there */
	present: () => boolean;
}

export const REDIS_PACKAGE: DebianPackage = {
	name: 'redis-server',
	present: () => findRedisServer() !== undefined,
};
export const POSTGRES_PACKAGE: DebianPackage = {
	name: 'postgresql',
	present: () => findPostgresBin() !== undefined,
};

function onPath(program: string): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(':')) {
		if (dir && existsSync(join(dir, program))) return join(dir, program);
	}
	return undefined;
}

export function findRedisServer(): string | undefined {
	return (
		onPath('redis-server') ??
		(existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined)
	);
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql (Debian's layout), with initdb, postgres, psql. */
export function findPostgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter(
			(v) =>
				/^\d+$/.test(v) &&
				existsSync(join(root, v, 'bin', 'initdb')) &&
				existsSync(join(root, v, 'bin', 'postgres')),
		)
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** How to run apt-get here: directly as root, through `sudo -n`, or not at all. */
function aptCommand(): string[] | undefined {
	if (isRoot()) return ['apt-get'];
	if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
		return ['sudo', '-n', 'apt-get'];
	return undefined;
}

/**
 * Installs the packages that are missing (apt-get install -y; apt-get update first when the
 * install fails on a stale package list). Throws with what to do when that is not possible.
 */
export function ensureDebianPackages(packages: DebianPackage[]): void {
	const missing = packages.filter((p) => !p.present());
	if (!missing.length) return;
	const names = missing.map((p) => p.name);
	const apt = aptCommand();
	if (!apt) {
		throw new Error(
			`missing Debian packages ${names.join(' ')}: install them (apt-get install -y ${names.join(' ')}) as root, then rerun`,
		);
	}
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => {
		const t0 = Date.now();
		log(`installing ${names.join(' ')} with apt-get (about a minute, once)...`);
		const result = spawnSync(
			apt[0],
			[...apt.slice(1), 'install', '-y', '--no-install-recommends', ...names],
			{
				env,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		if (result.status === 0)
			log(`installed ${names.join(' ')} in ${Math.round((Date.now() - t0) / 1000)} s`);
		return result;
	};
	let result = install();
	if (result.status !== 0) {
		log('apt-get install failed; apt-get update, then once more');
		spawnSync(apt[0], [...apt.slice(1), 'update'], { env, stdio: 'ignore' });
		result = install();
	}
	const still = missing.filter((p) => !p.present());
	if (result.status !== 0 || still.length) {
		throw new Error(
			`apt-get install ${names.join(' ')} failed (exit ${result.status}):\n${(result.stderr ?? '').slice(-2000)}`,
		);
	}
}
