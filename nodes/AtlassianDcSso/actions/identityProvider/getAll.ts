import { returnAllAndLimit, maxResults } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { readIdps } from '../../reads';
import { withCertificateInfo } from '../../certificateInfo';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many identity providers',
		description:
			'List the SAML and OIDC identity providers with their configuration (a SAML certificate also as subject, fingerprint, expiry and days left in certificateInfo). Changes nothing.',
	},
	properties: [...returnAllAndLimit],
	async execute(itemIndex) {
		const now = Date.now();
		return (await readIdps(this, itemIndex, maxResults(this, itemIndex))).map((idp) =>
			withCertificateInfo(idp, now),
		);
	},
};
