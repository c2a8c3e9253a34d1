import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { ssoPath } from '../AtlassianDcSso/api';
import { readIdps } from '../AtlassianDcSso/reads';
import { readIdentityProviders, readManagedGroups } from '../KantegaSso/reads';
import { resolutionIdpOwner } from '../ResolutionSamlSso/configPlan';
import { readConfig } from '../ResolutionSamlSso/reads';
import type { DiffEntry, JsonValue } from '../shared/json';
import { apiRequestJson } from '../shared/http';
import { snapshot } from './snapshot';

export const CONFIGURATION_SOURCES = [
	'resolutionConfig',
	'atlassianIdentityProviders',
	'atlassianSsoSettings',
	'kantegaManagedGroups',
] as const;
export type ConfigurationSource = (typeof CONFIGURATION_SOURCES)[number];

export const SOURCE_NAMES: Record<ConfigurationSource, string> = {
	resolutionConfig: 'resolution SAML SSO Configuration',
	atlassianIdentityProviders: 'Atlassian DC SSO Identity Providers',
	atlassianSsoSettings: 'Atlassian DC SSO Settings',
	kantegaManagedGroups: 'Kantega SSO Managed Groups',
};

export interface SourceState {
	/** Compared between polls, stored, and output as `current`. */
	state: JsonValue;
	/** Names what a change belongs to, for summary lines. */
	owner?: (
		at: string[],
		before: JsonValue,
		after: JsonValue,
		entry: DiffEntry,
	) => { label: string; depth: number } | undefined;
	describe?: (entry: DiffEntry, before: JsonValue, after: JsonValue) => string | undefined;
}

const record = (value: JsonValue | undefined): Record<string, JsonValue> =>
	value && typeof value === 'object' && !Array.isArray(value) ? value : {};

/** "IdP 2 'Okta'" from the IdP keyed by its id in the old or the new state. */
function idpOwner(at: string[], before: JsonValue, after: JsonValue) {
	if (!at.length) return undefined;
	const idp = record(record(before)[at[0]] ?? record(after)[at[0]]);
	return { label: `IdP ${at[0]}${typeof idp.name === 'string' ? ` '${idp.name}'` : ''}`, depth: 1 };
}

function kantegaLine(entry: DiffEntry, before: JsonValue, after: JsonValue): string | undefined {
	const [idpId, field] = entry.at;
	const idp = record(record(before)[idpId] ?? record(after)[idpId]);
	const where = `Kantega IdP '${typeof idp.name === 'string' ? idp.name : idpId}'`;
	if (field !== 'groups') return undefined;
	if (entry.at.length === 3 && entry.operation.op === 'add')
		return `${where}: group ${String(entry.after)} now managed`;
	if (entry.at.length === 3 && entry.operation.op === 'remove')
		return `${where}: group ${String(entry.before)} no longer managed`;
	if (entry.at.length === 3)
		return `${where}: group ${String(entry.before)} no longer managed, group ${String(entry.after)} now managed`;
	return undefined;
}

const csv = (text: string) =>
	text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

async function kantegaState(ctx: IPollFunctions): Promise<JsonValue> {
	const known = await readIdentityProviders(ctx);
	const chosen = csv(ctx.getNodeParameter('kantegaIdpIds', '') as string);
	const ids = chosen.length ? chosen : known.map((idp) => String(idp.id));
	const state: Record<string, JsonValue> = {};
	for (const id of ids) {
		const groups = await readManagedGroups(ctx, id);
		// A managed group list is a set: sorted, so that an order the server happens to answer in is no change.
		const name = known.find((idp) => String(idp.id) === id)?.name;
		state[id] = { name: typeof name === 'string' ? name : null, groups: [...groups].sort() };
	}
	return state;
}

/** Reads one source's current state. Each source's key in the stored state is given by `sourceKey`. */
export async function readSource(
	ctx: IPollFunctions,
	source: ConfigurationSource,
): Promise<SourceState> {
	switch (source) {
		case 'resolutionConfig': {
			// A configuration the app says it has not (404 from the app itself, or an empty object) is a state:
			// null. The app missing altogether (the REST framework's 404) is a failure of the source.
			const { config } = await readConfig(ctx, 0, true);
			const present = config !== null && Object.keys(config).length > 0;
			return { state: present ? snapshot(config) : null, owner: resolutionIdpOwner };
		}
		case 'atlassianIdentityProviders': {
			const idps = await readIdps(ctx, 0, Infinity);
			return {
				state: snapshot(Object.fromEntries(idps.map((idp) => [String(idp.id), idp]))),
				owner: idpOwner,
			};
		}
		case 'atlassianSsoSettings':
			return {
				state: snapshot(await apiRequestJson<IDataObject>(ctx, { method: 'GET', path: ssoPath() })),
			};
		case 'kantegaManagedGroups':
			return {
				state: await kantegaState(ctx),
				describe: kantegaLine,
				owner: (at) => (at.length ? { label: `Kantega IdP ${at[0]}`, depth: 1 } : undefined),
			};
	}
}

/** Where a source's state is stored: a new list of Kantega IdPs starts a new baseline instead of reporting a change. */
export function sourceKey(ctx: IPollFunctions, source: ConfigurationSource): string {
	if (source !== 'kantegaManagedGroups') return source;
	const ids = csv(ctx.getNodeParameter('kantegaIdpIds', '') as string);
	return ids.length ? `${source}:${ids.join(',')}` : source;
}

export { csv };
