import type { Operation } from '../../../shared/operation';
import { expectRecord } from '../../../shared/shape';
import { apiRequestJson } from '../../../shared/transport';
import { idpPath } from '../../api';
import { idpId, idpIdProperty } from '../../parameters';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an identity provider',
		description: 'Read the configuration of one identity provider by its numeric ID (the client secret is never returned). Changes nothing.',
	},
	properties: [idpIdProperty],
	async execute(itemIndex) {
		const id = idpId(this, itemIndex);
		const request = { method: 'GET' as const, path: idpPath(id) };
		return expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, 'an identity provider object');
	},
};
