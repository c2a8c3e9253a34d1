import { isDryRun, mutationOptions, sendMutation } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { resetEntityIdPath } from '../../api';
import { configAfterChange, readConfig } from '../../reads';

const entityIdOf = (config: { entityId?: unknown }) =>
	typeof config.entityId === 'string' ? config.entityId : null;

export const resetEntityId: Operation = {
	option: {
		name: 'Reset Entity ID',
		value: 'resetEntityId',
		action: 'Reset the entity ID',
		description:
			"Reset the service provider's entity ID to the base URL + /plugins/servlet/samlsso. Change the product's base URL first (for a clone: its own URL): the new entity ID is made from it. Outputs the previous and the new entity ID; the identity providers must know the new one.",
	},
	serverWide: true,
	properties: [mutationOptions()],
	async execute(itemIndex) {
		const request = { method: 'POST' as const, path: resetEntityIdPath(), idempotent: false };
		const before = isDryRun(this, itemIndex)
			? undefined
			: (await readConfig(this, itemIndex)).config;
		const sent = await sendMutation(this, itemIndex, request);
		if ('dryRun' in sent) return sent.dryRun;
		// The app answers with no body, or with the configuration: read it when it did not.
		const after = await configAfterChange(this, itemIndex, sent.response);
		return { previousEntityId: entityIdOf(before ?? {}), entityId: entityIdOf(after) };
	},
};
