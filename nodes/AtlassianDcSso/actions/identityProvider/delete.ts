import type { IDataObject } from 'n8n-workflow';

import { confirmProperty, destructiveNotice, mutationOptions } from '../../../shared/commonProperties';
import { isDryRun, requireConfirmation } from '../../../shared/mutation';
import type { Operation } from '../../../shared/operation';
import { apiRequestJson, dryRunOutput, type ApiRequest } from '../../../shared/transport';
import { idpPath } from '../../api';
import { idpId, idpIdProperty } from '../../parameters';

export const deleteIdp: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an identity provider',
		description: 'Delete an identity provider and its configuration: its users can no longer log in with it. Needs Confirm.',
	},
	properties: [
		destructiveNotice(
			'Removes the identity provider and its configuration: its users can no longer log in with it. Turn on authentication fallback first (SSO Settings → Update) so administrators keep a way in.',
		),
		idpIdProperty,
		confirmProperty('The identity provider and its configuration are removed; users can no longer log in with it.'),
		mutationOptions(),
	],
	async execute(itemIndex) {
		const id = idpId(this, itemIndex);
		requireConfirmation(this, itemIndex, `identity provider ${id}`);
		const request: ApiRequest = { method: 'DELETE', path: idpPath(id) };
		if (isDryRun(this, itemIndex)) return await dryRunOutput(this, request);
		// The app answers the removed identity provider.
		return await apiRequestJson<IDataObject>(this, request, itemIndex);
	},
};
