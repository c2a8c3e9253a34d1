import { certificateViews } from './certificate';
import type { DiffEntry, JsonValue } from './jsonDiff';
import { isKeyFingerprint, isKeyMaterial, isSecretField } from './secretFields';

export interface SummaryContext {
	before: JsonValue;
	after: JsonValue;
	/**
	 * Names the thing a change belongs to ("IdP 2 'Okta'") and how many leading keys of the path that took;
	 * undefined leaves the whole path as the field. `at` indexes the old document, except the index of an
	 * element the entry adds, which is in the new one.
	 */
	owner?: (at: string[], entry: DiffEntry) => { label: string; depth: number } | undefined;
	/** A line of its own for a change (e.g. "group ops-admins no longer managed"), or undefined for the usual one. */
	describe?: (entry: DiffEntry) => string | undefined;
}

const MAX_LINES = 25;
/** Long enough for the URLs these apps hold (endpoints, metadata), short enough for a chat line. */
const MAX_VALUE_LENGTH = 100;

function lookup(doc: JsonValue | undefined, tokens: string[]): JsonValue | undefined {
	let current = doc;
	for (const token of tokens) {
		if (Array.isArray(current)) current = current[Number(token)];
		else if (
			current &&
			typeof current === 'object' &&
			Object.prototype.hasOwnProperty.call(current, token)
		)
			current = current[token];
		else return undefined;
	}
	return current;
}

/** `idps[1].button-text` from ['idps', '1', 'button-text']. */
export function fieldName(tokens: string[]): string {
	return tokens.map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : i === 0 ? t : `.${t}`)).join('');
}

export function shortValue(value: JsonValue | undefined): string {
	if (value === undefined) return 'nothing';
	const certificates = typeof value === 'string' ? certificateViews(value) : undefined;
	if (certificates?.length === 1) return `certificate ${certificateText(certificates[0])}`;
	if (certificates)
		return `${certificates.length} certificates: ${certificates.map((c) => certificateText(c)).join(', ')}`;
	if (typeof value === 'string')
		return `'${value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value}'`;
	if (value === null || typeof value !== 'object') return String(value);
	return Array.isArray(value) ? `a list of ${value.length}` : 'an object';
}

/** A certificate as the snapshots show it: {subject, fingerprint, notAfter}. */
function isCertificateView(
	value: JsonValue | undefined,
): value is { fingerprint: string; notAfter: string } {
	return (
		!!value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		typeof value.fingerprint === 'string'
	);
}

function certificateText(value: JsonValue | undefined): string {
	if (!isCertificateView(value)) return 'none';
	return `fingerprint ${value.fingerprint.slice(0, 11)}… (expires ${String(value.notAfter).slice(0, 10)})`;
}

/** The first prefix of a path that is a certificate in either document, so its fields change as one. */
function certificatePrefix(entry: DiffEntry, context: SummaryContext): string[] | undefined {
	for (let depth = 0; depth <= entry.at.length; depth++) {
		const prefix = entry.at.slice(0, depth);
		if (
			isCertificateView(lookup(context.before, prefix)) ||
			isCertificateView(lookup(context.after, prefix))
		)
			return prefix;
	}
	return undefined;
}

function line(entry: DiffEntry, context: SummaryContext): string {
	const own = context.describe?.(entry);
	if (own) return own;
	const certificate = certificatePrefix(entry, context);
	const at = certificate ?? entry.at;
	const owner = context.owner?.(at, entry);
	const field = fieldName(at.slice(owner?.depth ?? 0));
	const prefix = owner ? `${owner.label}${field ? ': ' : ''}` : '';
	const what = field || (owner ? '' : 'the whole value');
	if (certificate) {
		return `${prefix}${what} certificate changed: ${certificateText(lookup(context.before, at))} → ${certificateText(lookup(context.after, at))}`;
	}
	const { operation } = entry;
	// A secret's value is never printed: only that it was added, removed or changed.
	if (isSecret(entry))
		return `${prefix}${what} ${operation.op === 'add' ? 'added' : operation.op === 'remove' ? 'removed' : 'changed'}`.trim();
	if (operation.op === 'add')
		return `${prefix}${what} added${isScalar(entry.after) ? `: ${shortValue(entry.after)}` : ''}`.trim();
	if (operation.op === 'remove')
		return `${prefix}${what} removed${isScalar(entry.before) ? ` (was ${shortValue(entry.before)})` : ''}`.trim();
	const values =
		isScalar(entry.before) && isScalar(entry.after)
			? `: ${shortValue(entry.before)} → ${shortValue(entry.after)}`
			: '';
	return `${prefix}${what} changed${values}`.trim();
}

const isSecret = (entry: DiffEntry) =>
	entry.at.some((token) => isSecretField(token)) ||
	[entry.before, entry.after].some((value) => isKeyMaterial(value) || isKeyFingerprint(value));

const isScalar = (value: JsonValue | undefined) =>
	value === null || (value !== undefined && typeof value !== 'object');

/** Short readable lines, one per change (a certificate's fields as one), at most 25. */
export function summarize(entries: DiffEntry[], context: SummaryContext): string[] {
	const lines = [...new Set(entries.map((entry) => line(entry, context)))];
	if (lines.length <= MAX_LINES) return lines;
	return [...lines.slice(0, MAX_LINES - 1), `… and ${lines.length - MAX_LINES + 1} more changes`];
}
