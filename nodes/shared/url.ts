import type { IDataObject } from 'n8n-workflow';

/** `https://host/jira/` -> `https://host/jira`: the context path is kept, trailing slashes dropped. */
export function normalizeBaseUrl(baseUrl: string): string {
	return baseUrl.trim().replace(/\/+$/, '');
}

/**
 * Joins a REST prefix and path segments; every segment taken from a user is
 * encoded on its own, so `a/b` reaches the server as `a%2Fb`, never as two segments.
 */
export function apiPath(prefix: string, ...segments: Array<string | number>): string {
	const encoded = segments.map((segment) => encodeURIComponent(String(segment)));
	return [prefix, ...encoded].join('/');
}

/** Builds a query string from defined values only (arrays repeat the key). */
export function buildQuery(qs: IDataObject | undefined): string {
	if (!qs) return '';
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null || value === '') continue;
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) params.append(key, String(v));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}
