import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';

import { locatorValue, searchResults } from '../shared/locator';
import { apiRequestJson } from '../shared/transport';
import { idpIdsPath } from './api';
import { readManagedGroups } from './lists';

export const listSearch = {
	async searchIdentityProviders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const idps = await apiRequestJson<Array<{ id: string; name?: string }>>(this, { method: 'GET', path: idpIdsPath() });
		return searchResults(
			(Array.isArray(idps) ? idps : []).map((idp) => ({ name: idp.name || idp.id, value: idp.id })),
			filter,
		);
	},

	async searchManagedGroups(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const idpId = locatorValue(this, 'idpId');
		if (!idpId) throw new NodeOperationError(this.getNode(), 'Choose the identity provider first: its managed groups are listed here');
		const groups = await readManagedGroups(this, idpId);
		return searchResults(groups.map((group) => ({ name: group, value: group })), filter);
	},
};
