import { certificateViews, HIDDEN, isPrivateKeyText, isSecretField } from '../shared/json';
import type { JsonValue } from '../shared/json';

/**
 * The state of a source as it is compared, stored and output: every secret (a field named as one, see
 * isSecretField, or a private key wherever it sits) replaced by a marker, so its value is never output
 * nor stored (whether it is set still shows: null or empty stays as it is); every certificate, wherever
 * it sits, as {subject, fingerprint, notAfter} (a PEM bundle as a list of those).
 */
export function snapshot(value: unknown, key = ''): JsonValue {
	if (isSecretField(key) && value !== null && value !== '' && value !== undefined) return HIDDEN;
	if (isPrivateKeyText(value)) return HIDDEN;
	if (typeof value === 'string') {
		const views = certificateViews(value);
		return views ? (views.length === 1 ? views[0] : views) : value;
	}
	if (Array.isArray(value)) return value.map((v) => snapshot(v, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, snapshot(v, k)]),
		) as JsonValue;
	}
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
	return null;
}
