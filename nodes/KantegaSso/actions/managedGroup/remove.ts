import type { IDataObject } from 'n8n-workflow';

import { mutationOptions, sendMutation } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { groupPath } from '../../api';
import { groupProperty, idpAndGroup, idpIdProperty } from '../../parameters';

export const remove: Operation = {
	option: {
		name: 'Remove',
		value: 'remove',
		action: 'Remove a managed group',
		description:
			'Stop Kantega SSO managing a group for an identity provider. The group and its members stay in the product.',
	},
	properties: [
		idpIdProperty,
		groupProperty,
		mutationOptions({
			displayName: 'Succeed If Not Managed',
			name: 'ignoreIfMissing',
			type: 'boolean',
			default: false,
			description:
				'Whether to succeed quietly when the group is not managed, so a scheduled workflow can run again',
		}),
	],
	async execute(itemIndex) {
		const { idpId, group } = idpAndGroup(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const sent = await sendMutation(this, itemIndex, {
			method: 'DELETE',
			path: groupPath(idpId, group),
			idempotent: false,
			acceptStatuses: options.ignoreIfMissing ? [404] : [],
		});
		if ('dryRun' in sent) return sent.dryRun;
		if (sent.response.statusCode === 404) return { idpId, group, removed: false, notManaged: true };
		return { idpId, group, removed: true };
	},
};
