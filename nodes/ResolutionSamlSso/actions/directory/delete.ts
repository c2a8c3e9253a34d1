import {
	confirmProperty,
	destructiveNotice,
	mutationOptions,
	requireConfirmation,
	sendMutation,
	requiredString,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { directoryPath } from '../../api';

export const deleteDirectory: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a user directory',
		description:
			'Delete a User Sync directory AND ALL ITS USERS from the Atlassian instance, without any warning from the app. Needs Confirm.',
	},
	properties: [
		destructiveNotice(
			'Deletes the user directory AND EVERY USER IN IT from Jira, Confluence or Bitbucket, at once and without undo. Users of the directory can no longer log in until the connector is saved again and synced.',
		),
		{
			displayName: 'Directory ID',
			name: 'directoryId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 10100',
			description: 'The ID of the user directory that User Sync created for a connector',
			hint: 'In SAML SSO → User Sync, edit the connector: the directory ID is shown below the connector ID',
		},
		confirmProperty(
			'This deletes the user directory AND ALL USERS in it from the Atlassian instance, with no warning and no undo. To fill it again, edit and save the connector (which recreates the directory), then sync.',
		),
		mutationOptions(),
	],
	async execute(itemIndex) {
		const directoryId = requiredString(this, 'directoryId', itemIndex);
		requireConfirmation(this, itemIndex, `user directory ${directoryId} and ALL the users in it`);
		const sent = await sendMutation(this, itemIndex, {
			method: 'DELETE',
			path: directoryPath(directoryId),
			idempotent: false,
		});
		if ('dryRun' in sent) return sent.dryRun;
		return { directoryId, deleted: true };
	},
};
