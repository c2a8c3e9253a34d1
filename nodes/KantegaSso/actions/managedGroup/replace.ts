import { NodeOperationError } from 'n8n-workflow';

import { mutationOptions, sendMutation, requiredString } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { groupPath, replaceGroupBody } from '../../api';
import { groupProperty, idpAndGroup, idpIdProperty } from '../../parameters';
import { isManagedGroup } from '../../reads';

export const replace: Operation = {
	option: {
		name: 'Replace',
		value: 'replace',
		action: 'Replace a managed group',
		description:
			'Replace a managed group of an identity provider by another group, then check that the new one is managed. Changes which group Kantega SSO manages; no group is created or deleted.',
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
		const path = groupPath(idpId, group);
		const sent = await sendMutation(this, itemIndex, {
			method: 'PUT',
			path,
			// After a rename the old name is gone: a repeat would fail with "not managed".
			idempotent: false,
			body: replaceGroupBody(newGroup),
		});
		if ('dryRun' in sent) return sent.dryRun;
		// The body is not documented: a version that expects another one may answer 2xx and change nothing.
		if (!(await isManagedGroup(this, itemIndex, idpId, newGroup))) {
			throw new NodeOperationError(
				this.getNode(),
				`Kantega SSO answered PUT ${path} with ${sent.response.statusCode} (success), but "${newGroup}" is not a managed group of identity provider ${idpId} afterwards`,
				{
					itemIndex,
					description: `The app's version may expect another body for this request: Kantega does not document it, and the node sends ${JSON.stringify(replaceGroupBody(newGroup))}. Check the identity provider's managed groups in Kantega SSO (Managed Group → Get Many), and use Remove and Add instead.`,
				},
			);
		}
		return { idpId, group: newGroup, previousGroup: group, replaced: true };
	},
};
