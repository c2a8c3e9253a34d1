import type { IDataObject } from 'n8n-workflow';

import { certificateInfo } from '../shared/json';

/**
 * An IdP as identityProvider.get/getAll output it: one with a `certificate` (SAML) also gets
 * `certificateInfo: [{subject, fingerprint, notAfter, daysLeft}]` right after it, every other key where it was.
 */
export function withCertificateInfo(idp: IDataObject, now = Date.now()): IDataObject {
	if (!('certificate' in idp)) return idp;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(idp)) {
		if (key === 'certificateInfo') continue;
		out[key] = value;
		if (key === 'certificate') out.certificateInfo = certificateInfo(value, now);
	}
	return out;
}
