import type { Operation } from '../../../shared/operation';
import { expectRecord } from '../../../shared/shape';
import { apiRequestJson } from '../../../shared/transport';
import { ssoPath } from '../../api';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the SSO settings',
		description: 'Read the login form and authentication fallback settings. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		const request = { method: 'GET' as const, path: ssoPath() };
		return expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, 'the SSO settings object');
	},
};
