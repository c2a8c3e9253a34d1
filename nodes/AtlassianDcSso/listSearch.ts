import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { searchResults } from '../shared/node';
import { collectPages, PageGuard } from '../shared/http';
import { idpsPath } from './api';
import { readIdpPage } from './reads';

function entry(idp: IDataObject): INodeListSearchItems {
	const id = String(idp.id);
	const type = typeof idp['sso-type'] === 'string' ? idp['sso-type'] : '';
	const name = typeof idp.name === 'string' && idp.name ? idp.name : `Identity provider ${id}`;
	return { name, value: id, description: `${type} · ID ${id}` };
}

export const listSearch = {
	/**
	 * Without a search text, one page at a time (the editor asks for the next one on scrolling).
	 * The app cannot search: with a search text every page is read and filtered by name here.
	 */
	async searchIdentityProviders(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const guard = new PageGuard(this, 0, `GET ${idpsPath()}`);
		const start = Number(paginationToken) || 0;
		const pageLimit = filter?.trim() ? Infinity : 1;
		const fetchPage = async (at: number) => await readIdpPage(this, 0, at);
		const read = await collectPages(guard, start, Infinity, fetchPage, { pageLimit });
		const next = read.next === undefined ? undefined : String(read.next);
		return searchResults(read.entities.map(entry), filter, next);
	},
};
