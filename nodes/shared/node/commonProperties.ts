import type { INodeProperties } from 'n8n-workflow';

import { MAX_LIMIT } from './parameters';

/** `returnAll` and `limit` (shown when not returning all), as n8n's own list operations have them. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_LIMIT },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const dryRunOption: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to send nothing and output the request that would be sent (method, URL, body) instead',
};

/** An operation's `options` collection, its entries sorted by name as n8n's editor expects. */
export function optionsCollection(...options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The `options` collection of a mutating operation: `dryRun` plus the operation's own options. */
export function mutationOptions(...extra: INodeProperties[]): INodeProperties {
	return optionsCollection(dryRunOption, ...extra);
}

/** The `confirm` switch of a destructive operation: nothing is sent unless it is on. */
export function confirmProperty(whatIsDeleted: string): INodeProperties {
	return {
		displayName: 'Confirm',
		name: 'confirm',
		type: 'boolean',
		default: false,
		description: `Whether to really delete. ${whatIsDeleted} Unless this is on, nothing is sent and the node fails.`,
	};
}

/** The option that turns a node's lockout guard off; `refused` says what the guard refuses, after "Whether to skip the check that refuses". */
export function skipLockoutCheckOption(refused: string): INodeProperties {
	return {
		displayName: 'Skip Lockout Check',
		name: 'skipLockoutCheck',
		type: 'boolean',
		default: false,
		description: `Whether to skip the check that refuses ${refused}`,
	};
}

/** The warning of a destructive operation, shown on the panel above its parameters (not only in a tooltip). */
export function destructiveNotice(warning: string): INodeProperties {
	return { displayName: warning, name: 'destructiveNotice', type: 'notice', default: '' };
}
