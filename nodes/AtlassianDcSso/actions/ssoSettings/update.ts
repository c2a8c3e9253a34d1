import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { mutationOptions } from '../../../shared/commonProperties';
import { answeredObject, nothingToUpdate, sendMutation } from '../../../shared/mutation';
import type { Operation } from '../../../shared/operation';
import { expectRecord } from '../../../shared/shape';
import { apiRequestJson } from '../../../shared/transport';
import { ssoPath } from '../../api';
import { SSO_SETTINGS_FIELDS, toApiBody } from '../../fieldMapping';
import { assertLoginStaysOpen, skipLockoutCheckOption } from '../../lockoutGuard';

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add field',
	default: {},
	description: 'Only the fields added here are sent; the others stay as they are',
	options: [
		{
			displayName: 'Discovery Refresh Cron',
			name: 'discoveryRefreshCron',
			type: 'string',
			default: '0 0 1 * * ?',
			description: 'Quartz cron expression (6 or 7 fields) of when OIDC discovery documents are fetched again',
		},
		{
			displayName: 'Enable Authentication Fallback',
			name: 'enableAuthenticationFallback',
			type: 'boolean',
			default: true,
			description:
				'Whether administrators can still log in with username and password at the login page with ?auth_fallback: the break-glass switch to turn on before changing an identity provider',
		},
		{
			displayName: 'Show Login Form',
			name: 'showLoginForm',
			type: 'boolean',
			default: true,
			description: 'Whether the login page shows the username and password form besides the identity provider buttons',
		},
		{
			displayName: 'Show Login Form for JSM',
			name: 'showLoginFormForJsm',
			type: 'boolean',
			default: true,
			description: 'Whether the Jira Service Management customer portal shows the login form',
		},
	],
};

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update the SSO settings',
		description: 'Change the login form and authentication fallback settings; the settings not given stay as they are. Changes the login page for every user.',
	},
	serverWide: true,
	properties: [updateFields, mutationOptions(skipLockoutCheckOption)],
	async execute(itemIndex) {
		const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = toApiBody(this, SSO_SETTINGS_FIELDS, values, itemIndex);
		if (Object.keys(body).length === 0) {
			throw nothingToUpdate(this, itemIndex, 'no field was added under "Update Fields"', 'Add the settings to change.');
		}
		// Also in a dry run (it only reads), so that the dry run fails where the real run would.
		await assertLoginStaysOpen(this, itemIndex, { sso: body });
		// The same settings set again leave the same settings.
		const sent = await sendMutation(this, itemIndex, { method: 'PATCH', path: ssoPath(), body, idempotent: true });
		if ('dryRun' in sent) return sent.dryRun;
		// Versions answer the settings, or 204 with no body: then they are read back.
		const answered = answeredObject(sent.response);
		if (answered) return answered;
		const request = { method: 'GET' as const, path: ssoPath() };
		return expectRecord(this, request, await apiRequestJson(this, request, itemIndex), itemIndex, 'the SSO settings object');
	},
};
