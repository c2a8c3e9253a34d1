import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { locatorValue, searchResults } from '../shared/node';
import { readIdentityProviders, readManagedGroups } from './reads';

export const listSearch = {
	async searchIdentityProviders(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const idps = await readIdentityProviders(this, 0, { orEmpty: true });
		const entries = idps.map((idp) => ({
			name: (idp.name || idp.id) as string,
			value: idp.id as string,
		}));
		return searchResults(entries, filter);
	},

	async searchManagedGroups(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const idpId = locatorValue(this, 'idpId');
		if (!idpId)
			throw new NodeOperationError(
				this.getNode(),
				'Choose the identity provider first: its managed groups are listed here',
			);
		const groups = await readManagedGroups(this, idpId);
		return searchResults(
			groups.map((group) => ({ name: group, value: group })),
			filter,
		);
	},
};
