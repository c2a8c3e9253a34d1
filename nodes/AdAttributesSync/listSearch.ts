import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { locatorValue, searchResults } from '../shared/node';
import { readConnections } from './reads';

const connections = async (ctx: ILoadOptionsFunctions) =>
	await readConnections(ctx, 0, { orEmpty: true });

/** The chosen connection, '' when none or when it cannot be known yet (an expression over input data). */
function chosenConnection(ctx: ILoadOptionsFunctions): string {
	try {
		return locatorValue(ctx, 'connection');
	} catch {
		return '';
	}
}

const asOptions = (names: string[]): INodePropertyOptions[] =>
	[...new Set(names)].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name }));

export const listSearch = {
	async searchConnections(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const names = Object.keys(await connections(this));
		return searchResults(
			names.map((name) => ({ name, value: name })),
			filter,
		);
	},
};

export const loadOptions = {
	/** The chosen connection's attribute names; every connection's when none is chosen or it is given by ID. */
	async getConnectionFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const all = await connections(this);
		const chosen = all[chosenConnection(this)];
		return asOptions(
			Array.isArray(chosen)
				? chosen
				: Object.values(all).flatMap((fields) => (Array.isArray(fields) ? fields : [])),
		);
	},

	async getConnectionNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return asOptions(Object.keys(await connections(this)));
	},
};
