/** Whether the requests a run sent stay under the operation's prefix, each id exactly one path segment. */
import type { RecordedRequest } from '../simulator';

export interface Placeholders {
	/** The value a placeholder must decode to, or undefined when any one non-empty segment will do (a URL-mode locator, another type). */
	[name: string]: string | undefined;
}

function decoded(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

function matches(template: string, segments: string[], values: Placeholders): boolean {
	const parts = template.split('/').slice(1);
	if (parts.length !== segments.length) return false;
	return parts.every((part, i) => {
		const placeholder = /^\{(.+)\}$/.exec(part)?.[1];
		if (!placeholder) return part === segments[i];
		const value = decoded(segments[i]);
		if (!segments[i] || value === undefined) return false;
		const expected = values[placeholder];
		return expected === undefined || value === expected || value === expected.trim();
	});
}

/** Problems of one request: outside the prefix, a dot segment, or no path of the operation it fits. */
export function pathProblems(
	request: RecordedRequest,
	prefix: string,
	templates: string[],
	values: Placeholders,
): string[] {
	const where = `${request.method} ${request.path}`;
	if (!request.path.startsWith(`${prefix}/`)) return [`${where} is outside ${prefix}`];
	const segments = request.path.slice(prefix.length + 1).split('/');
	if (segments.some((s) => /^(\.|%2e){1,2}$/i.test(s))) return [`${where} has a dot segment`];
	if (!templates.some((t) => matches(t, segments, values)))
		return [
			`${where} fits none of ${templates.join(', ')} with ${JSON.stringify(values).slice(0, 300)}`,
		];
	return [];
}
