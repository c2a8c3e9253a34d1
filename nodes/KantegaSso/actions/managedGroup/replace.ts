import { mutationOptions, sendMutation, requiredString } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { groupPath, replaceGroupBody } from '../../api';
import { groupProperty, idpAndGroup, idpIdProperty } from '../../parameters';

export const replace: Operation = {
	option: {
		name: 'Replace',
		value: 'replace',
		action: 'Replace a managed group',
		description: 'Replace a managed group of an identity provider by another group. Changes which group Kantega SSO manages; no group is created or deleted.',
	},
	properties: [
		idpIdProperty,
		{ ...groupProperty, description: 'The managed group to replace' },
		{
			displayName: 'New Group',
			name: 'newGroup',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. jira-software-users-emea',
			description: 'The name of the group that takes its place',
		},
		mutationOptions(),
	],
	async execute(itemIndex) {
		const { idpId, group } = idpAndGroup(this, itemIndex);
		const newGroup = requiredString(this, 'newGroup', itemIndex);
		const sent = await sendMutation(this, itemIndex, {
			method: 'PUT',
			path: groupPath(idpId, group),
			// After a rename the old name is gone: a repeat would fail with "not managed".
			idempotent: false,
			body: replaceGroupBody(newGroup),
		});
		if ('dryRun' in sent) return sent.dryRun;
		return { idpId, group: newGroup, previousGroup: group, replaced: true };
	},
};
