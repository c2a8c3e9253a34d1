import { certificateView } from '../shared/certificate';
import type { JsonValue } from '../shared/jsonDiff';
import { HIDDEN } from '../shared/redactSecrets';

/** Field names whose values are secrets: never output, stored or compared (a change of one goes unseen). */
const SECRET_FIELD = /secret|password|passphrase|private.?key|token/i;

/**
 * The state of a source as it is compared, stored and output: secrets hidden,
 * every certificate (wherever it sits) as {subject, fingerprint, notAfter}.
 */
export function snapshot(value: unknown, key = ''): JsonValue {
	if (SECRET_FIELD.test(key) && value !== null && value !== '') return HIDDEN;
	if (typeof value === 'string') return (value.length >= 100 && certificateView(value)) || value;
	if (Array.isArray(value)) return value.map((v) => snapshot(v, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, snapshot(v, k)])) as JsonValue;
	}
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
	return null;
}
