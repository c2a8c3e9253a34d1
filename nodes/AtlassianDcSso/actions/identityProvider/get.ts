import type { Operation } from '../../../shared/node';
import { idpId, idpIdProperty } from '../../parameters';
import { readIdp } from '../../reads';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an identity provider',
		description:
			'Read the configuration of one identity provider by its numeric ID (the client secret is never returned). Changes nothing.',
	},
	properties: [idpIdProperty],
	async execute(itemIndex) {
		return await readIdp(this, itemIndex, idpId(this, itemIndex));
	},
};
