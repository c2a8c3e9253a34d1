import type { Operation } from '../../../shared/node';
import { idpId, idpIdProperty } from '../../parameters';
import { readIdp } from '../../reads';
import { withCertificateInfo } from '../../certificateInfo';

export const get: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an identity provider',
		description:
			'Read the configuration of one identity provider by its numeric ID (the client secret is never returned; a SAML certificate also as subject, fingerprint, expiry and days left in certificateInfo). Changes nothing.',
	},
	properties: [idpIdProperty],
	async execute(itemIndex) {
		return withCertificateInfo(await readIdp(this, itemIndex, idpId(this, itemIndex)));
	},
};
