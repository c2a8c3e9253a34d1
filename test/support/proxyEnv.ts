/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The environment variables n8n's HTTP client reads to choose a proxy (proxy-from-env, lower case
 * before upper case, npm's own first). A test file that sets them saves them all first, clears them,
 * and restores them at its end, so that neither the machine's proxy settings nor its own leak.
 */
export const PROXY_VARIABLES = [
	'http_proxy',
	'HTTP_PROXY',
	'https_proxy',
	'HTTPS_PROXY',
	'all_proxy',
	'ALL_PROXY',
	'no_proxy',
	'NO_PROXY',
	'npm_config_http_proxy',
	'npm_config_https_proxy',
	'npm_config_proxy',
	'npm_config_no_proxy',
] as const;

export type ProxyVariable = (typeof PROXY_VARIABLES)[number];

/** Clears every proxy variable; answers a function that puts back what was there. */
export function clearProxyEnv(): () => void {
	const saved = new Map(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
	const clear = () => {
		for (const name of PROXY_VARIABLES) delete process.env[name];
	};
	clear();
	return () => {
		clear();
		for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
	};
}

/** Sets exactly these proxy variables (the others cleared). */
export function setProxyEnv(values: Partial<Record<ProxyVariable, string>>): void {
	for (const name of PROXY_VARIABLES) delete process.env[name];
	for (const [name, value] of Object.entries(values)) process.env[name] = value;
}
