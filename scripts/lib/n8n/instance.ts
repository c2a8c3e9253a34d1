/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Throw-away n8n instances with a community package installed the way users install it (into
 * <user folder>/.n8n/nodes), and n8n processes (a main, `n8n start`, or a worker, `n8n worker`)
 * on loopback ports they own:
 *
 *   const instance = await createInstance({ version: '2.41.1' });   // provisions n8n when needed
 *   await instance.installPackage(tgz);
 *   const main = await instance.start();                             // ready, owner set up, logged in
 *   await main.rest.nodeTypes();                                     // see rest.ts
 *   await main.stop();                                               // or instance.dispose()
 *
 * Queue mode: give every instance the same `encryptionKey` and the DB/queue variables in `env`
 * (or start several processes of one instance: one user folder); `instance.start({ command:
 * 'worker', env })` starts a worker, ready when its health endpoint answers. Each process gets its
 * own ports: N8N_PORT (main), QUEUE_HEALTH_CHECK_PORT (worker) and N8N_RUNNERS_BROKER_PORT (both).
 * Everything started is stopped when the script ends, and temp folders are deleted (unless `keep`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';

import { logger, secondsSince } from './log';
import { tail, startOwnedServer } from './owned-server';
import { freePort, pickPort, releasePorts } from './ports';
import { cleanNpmEnv, n8nInstall, N8N2_VERSION, provisionN8n, type N8nInstall } from './provision';
import { runProbe } from './probes/run';
import {
	killGroup,
	removeAtExit,
	run,
	running,
	spawnGroup,
	stopGroup,
	type Group,
} from './processes';
import { N8nRest, type Owner } from './rest';
import { answers } from './wait';

const log = logger('n8n');

export const DEFAULT_OWNER: Owner = {
	email: process.env.N8NI_OWNER_EMAIL || 'owner@example.com',
	password: process.env.N8NI_OWNER_PASSWORD || 'E2e-Owner-Passw0rd',
	firstName: 'E2e',
	lastName: 'Owner',
};

/**
 * What n8n logs when a community package, node or credential fails to load (2.41.1: `Failed to
 * load package "<pkg>"` + the error on the next line; 1.123.81: `Cannot find module '...'` + a
 * require stack into .n8n/nodes), and from n8n's sources: `Skipping package ...`, `Failed to load
 * Custom API options for the node ...`, `n8n detected that some packages are missing`.
 */
export const LOAD_ERROR_PATTERN =
	/Failed to load package|Skipping package|Unrecognized (node|credential) type|Failed to load Custom API options|n8n detected that some packages are missing|Cannot find module|^- .*\/\.n8n\/nodes\/node_modules\//;

export interface InstanceOptions {
	/** '2.41.1' (default, on Node 24) or '1.123.81' (on the machine's Node 20). */
	version?: string;
	/** The user folder (N8N_USER_FOLDER); default: a new temp folder, deleted at exit unless `keep`. */
	home?: string;
	/** Keep the temp user folder at exit (default: N8NI_KEEP=1). */
	keep?: boolean;
	/** N8N_ENCRYPTION_KEY (default: random). Queue mode: the same on every instance. */
	encryptionKey?: string;
	/** The owner account set up on the first start of a main (default owner@example.com). */
	owner?: Owner;
	/** N8N_LOG_LEVEL (default N8NI_LOG_LEVEL or info: a failed run's details and load errors are logged at info). */
	logLevel?: string;
	/** More environment for every process of this instance (e.g. DB_TYPE=postgresdb, EXECUTIONS_MODE=queue). */
	env?: Record<string, string>;
}

export interface StartOptions {
	/** 'start' (a main, default) or 'worker'. */
	command?: 'start' | 'worker';
	/** More CLI arguments, e.g. ['--concurrency=5'] for a worker. */
	args?: string[];
	/** Environment for this process only (wins over the instance's). */
	env?: Record<string, string>;
	/** Preferred HTTP port (a main's N8N_PORT, a worker's QUEUE_HEALTH_CHECK_PORT), used when free. */
	port?: number;
	/** Readiness deadline (default 120 s). */
	timeoutMs?: number;
	/** Pause between readiness probes (default 250 ms; the benchmark's start-up timing uses 50). */
	pollMs?: number;
	/** Log file (default <home>/n8n.log for a main, <home>/worker-N.log for a worker). */
	logFile?: string;
	/** A main: set up the owner (when n8n asks for one) and log in (default true). */
	login?: boolean;
}

let workerCount = 0;

/** A started n8n process (a main or a worker). */
export class N8nProcess {
	/** The REST client of a main (logged in as the owner unless start({ login: false })). */
	readonly rest: N8nRest;

	constructor(
		readonly instance: N8nInstance,
		readonly kind: 'main' | 'worker',
		readonly group: Group,
		/** http: N8N_PORT (main), health: QUEUE_HEALTH_CHECK_PORT (worker), broker: N8N_RUNNERS_BROKER_PORT */
		readonly ports: { http?: number; health?: number; broker: number },
		readonly logFile: string,
		private readonly logOffset: number,
		private readonly readyOffset: number,
		/** Milliseconds from spawn to readiness. */
		readonly readyMs: number,
	) {
		this.rest = new N8nRest(this.url, {
			major: instance.install.major,
			parseFlatted: instance.parseFlatted,
		});
	}

	get pid(): number {
		return this.group.pid;
	}

	/** http://127.0.0.1:<N8N_PORT> for a main, http://127.0.0.1:<QUEUE_HEALTH_CHECK_PORT> for a worker. */
	get url(): string {
		return `http://127.0.0.1:${this.kind === 'main' ? this.ports.http : this.ports.health}`;
	}

	alive(): boolean {
		return running(this.group);
	}

	/** What this process logged so far. */
	log(): string {
		return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8').slice(this.logOffset) : '';
	}

	/** What it logged from its start up to readiness (packages are loaded by then). */
	startupLog(): string {
		return this.log().slice(0, this.readyOffset - this.logOffset);
	}

	/** Lines of the start-up log reporting a package, node or credential that failed to load, each with the line after it. */
	packageLoadErrors(): string[] {
		const lines = this.startupLog().split('\n');
		const out: string[] = [];
		lines.forEach((line, i) => {
			if (!LOAD_ERROR_PATTERN.test(line)) return;
			out.push(line);
			if (i + 1 < lines.length && lines[i + 1] && !LOAD_ERROR_PATTERN.test(lines[i + 1]))
				out.push(lines[i + 1]);
		});
		return out;
	}

	/** SIGTERM to its process group, SIGKILL after `graceMs`. */
	async stop(graceMs = 20_000): Promise<void> {
		if (this.alive()) log(`stopping n8n ${this.kind} (pid ${this.pid})`);
		await stopGroup(this.group, graceMs);
		releasePorts(this.ports.http, this.ports.health, this.ports.broker);
		this.instance.forget(this);
	}

	/** SIGKILL to its process group at once (a crash). */
	async kill(): Promise<void> {
		log(`killing n8n ${this.kind} (pid ${this.pid})`);
		await killGroup(this.group);
		releasePorts(this.ports.http, this.ports.health, this.ports.broker);
		this.instance.forget(this);
	}
}

/** A user folder with an n8n version, an encryption key and an owner; processes start from it. */
export class N8nInstance {
	readonly processes = new Set<N8nProcess>();
	private flatted?: (text: string) => unknown;

	constructor(
		readonly install: N8nInstall,
		readonly home: string,
		readonly encryptionKey: string,
		readonly owner: Owner,
		readonly logLevel: string,
		readonly extraEnv: Record<string, string>,
	) {}

	get version(): string {
		return this.install.version;
	}

	/** The folder community packages are installed into (<home>/.n8n/nodes). */
	get nodesDir(): string {
		return join(this.home, '.n8n', 'nodes');
	}

	/** Parses the flatted text n8n stores execution data in (with n8n's own flatted). */
	readonly parseFlatted = (text: string): unknown => {
		this.flatted ??= (
			createRequire(join(this.install.modules, 'n8n', 'package.json'))('flatted') as {
				parse: (t: string) => unknown;
			}
		).parse;
		return this.flatted(text);
	};

	/** The environment of this instance's n8n processes (without ports). */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			...cleanNpmEnv(),
			PATH: `${dirname(this.install.node)}${delimiter}${cleanNpmEnv().PATH}`,
			N8N_USER_FOLDER: this.home,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			DB_TYPE: 'sqlite',
			N8N_LOG_LEVEL: this.logLevel,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			// 1.x otherwise tries the isolated-vm expression engine and fails to start.
			...(this.install.major === 1 ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
			// 2.x: it fetches a server list from n8n's cloud at start.
			...(this.install.major === 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
			...this.extraEnv,
			...extra,
		};
	}

	/**
	 * Installs a packed community package the way n8n installs community packages, into
	 * <home>/.n8n/nodes; returns the installed package's folder.
	 */
	async installPackage(tgz: string): Promise<string> {
		const file = resolve(tgz);
		if (!existsSync(file)) throw new Error(`no such package tarball: ${tgz}`);
		mkdirSync(this.nodesDir, { recursive: true });
		const manifest = join(this.nodesDir, 'package.json');
		if (!existsSync(manifest))
			writeFileSync(manifest, '{"name":"installed-nodes","private":true}\n');
		log(`installing ${basename(file)} into ${this.nodesDir}`);
		const result = await run(
			'npm',
			[
				'install',
				'--omit=peer',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				'--package-lock=false',
				file,
			],
			{ cwd: this.nodesDir, env: cleanNpmEnv() },
		);
		if (result.code !== 0)
			throw new Error(`npm install ${basename(file)} failed:\n${tail(result.output, 20)}`);
		const listed = await run('tar', ['-xzOf', file, 'package/package.json']);
		const name = (JSON.parse(listed.stdout) as { name: string }).name;
		return join(this.nodesDir, 'node_modules', name);
	}

	/**
	 * The node types ("<package>.<name>") or credential types a package folder declares, read by
	 * loading its files under this n8n's Node with n8n's modules on the path (as n8n loads them).
	 * Throws when a file does not load.
	 */
	async declaredTypes(packageDir: string, kind: 'nodes' | 'credentials'): Promise<string[]> {
		const modules = this.install.modules;
		const result = await runProbe(this.install.node, 'package-types', [packageDir, kind], {
			env: { NODE_PATH: `${modules}${delimiter}${join(modules, 'n8n', 'node_modules')}` },
		});
		if (result.code !== 0) throw new Error(`${packageDir}: ${result.output.trim()}`);
		return result.stdout.split('\n').filter(Boolean);
	}

	/** Runs n8n's CLI of this instance in the foreground (e.g. `['list:workflow']`); its exit code and output. */
	async cli(
		args: string[],
		env: Record<string, string> = {},
	): Promise<{ code: number | null; output: string }> {
		return await run(this.install.node, [this.install.bin, ...args], {
			cwd: this.home,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
		});
	}

	/**
	 * Starts `n8n start` (a main) or `n8n worker` on ports of its own, and waits until it is ready
	 * over HTTP: a main when /healthz/readiness and /rest/settings answer (n8n 1.x answered 404 on
	 * its REST routes for seconds after readiness), a worker when its health server's
	 * /healthz/readiness answers. A main then has its owner set up and is logged in.
	 */
	async start(options: StartOptions = {}): Promise<N8nProcess> {
		const kind = options.command === 'worker' ? 'worker' : 'main';
		const logFile =
			options.logFile ??
			join(this.home, kind === 'main' ? 'n8n.log' : `worker-${++workerCount}.log`);
		const t0 = Date.now();
		log(
			`starting n8n ${this.version} ${kind} in ${this.home} (about 10 s${kind === 'worker' ? ', a worker up to 30 s' : ''})...`,
		);
		const { group, ports, readyMs, logOffset } = await startOwnedServer({
			what: `n8n ${this.version} ${kind}`,
			logFile,
			timeoutMs: options.timeoutMs ?? 120_000,
			intervalMs: options.pollMs,
			log,
			choosePorts: async (attempt) => {
				const http = await pickPort(attempt === 1 ? options.port : undefined);
				return { http, broker: await freePort() };
			},
			spawn: ({ http, broker }) =>
				spawnGroup(
					`n8n ${kind}`,
					this.install.node,
					[this.install.bin, kind === 'main' ? 'start' : 'worker', ...(options.args ?? [])],
					{
						cwd: this.home,
						logFile,
						env: this.env({
							N8N_RUNNERS_BROKER_PORT: String(broker),
							...(kind === 'main'
								? { N8N_PORT: String(http) }
								: { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(http) }),
							...options.env,
						}),
					},
				),
			ready: async ({ http }) => {
				const url = `http://127.0.0.1:${http}`;
				if (kind === 'worker') return await answers(`${url}/healthz/readiness`);
				return (
					(await answers(`${url}/healthz/readiness`)) && (await answers(`${url}/rest/settings`))
				);
			},
		});
		const readyOffset = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
		const started = new N8nProcess(
			this,
			kind,
			group,
			kind === 'main'
				? { http: ports.http, broker: ports.broker }
				: { health: ports.http, broker: ports.broker },
			logFile,
			logOffset,
			readyOffset,
			readyMs,
		);
		this.processes.add(started);
		log(
			`n8n ${this.version} ${kind} ready at ${started.url} in ${secondsSince(t0)}s (pid ${group.pid})`,
		);
		if (kind === 'main' && options.login !== false) {
			await started.rest.ensureOwner(this.owner);
			await started.rest.login(this.owner);
		}
		return started;
	}

	/** @internal a process stopped */
	forget(stopped: N8nProcess): void {
		this.processes.delete(stopped);
	}

	/** Stops every process of this instance. */
	async stop(): Promise<void> {
		await Promise.all([...this.processes].map(async (p) => await p.stop()));
	}
}

/**
 * A new instance: provisions n8n `version` when needed, makes the user folder and picks an
 * encryption key. Nothing runs yet (see `start`).
 */
export async function createInstance(options: InstanceOptions = {}): Promise<N8nInstance> {
	const install = await provisionN8n(options.version ?? N8N2_VERSION);
	return instanceFor(install, options);
}

/** Like createInstance for an n8n that is provisioned already (no provisioning check). */
export function instanceFor(
	install: N8nInstall = n8nInstall(),
	options: InstanceOptions = {},
): N8nInstance {
	let home = options.home;
	if (!home) {
		home = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'n8n-e2e.'));
		if (!(options.keep ?? process.env.N8NI_KEEP === '1')) removeAtExit(home);
		else log(`keeping ${home} after exit (N8NI_KEEP=1)`);
	}
	mkdirSync(join(home, '.n8n'), { recursive: true });
	const instance = new N8nInstance(
		install,
		home,
		options.encryptionKey ?? randomBytes(24).toString('hex'),
		options.owner ?? DEFAULT_OWNER,
		options.logLevel ?? (process.env.N8NI_LOG_LEVEL || 'info'),
		options.env ?? {},
	);
	log(`instance: n8n ${install.version} in ${home}`);
	return instance;
}
