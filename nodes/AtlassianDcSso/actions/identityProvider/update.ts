import type { IDataObject } from 'n8n-workflow';

import { mutationOptions } from '../../../shared/commonProperties';
import { isDryRun, nothingToUpdate } from '../../../shared/mutation';
import type { Operation } from '../../../shared/operation';
import { apiRequestJson, dryRunOutput, type ApiRequest } from '../../../shared/transport';
import { idpPath } from '../../api';
import { IDP_FIELDS, maskSecrets, toApiBody } from '../../fieldMapping';
import { idpId, idpIdProperty, idpUpdateFields } from '../../parameters';

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update an identity provider',
		description: 'Change the given fields of an identity provider (e.g. rotate its signing certificate); the other fields stay as they are. Changes how users log in with it.',
	},
	properties: [idpIdProperty, idpUpdateFields(), mutationOptions()],
	async execute(itemIndex) {
		const id = idpId(this, itemIndex);
		const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		// Only what the user added is sent: the app merges a PATCH, absent fields stay as they are.
		const body = toApiBody(this, IDP_FIELDS, values, itemIndex);
		if (Object.keys(body).length === 0) {
			throw nothingToUpdate(this, itemIndex, 'no field was added under "Update Fields"', 'Add the fields to change, e.g. "Certificate" to rotate the signing certificate.');
		}
		const request: ApiRequest = { method: 'PATCH', path: idpPath(id), body };
		if (isDryRun(this, itemIndex)) return await dryRunOutput(this, { ...request, body: maskSecrets(body) });
		return await apiRequestJson<IDataObject>(this, request, itemIndex);
	},
};
