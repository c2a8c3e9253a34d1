import { returnAllAndLimit, maxResults } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { readIdps } from '../../reads';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many identity providers',
		description:
			'List the SAML and OIDC identity providers with their configuration. Changes nothing.',
	},
	properties: [...returnAllAndLimit],
	async execute(itemIndex) {
		return await readIdps(this, itemIndex, maxResults(this, itemIndex));
	},
};
