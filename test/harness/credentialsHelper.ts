import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type IRequestOptionsSimplified,
} from 'n8n-workflow';

import { AtlassianDataCenterApi } from '../../credentials/AtlassianDataCenterApi.credentials';

const credentialType = new AtlassianDataCenterApi();

/**
 * Behaves like real n8n's CredentialsHelper for our credential: applies its `authenticate`,
 * and defines `preAuthentication`, so n8n-core retries a 401 once exactly as in a real n8n.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	preAuthenticationCalls = 0;

	constructor(private readonly data: () => ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		return await credentialType.authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		this.preAuthenticationCalls++;
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		throw new Error(`not used by the harness: ${type} ${nodeCredentials.name}`);
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data() };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}
