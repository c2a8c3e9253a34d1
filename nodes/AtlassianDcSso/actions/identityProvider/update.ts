import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	mutationOptions,
	answeredObject,
	nothingToUpdate,
	sendMutation,
} from '../../../shared/node';
import { isRecord } from '../../../shared/json';
import type { Operation } from '../../../shared/node';
import { idpPath } from '../../api';
import { maskSecrets, toApiBody } from '../../apiBody';
import { IDP_FIELDS, JIT_CONFIGURATION } from '../../fieldMapping';
import { assertLoginStaysOpen, skipLockoutCheckOption } from '../../lockoutGuard';
import { idpId, idpIdProperty, updateFields } from '../../parameters';
import { readIdp } from '../../reads';

/**
 * Some versions replace a nested object whole on PATCH: a change of one `jit-configuration` field would
 * drop the others. So the nested object is read, merged and sent whole.
 */
async function withWholeJitConfiguration(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: string,
	body: IDataObject,
): Promise<IDataObject> {
	const changed = body[JIT_CONFIGURATION];
	if (!isRecord(changed)) return body;
	const current = (await readIdp(ctx, itemIndex, id))[JIT_CONFIGURATION];
	return { ...body, [JIT_CONFIGURATION]: { ...(isRecord(current) ? current : {}), ...changed } };
}

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an identity provider',
		description:
			'Change the given fields of an identity provider (e.g. rotate its signing certificate); the other fields stay as they are. Changes how users log in with it.',
	},
	properties: [idpIdProperty, updateFields(IDP_FIELDS), mutationOptions(skipLockoutCheckOption)],
	async execute(itemIndex) {
		const id = idpId(this, itemIndex);
		const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		// Only what the user added is sent: the app merges a PATCH, absent fields stay as they are.
		let body = toApiBody(this, IDP_FIELDS, values, itemIndex);
		if (Object.keys(body).length === 0) {
			throw nothingToUpdate(
				this,
				itemIndex,
				'no field was added under "Update Fields"',
				'Add the fields to change, e.g. "Certificate" to rotate the signing certificate.',
			);
		}
		// Also in a dry run (both only read), so that it shows the body the real run would send.
		if (body.enabled === false) await assertLoginStaysOpen(this, itemIndex, { disablesIdp: id });
		body = await withWholeJitConfiguration(this, itemIndex, id, body);
		// The same fields set again leave the same identity provider.
		const sent = await sendMutation(this, itemIndex, {
			method: 'PATCH',
			path: idpPath(id),
			body,
			dryRunBody: maskSecrets(body),
			idempotent: true,
		});
		if ('dryRun' in sent) return sent.dryRun;
		// Versions answer the changed identity provider, or 204 with no body: then it is read back.
		return answeredObject(sent.response) ?? (await readIdp(this, itemIndex, id));
	},
};
