import {
	confirmProperty,
	destructiveNotice,
	mutationOptions,
	answeredObject,
	requireConfirmation,
	sendMutation,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { idpPath } from '../../api';
import { assertLoginStaysOpen, skipLockoutCheckOption } from '../../lockoutGuard';
import { idpId, idpIdProperty } from '../../parameters';

export const deleteIdp: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an identity provider',
		description:
			'Delete an identity provider and its configuration: its users can no longer log in with it. Needs Confirm.',
	},
	properties: [
		destructiveNotice(
			'Removes the identity provider and its configuration: its users can no longer log in with it. Turn on authentication fallback first (SSO Settings → Update) so administrators keep a way in.',
		),
		idpIdProperty,
		confirmProperty(
			'The identity provider and its configuration are removed; users can no longer log in with it.',
		),
		mutationOptions(skipLockoutCheckOption),
	],
	async execute(itemIndex) {
		const id = idpId(this, itemIndex);
		requireConfirmation(this, itemIndex, `identity provider ${id}`);
		// Also in a dry run (it only reads), so that the dry run fails where the real run would.
		await assertLoginStaysOpen(this, itemIndex, { removesIdp: id });
		const sent = await sendMutation(this, itemIndex, {
			method: 'DELETE',
			path: idpPath(id),
			idempotent: false,
		});
		if ('dryRun' in sent) return sent.dryRun;
		// Versions answer the removed identity provider, or 204 with no body.
		return answeredObject(sent.response) ?? { id: Number(id), deleted: true };
	},
};
