import type { IDataObject } from 'n8n-workflow';

import {
	mutationOptions,
	answeredObject,
	nothingToUpdate,
	sendMutation,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { ssoPath } from '../../api';
import { toApiBody } from '../../apiBody';
import { SSO_SETTINGS_FIELDS } from '../../fieldMapping';
import { assertLoginStaysOpen, skipLockoutCheckOption } from '../../lockoutGuard';
import { updateFields } from '../../parameters';
import { readSsoSettings } from '../../reads';

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update the SSO settings',
		description:
			'Change the login form and authentication fallback settings; the settings not given stay as they are. Changes the login page for every user.',
	},
	serverWide: true,
	properties: [updateFields(SSO_SETTINGS_FIELDS), mutationOptions(skipLockoutCheckOption)],
	async execute(itemIndex) {
		const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = toApiBody(this, SSO_SETTINGS_FIELDS, values, itemIndex);
		if (Object.keys(body).length === 0) {
			throw nothingToUpdate(
				this,
				itemIndex,
				'no field was added under "Update Fields"',
				'Add the settings to change.',
			);
		}
		// Also in a dry run (it only reads), so that the dry run fails where the real run would.
		await assertLoginStaysOpen(this, itemIndex, { sso: body });
		// The same settings set again leave the same settings.
		const sent = await sendMutation(this, itemIndex, {
			method: 'PATCH',
			path: ssoPath(),
			body,
			idempotent: true,
		});
		if ('dryRun' in sent) return sent.dryRun;
		// Versions answer the settings, or 204 with no body: then they are read back.
		return answeredObject(sent.response) ?? (await readSsoSettings(this, itemIndex));
	},
};
