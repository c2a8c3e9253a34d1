/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
/**
 * Standalone simulator:
 *   npm run simulator -- --port 8090 --product jira --context-path /jira --ad-users 50000 --latency-ms 20 --ad-max-page-size 100 --rate-limit 50/1:100
 * Env vars SIM_PORT, SIM_PRODUCT, SIM_CONTEXT_PATH, SIM_AD_USERS, SIM_LATENCY_MS, SIM_AD_MAX_PAGE_SIZE, SIM_RATE_LIMIT work too (flags win).
 */
import { SIMULATOR_USERS, startSimulator } from './index';
import type { Product, SimulatorOptions } from './types';

function arg(name: string, envName: string): string | undefined {
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === `--${name}`) return argv[i + 1];
		if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
	}
	return process.env[envName];
}

function num(name: string, envName: string, fallback: number): number {
	const raw = arg(name, envName);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0)
		throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
	return value;
}

/**
 * `--rate-limit 50/1:100`: 50 tokens every 1 s, at most 100 (Jira's "requests allowed" and "max requests");
 * `--rate-limit-headers false`: 429 with Retry-After only, no X-RateLimit headers.
 */
function rateLimit(): SimulatorOptions['rateLimit'] {
	const raw = arg('rate-limit', 'SIM_RATE_LIMIT');
	if (!raw) return null;
	const match = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?):(\d+)$/.exec(raw);
	if (!match)
		throw new Error(
			`--rate-limit must look like 50/1:100 (fill rate / interval seconds : max), got "${raw}"`,
		);
	const headers = arg('rate-limit-headers', 'SIM_RATE_LIMIT_HEADERS') !== 'false';
	return {
		fillRate: Number(match[1]),
		intervalSeconds: Number(match[2]),
		limit: Number(match[3]),
		headers,
	};
}

async function main(): Promise<void> {
	const product = (arg('product', 'SIM_PRODUCT') ?? 'jira') as Product;
	if (!['jira', 'confluence', 'bitbucket'].includes(product))
		throw new Error(`--product must be jira, confluence or bitbucket`);
	const options: SimulatorOptions = {
		port: num('port', 'SIM_PORT', 8090),
		product,
		contextPath: arg('context-path', 'SIM_CONTEXT_PATH') ?? '',
		adUsers: num('ad-users', 'SIM_AD_USERS', 1200),
		latencyMs: num('latency-ms', 'SIM_LATENCY_MS', 0),
		adMaxPageSize: num('ad-max-page-size', 'SIM_AD_MAX_PAGE_SIZE', 1000),
		rateLimit: rateLimit(),
	};
	const sim = await startSimulator(options);
	console.log(`Simulator listening on ${sim.url}`);
	console.log(
		`  product: ${product}, AD users: ${options.adUsers}, latency: ${options.latencyMs} ms`,
	);
	for (const u of Object.values(SIMULATOR_USERS)) {
		console.log(
			`  ${u.sysadmin ? 'sysadmin' : 'user    '} ${u.username} / ${u.password}  (personal access token: ${u.token})`,
		);
	}
	console.log(`  control: ${sim.url}/__simulator/{requests,faults,state,reset,latency}`);
	const stop = () => {
		sim.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
