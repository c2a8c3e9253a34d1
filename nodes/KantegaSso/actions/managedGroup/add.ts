import type { IDataObject } from 'n8n-workflow';

import { mutationOptions, sendMutation } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { answerError, apiRequest } from '../../../shared/http';
import { groupPath } from '../../api';
import { idpAndGroup, idpIdProperty, newManagedGroupProperty } from '../../parameters';

export const add: Operation = {
	option: {
		name: 'Add',
		value: 'add',
		action: 'Add a managed group',
		description:
			"Make Kantega SSO manage a group for an identity provider: from then on, users' membership in it follows the IdP's group claims at each login. Creates no group.",
	},
	properties: [
		idpIdProperty,
		newManagedGroupProperty,
		mutationOptions({
			displayName: 'Succeed If Already Managed',
			name: 'ignoreIfExists',
			type: 'boolean',
			default: false,
			description:
				'Whether to succeed quietly when the group is already managed, so a scheduled workflow can run again',
		}),
	],
	async execute(itemIndex) {
		const { idpId, group } = idpAndGroup(this, itemIndex);
		const path = groupPath(idpId, group);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		// A repeated add answers 400 "already managed" for a group this run added: not repeated.
		const request = {
			method: 'POST' as const,
			path,
			acceptStatuses: options.ignoreIfExists ? [400] : [],
			idempotent: false,
		};
		const sent = await sendMutation(this, itemIndex, request);
		if ('dryRun' in sent) return sent.dryRun;
		if (sent.response.statusCode === 400) {
			// Kantega answers 400 both for "already managed" and for an unknown IdP: ask which one it was.
			// Only 204 means managed; anything else (404, or 400 for the unknown IdP) reports the POST's own error.
			const existing = await apiRequest(
				this,
				{ method: 'GET', path, acceptStatuses: [400, 404] },
				itemIndex,
			);
			if (existing.statusCode !== 204) throw answerError(this, sent.response, request, itemIndex);
			return { idpId, group, added: false, alreadyManaged: true };
		}
		return { idpId, group, added: true };
	},
};
