import { mutationOptions, sendMutation } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { resetEntityIdPath } from '../../api';

export const resetEntityId: Operation = {
	option: {
		name: 'Reset Entity ID',
		value: 'resetEntityId',
		action: 'Reset the entity ID',
		description: "Reset the service provider's entity ID to the base URL + /plugins/servlet/samlsso after a base URL change (for example on a clone). Changes the entity ID the identity providers must know.",
	},
	serverWide: true,
	properties: [mutationOptions()],
	async execute(itemIndex) {
		const sent = await sendMutation(this, itemIndex, { method: 'POST', path: resetEntityIdPath(), idempotent: false });
		if ('dryRun' in sent) return sent.dryRun;
		return { entityIdReset: true };
	},
};
