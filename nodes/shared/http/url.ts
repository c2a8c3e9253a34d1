import type { IDataObject } from 'n8n-workflow';

/** One path segment: `a/b` becomes `a%2Fb`; `.` and `..`, which encodeURIComponent leaves alone, become `%2E` and `%2E%2E`. */
export function encodeSegment(segment: string | number): string {
	const text = String(segment);
	return text === '.' || text === '..' ? text.replace(/\./g, '%2E') : encodeURIComponent(text);
}

/**
 * Joins a REST prefix and path segments; every segment taken from a user is
 * encoded on its own, so `a/b` reaches the server as `a%2Fb`, never as two segments.
 */
export function apiPath(prefix: string, ...segments: Array<string | number>): string {
	return [prefix, ...segments.map(encodeSegment)].join('/');
}

const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * The first segment of a path that means "this" or "parent" folder, decoded, or undefined. Encoding
 * does not save such a segment: the HTTP client (WHATWG URL) resolves `%2E%2E` as `..` before sending,
 * and Tomcat does so after decoding, so the request would reach another endpoint than the operation's.
 */
export function dotSegmentIn(path: string): string | undefined {
	const found = path.split('/').find((segment) => DOT_SEGMENT.test(segment));
	return found === undefined ? undefined : found.replace(/%2e/gi, '.');
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
