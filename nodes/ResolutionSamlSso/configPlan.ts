import type { IDataObject } from 'n8n-workflow';

import { summarize } from '../shared/json';
import { diffJson, toJsonPatch, type DiffEntry, type JsonValue } from '../shared/json';

const record = (value: JsonValue | undefined): Record<string, JsonValue> =>
	value && typeof value === 'object' && !Array.isArray(value) ? value : {};

/**
 * "IdP 2 'TIDP'" for a change under `idps[n]` (the IdP list's name comes from resolution's REST API
 * documentation for config upload; the rest of the config is opaque).
 */
export function resolutionIdpOwner(
	at: string[],
	before: JsonValue,
	after: JsonValue,
	entry?: DiffEntry,
) {
	if (at[0] !== 'idps' || at.length < 2) return undefined;
	// An IdP added: its index is in the new document (every other path indexes the old one).
	const added = entry?.operation.op === 'add' && entry.at.length === 2;
	const idpAt = (doc: JsonValue) => {
		const list = record(doc).idps;
		return record(Array.isArray(list) ? list[Number(at[1])] : undefined);
	};
	const [first, second] = added ? [after, before] : [before, after];
	const idp = Object.keys(idpAt(first)).length ? idpAt(first) : idpAt(second);
	const id =
		typeof idp.id === 'number' || typeof idp.id === 'string' ? String(idp.id) : `#${at[1]}`;
	return { label: `IdP ${id}${typeof idp.name === 'string' ? ` '${idp.name}'` : ''}`, depth: 2 };
}

/** What a configuration would change: `changes` is the RFC 6902 patch from the current configuration to the proposed one. */
export function configPlan(current: JsonValue, proposed: JsonValue): IDataObject {
	const entries = diffJson(current, proposed);
	const summary = summarize(entries, {
		before: current,
		after: proposed,
		owner: (at, entry) => resolutionIdpOwner(at, current, proposed, entry),
	});
	return {
		identical: entries.length === 0,
		changes: toJsonPatch(entries) as unknown as IDataObject[],
		summary,
	};
}
