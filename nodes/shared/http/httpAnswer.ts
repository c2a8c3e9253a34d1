import { isRecord } from '../json';

/** What the transport keeps of an HTTP answer: enough to judge it, never the request's credentials. */
export interface HttpAnswer {
	statusCode: number;
	headers: Record<string, string | undefined>;
	body: string;
}

export function header(answer: HttpAnswer, name: string): string {
	return answer.headers[name.toLowerCase()] ?? '';
}

export function isHtml(answer: HttpAnswer): boolean {
	return (
		header(answer, 'content-type').includes('text/html') ||
		/^\s*<(!doctype\s+html|html)/i.test(answer.body)
	);
}

/** Parses a JSON body, or answers undefined (empty, plain text, HTML, truncated). */
export function parseJson(body: string): unknown {
	if (!body.trim()) return undefined;
	try {
		return JSON.parse(body) as unknown;
	} catch {
		return undefined;
	}
}

/** The vendor's own words from an error body: `message`, Jira's `errorMessages`, the `errors` map, plain text or an HTML title. */
export function vendorMessage(answer: HttpAnswer): string {
	const json = parseJson(answer.body);
	if (isRecord(json)) {
		const parts: string[] = [];
		if (typeof json.message === 'string') parts.push(json.message);
		if (typeof json.errorMessage === 'string') parts.push(json.errorMessage);
		if (Array.isArray(json.errorMessages)) parts.push(...json.errorMessages.map(String));
		if (isRecord(json.errors)) {
			for (const [field, messages] of Object.entries(json.errors)) {
				const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
				parts.push(`${field}: ${list.join(', ')}`);
			}
		} else if (Array.isArray(json.errors)) {
			parts.push(
				...json.errors.map((e) => (isRecord(e) && e.message ? String(e.message) : String(e))),
			);
		}
		return parts.filter(Boolean).join('; ');
	}
	if (isHtml(answer)) {
		const title = /<title>([^<]*)<\/title>/i.exec(answer.body);
		return title ? title[1].trim() : '';
	}
	return answer.body.trim().slice(0, 300);
}
