/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
/**
 * A PostgreSQL of the suite's own: initdb into a folder under the caller's temp dir, then the
 * `postgres` server as a plain process (its own process group) on 127.0.0.1 on a free port, its
 * socket in that folder too, trust authentication for the `postgres` role, one database created.
 * PostgreSQL refuses to run as root: as root, the folder is given to the `postgres` user (Debian's
 * package creates it) and the programs run through runuser. Durability is off (fsync, synchronous
 * commit): the data lives as long as the suite. Never a system service: a cluster Debian's package
 * may have started is neither used nor needed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { logger } from '../n8n/log';
import { startOwnedServer } from '../n8n/owned-server';
import { freePort, releasePorts } from '../n8n/ports';
import { type Group, spawnGroup, stopGroup } from '../n8n/processes';
import { ensureDebianPackages, findPostgresBin, isRoot, POSTGRES_PACKAGE } from './debian';

const log = logger('services');

export interface Postgres {
	host: string;
	port: number;
	user: string;
	database: string;
	group: Group;
	logFile: string;
	/** Runs one SQL statement with psql; returns its unaligned, tuples-only output. */
	sql: (statement: string) => string;
	stop: () => Promise<void>;
}

function postgresIds(): { uid: number; gid: number } {
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status !== 0 || gid.status !== 0) {
		throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
	}
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * The postgres user must reach the folder: the temp folders above it (0700 from mkdtemp) get
 * search permission (o+x, no listing), up to the temp root; a closed folder outside it is an error.
 */
function makeReachable(folder: string): void {
	const temp = resolve(process.env.TMPDIR || tmpdir());
	for (let d = resolve(folder); d !== dirname(d); d = dirname(d)) {
		const mode = statSync(d).mode;
		const inTemp = d === temp || d.startsWith(`${temp}/`);
		if (!(mode & 0o001)) {
			if (!inTemp) {
				throw new Error(
					`PostgreSQL runs as the postgres user, which cannot reach ${folder} (${d} is closed): use a folder under ${temp}`,
				);
			}
			chmodSync(d, mode | 0o011);
		}
		if (d === temp) return;
	}
}

/** The command line that runs a PostgreSQL program as the right user. */
function asDbUser(program: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function psql(bin: string, port: number, database: string, statement: string) {
	const result = spawnSync(
		join(bin, 'psql'),
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			'postgres',
			'-d',
			database,
			'-v',
			'ON_ERROR_STOP=1',
			'-qAt',
			'-c',
			statement,
		],
		{ encoding: 'utf8', env: { ...process.env, PGCONNECT_TIMEOUT: '3' } },
	);
	return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export async function startPostgres(dir: string, database = 'n8n'): Promise<Postgres> {
	ensureDebianPackages([POSTGRES_PACKAGE]);
	const bin = findPostgresBin();
	if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
	const data = join(dir, 'data');
	const logFile = join(dir, 'postgres.log');
	mkdirSync(dir, { recursive: true });
	if (isRoot()) {
		const { uid, gid } = postgresIds();
		makeReachable(dirname(dir));
		chmodSync(dir, 0o700);
		chownSync(dir, uid, gid);
	}
	const t0 = Date.now();
	const [initCmd, initArgs] = asDbUser(join(bin, 'initdb'), [
		'-D',
		data,
		'-A',
		'trust',
		'-U',
		'postgres',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', cwd: dir });
	if (init.status !== 0) throw new Error(`initdb failed (exit ${init.status}):\n${init.stderr}`);
	const version = bin.split('/').slice(-2, -1)[0];
	log(`PostgreSQL ${version}: initdb in ${Math.round((Date.now() - t0) / 1000)} s`);

	const { group, ports } = await startOwnedServer({
		what: `PostgreSQL ${version}`,
		logFile,
		timeoutMs: 30_000,
		log,
		choosePorts: async () => ({ port: await freePort() }),
		spawn: ({ port }) => {
			const [cmd, args] = asDbUser(join(bin, 'postgres'), [
				...['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
				...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
			]);
			return spawnGroup('postgres', cmd, args, { logFile, cwd: dir });
		},
		ready: async ({ port }) => psql(bin, port, 'postgres', 'select 1').stdout.trim() === '1',
	});
	const { port } = ports;
	const created = psql(bin, port, 'postgres', `create database "${database}"`);
	if (created.status !== 0) {
		await stopGroup(group, 5000);
		throw new Error(`create database ${database}: ${created.stderr}`);
	}
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database,
		group,
		logFile,
		sql: (statement) => {
			const result = psql(bin, port, database, statement);
			if (result.status !== 0) throw new Error(`psql: ${result.stderr.trim()}`);
			return result.stdout;
		},
		// SIGTERM is PostgreSQL's "smart" shutdown: quick once n8n, its only client, has stopped.
		stop: async () => {
			await stopGroup(group, 15_000);
			releasePorts(port);
		},
	};
}
