import type { Operation } from '../../../shared/node';
import { readSsoSettings } from '../../reads';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the SSO settings',
		description: 'Read the login form and authentication fallback settings. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		return await readSsoSettings(this, itemIndex);
	},
};
