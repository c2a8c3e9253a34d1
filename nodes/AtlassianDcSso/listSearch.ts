import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchResults } from '../shared/locator';
import { apiRequestJson } from '../shared/transport';
import { IDP_PAGE_SIZE, idpsPath, type Page } from './api';

function entry(idp: IDataObject): INodeListSearchItems {
	const id = String(idp.id);
	const type = typeof idp['sso-type'] === 'string' ? idp['sso-type'] : '';
	return { name: typeof idp.name === 'string' && idp.name ? idp.name : `Identity provider ${id}`, value: id, description: `${type} · ID ${id}` };
}

async function page(ctx: ILoadOptionsFunctions, start: number): Promise<Page<IDataObject>> {
	return await apiRequestJson<Page<IDataObject>>(ctx, { method: 'GET', path: idpsPath(), qs: { start, limit: IDP_PAGE_SIZE } });
}

export const listSearch = {
	/**
	 * Without a search text, one page at a time (the editor asks for the next one on scrolling).
	 * The app cannot search: with a search text every page is read and filtered by name here.
	 */
	async searchIdentityProviders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		let start = Number(paginationToken) || 0;
		const entries: INodeListSearchItems[] = [];
		for (;;) {
			const answer = await page(this, start);
			const results = Array.isArray(answer.results) ? answer.results : [];
			entries.push(...results.map(entry));
			start += results.length;
			const last = answer.isLastPage !== false || results.length === 0;
			if (last) return searchResults(entries, filter);
			if (!filter?.trim()) return searchResults(entries, filter, String(start));
		}
	},
};
