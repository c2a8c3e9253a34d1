/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, no-console */
/**
 * A PostgreSQL of the suite's own: initdb into a folder under the caller's temp dir, then the
 * `postgres` server as a plain process on 127.0.0.1 on a free port (its socket in that folder too),
 * trust authentication for the `postgres` user, one database created. PostgreSQL refuses to run as
 * root: as root, the folder is given to the `postgres` user (created by Debian's package) and the
 * programs run through runuser. Never a system service: a cluster Debian may have started is ignored.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { ensureDebianPackages, findPostgresBin, isRoot, POSTGRES_PACKAGE } from './debian';
import { freePort, type ServiceProcess, startProcess, waitUntil } from './process';

export interface Postgres {
	host: string;
	port: number;
	user: string;
	database: string;
	process: ServiceProcess;
	/** Runs one SQL statement with psql; returns its unaligned, tuples-only output. */
	sql: (statement: string) => string;
	stop: () => Promise<void>;
}

function postgresUid(): { uid: number; gid: number } {
	const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
	const uid = id('-u');
	const gid = id('-g');
	if (uid.status !== 0 || gid.status !== 0)
		throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The command line that runs a PostgreSQL program as the right user. */
function asDbUser(program: string, args: string[]): [string, string[]] {
	return isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function psql(
	bin: string,
	port: number,
	database: string,
	statement: string,
): { status: number | null; stdout: string; stderr: string } {
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

export async function startPostgres(
	dir: string,
	database = 'n8n',
	attempts = 3,
): Promise<Postgres> {
	ensureDebianPackages([POSTGRES_PACKAGE]);
	const bin = findPostgresBin();
	if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
	const data = join(dir, 'data');
	mkdirSync(dir, { recursive: true });
	if (isRoot()) {
		const { uid, gid } = postgresUid();
		// The postgres user must reach the folder: its parent (a 0700 temp dir) gets search permission.
		const parent = dirname(dir);
		chmodSync(parent, statSync(parent).mode | 0o011);
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
	console.error(
		`[services] PostgreSQL ${bin.split('/').slice(-2, -1)[0]}: initdb in ${Math.round((Date.now() - t0) / 1000)} s`,
	);

	let lastError: Error | undefined;
	for (let attempt = 1; attempt <= attempts; attempt++) {
		const port = await freePort();
		const [cmd, args] = asDbUser(join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		]);
		const server = startProcess('postgres', cmd, args, {
			logFile: join(dir, 'postgres.log'),
			cwd: dir,
		});
		try {
			await waitUntil(
				`postgres on port ${port}`,
				30_000,
				async () => psql(bin, port, 'postgres', 'select 1').stdout.trim() === '1',
				server,
			);
			const created = psql(bin, port, 'postgres', `create database "${database}"`);
			if (created.status !== 0) throw new Error(`create database ${database}: ${created.stderr}`);
			return {
				host: '127.0.0.1',
				port,
				user: 'postgres',
				database,
				process: server,
				sql: (statement) => {
					const result = psql(bin, port, database, statement);
					if (result.status !== 0) throw new Error(`psql: ${result.stderr.trim()}`);
					return result.stdout;
				},
				// SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients to disconnect).
				stop: async () => await server.stop('SIGINT', 10_000),
			};
		} catch (error) {
			lastError = error as Error;
			await server.stop('SIGKILL', 1000);
		}
	}
	throw lastError ?? new Error('postgres did not start');
}
