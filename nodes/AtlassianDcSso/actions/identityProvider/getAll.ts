import type { IDataObject } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/commonProperties';
import type { Operation } from '../../../shared/operation';
import { maxResults } from '../../../shared/parameters';
import { apiRequestJson } from '../../../shared/transport';
import { IDP_PAGE_SIZE, idpsPath, type Page } from '../../api';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many identity providers',
		description: 'List the SAML and OIDC identity providers with their configuration. Changes nothing.',
	},
	properties: [...returnAllAndLimit],
	async execute(itemIndex) {
		const max = maxResults(this, itemIndex);
		const idps: IDataObject[] = [];
		let start = 0;
		while (idps.length < max) {
			// Ask no more than still wanted, so a limit within the first page costs one request.
			const limit = Math.min(IDP_PAGE_SIZE, max - idps.length);
			const page = await apiRequestJson<Page<IDataObject>>(
				this,
				{ method: 'GET', path: idpsPath(), qs: { start, limit } },
				itemIndex,
			);
			const results = Array.isArray(page.results) ? page.results : [];
			idps.push(...results.slice(0, max - idps.length));
			// The app may answer fewer than asked (its own cap): the next page starts after what came.
			if (page.isLastPage !== false || results.length === 0) break;
			start += results.length;
		}
		return idps;
	},
};
