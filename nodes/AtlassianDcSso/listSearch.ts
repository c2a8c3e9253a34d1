import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchResults } from '../shared/locator';
import { PageGuard } from '../shared/paging';
import { idpsPath } from './api';
import { fetchIdpPage } from './idpList';

function entry(idp: IDataObject): INodeListSearchItems {
	const id = String(idp.id);
	const type = typeof idp['sso-type'] === 'string' ? idp['sso-type'] : '';
	return { name: typeof idp.name === 'string' && idp.name ? idp.name : `Identity provider ${id}`, value: id, description: `${type} · ID ${id}` };
}

export const listSearch = {
	/**
	 * Without a search text, one page at a time (the editor asks for the next one on scrolling).
	 * The app cannot search: with a search text every page is read and filtered by name here.
	 */
	async searchIdentityProviders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		let start = Number(paginationToken) || 0;
		const entries: INodeListSearchItems[] = [];
		const guard = new PageGuard(this, 0, `GET ${idpsPath()}`);
		for (;;) {
			const page = await fetchIdpPage(this, 0, start);
			guard.check(`page at ${start}`, page.entities);
			entries.push(...page.entities.map(entry));
			if (page.next === undefined || page.entities.length === 0) return searchResults(entries, filter);
			start = page.next;
			if (!filter?.trim()) return searchResults(entries, filter, String(start));
		}
	},
};
