import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { atlassianDataCenterApiTest } from '../../nodes/shared/http';

/** Calls the credential test the way n8n's credential-test path does: with n8n-core's own test context. */
export async function testCredential(data: ICredentialDataDecryptedObject) {
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	return await atlassianDataCenterApiTest.call(context, {
		id: '1',
		name: 'DC',
		type: 'atlassianDataCenterApi',
		data,
	});
}
