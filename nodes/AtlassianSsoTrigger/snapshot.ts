import {
	certificateViews,
	HIDDEN,
	isKeyMaterial,
	isSecretField,
	keyFingerprint,
} from '../shared/json';
import type { JsonValue } from '../shared/json';

/**
 * The state of a source as it is compared, stored and output: every secret field (named as one, see
 * isSecretField) replaced by a marker, and every value that looks like key material wherever it sits (a
 * PEM block but a certificate, a long base64 value that is not a certificate, see isKeyMaterial) by a
 * marker with the start of its SHA-256, so its value is never output nor stored (whether it is set, and
 * whether a key was rotated, still shows: null or empty stays as it is); every certificate, wherever
 * it sits, as {subject, fingerprint, notAfter} (a PEM bundle as a list of those).
 */
export function snapshot(value: unknown, key = ''): JsonValue {
	if (isSecretField(key) && value !== null && value !== '' && value !== undefined) return HIDDEN;
	if (typeof value === 'string') {
		if (isKeyMaterial(value)) return keyFingerprint(value);
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
