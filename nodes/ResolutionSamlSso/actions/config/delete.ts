import {
	confirmProperty,
	destructiveNotice,
	mutationOptions,
	requireConfirmation,
	sendMutation,
} from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { configPath } from '../../api';

const WHAT =
	'the running SAML SSO configuration (its latest version, with every identity provider in it)';

export const deleteConfig: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete the SAML SSO configuration',
		description:
			'Delete the latest stored SAML SSO configuration version, with every identity provider in it; with no other version, SAML SSO shows its setup wizard again. After an app upgrade the former version is then migrated and shown, but not active until it is saved again (before app 4.x: disable and enable the app). Needs Confirm.',
	},
	serverWide: true,
	properties: [
		destructiveNotice(
			'Deletes the running SAML SSO configuration with every identity provider in it: nobody can log in with SSO until a configuration is uploaded again. Keep a copy first (Config → Get).',
		),
		confirmProperty(
			'This deletes the latest version of the SAML SSO configuration, with all its identity providers: users cannot log in with SSO until a configuration is uploaded again.',
		),
		mutationOptions(),
	],
	async execute(itemIndex) {
		requireConfirmation(this, itemIndex, WHAT);
		const sent = await sendMutation(this, itemIndex, {
			method: 'DELETE',
			path: configPath(),
			idempotent: false,
		});
		if ('dryRun' in sent) return sent.dryRun;
		return { deleted: true };
	},
};
