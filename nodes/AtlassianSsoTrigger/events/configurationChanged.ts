import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { summarize } from '../../shared/json';
import { diffJson, toJsonPatch, type JsonValue } from '../../shared/json';
import {
	CONFIGURATION_SOURCES,
	readSource,
	SOURCE_NAMES,
	sourceKey,
	type ConfigurationSource,
} from '../sources';
import { attempt, type SourceRead } from '../health';
import type { TriggerEvent } from './triggerEvent';

const NO_BASELINE =
	'Nothing stored to compare with yet: the first poll of the active workflow records this state as the baseline';
const NO_CHANGE = 'No change since the last poll';

type Stored = Record<string, JsonValue>;

function chosenSources(ctx: IPollFunctions): ConfigurationSource[] {
	const sources = (ctx.getNodeParameter('sources', []) as string[]).filter(
		(s): s is ConfigurationSource => (CONFIGURATION_SOURCES as readonly string[]).includes(s),
	);
	if (!sources.length)
		throw new NodeOperationError(
			ctx.getNode(),
			'No source chosen: choose at least one in "Sources"',
		);
	return sources;
}

/** The lines of a source that disappeared (its state null) or came back. */
function presenceLine(source: ConfigurationSource, before: JsonValue, after: JsonValue) {
	if (after === null)
		return `${SOURCE_NAMES[source]} is gone: the server answers that there is none`;
	if (before === null) return `${SOURCE_NAMES[source]} is back`;
	return undefined;
}

/**
 * One item per source whose state differs from the stored one. A source seen for the first time
 * records a baseline and emits nothing; in manual mode every source that answers is output, changed or not.
 * Each source is read on its own: one that fails keeps its stored state and is reported by the trigger
 * (sourceFailed / sourceRecovered), the others are compared as usual.
 */
async function poll(ctx: IPollFunctions, stored: Stored | undefined, manual: boolean) {
	const next: Stored = {};
	const items: IDataObject[] = [];
	const reads: SourceRead[] = [];
	for (const source of chosenSources(ctx)) {
		const key = sourceKey(ctx, source);
		const before = stored?.[key];
		const read = await attempt(async () => await readSource(ctx, source));
		reads.push({ key, fields: { source }, error: 'error' in read ? read.error : undefined });
		if ('error' in read) {
			if (before !== undefined) next[key] = before;
			continue;
		}
		const { state, owner, describe } = read.value;
		next[key] = state;
		if (before === undefined && !manual) continue;
		const entries = before === undefined ? [] : diffJson(before, state);
		if (!entries.length && !manual) continue;
		const presence = before === undefined ? undefined : presenceLine(source, before, state);
		const summary =
			before === undefined
				? [NO_BASELINE]
				: presence
					? [presence]
					: entries.length
						? summarize(entries, {
								before,
								after: state,
								owner: owner && ((at, entry) => owner(at, before, state, entry)),
								describe: describe && ((entry) => describe(entry, before, state)),
							})
						: [NO_CHANGE];
		items.push({
			source,
			changes: toJsonPatch(entries) as unknown as IDataObject[],
			summary,
			current: state as IDataObject,
		});
	}
	return { items, state: next, reads };
}

export const configurationChanged: TriggerEvent<Stored> = {
	option: {
		name: 'Configuration Changed',
		value: 'configurationChanged',
		description:
			'The SSO configuration differs from the last poll, with a JSON Patch and readable lines of what changed',
	},
	properties: [
		{
			displayName: 'Sources',
			name: 'sources',
			type: 'multiOptions',
			required: true,
			default: ['atlassianIdentityProviders', 'atlassianSsoSettings'],
			options: CONFIGURATION_SOURCES.map((value) => ({ name: SOURCE_NAMES[value], value })),
			description:
				'What to watch. Secrets are never output or stored; certificates are compared and shown by fingerprint and expiry date.',
		},
		{
			displayName: 'Kantega IdP IDs',
			name: 'kantegaIdpIds',
			type: 'string',
			default: '',
			placeholder: '1ncq3jsPC74BGuNnfZPl',
			description:
				'The Kantega SSO identity providers whose managed groups to watch, comma-separated; empty watches every one',
			displayOptions: { show: { sources: ['kantegaManagedGroups'] } },
		},
	],
	poll,
};
