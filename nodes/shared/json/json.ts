import type { IDataObject } from 'n8n-workflow';

export function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, in words and with its start, for errors about answers of the wrong shape. */
export function describeValue(value: unknown): string {
	const kind = Array.isArray(value)
		? 'an array'
		: value === null
			? 'null'
			: isRecord(value)
				? 'an object'
				: `a ${typeof value}`;
	let text: string;
	try {
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return `${kind}: ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`;
}
