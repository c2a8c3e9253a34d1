import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/node';
import { ItemsOutput, type Operation } from '../../../shared/node';
import { CONFIG_FILE } from '../../api';
import { withCertificateInfo } from '../../certificateInfo';
import { readConfig } from '../../reads';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the SAML SSO configuration',
		description:
			"Download the whole SAML SSO configuration, as JSON (each IdP's certificates also as subject, fingerprint, expiry and days left in certificateInfo) or as a file for backups. Changes nothing.",
	},
	properties: [
		optionsCollection({
			displayName: 'Put Output in File',
			name: 'putOutputInFile',
			type: 'boolean',
			default: false,
			description:
				'Whether to output the configuration as a file in the binary property "data", byte for byte as the server sent it',
		}),
	],
	async execute(itemIndex) {
		const { response, config } = await readConfig(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		if (options.putOutputInFile !== true) return withCertificateInfo(config);
		const data = await this.helpers.prepareBinaryData(
			Buffer.from(response.body, 'utf8'),
			CONFIG_FILE.fileName,
			CONFIG_FILE.mimeType,
		);
		return new ItemsOutput([{ json: {}, binary: { data } }]);
	},
};
