import type { IDataObject } from 'n8n-workflow';

import { certificateInfo, isRecord } from '../shared/json';

/** The IdPs of a configuration (its "idps" list), each an object. */
const idpsOf = (config: IDataObject): IDataObject[] =>
	Array.isArray(config.idps) ? config.idps.filter(isRecord) : [];

/** An object with `certificateInfo` placed right after `certificates`, every other key where it was. */
function besideCertificates(idp: IDataObject, now: number): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(idp)) {
		if (key === 'certificateInfo') continue;
		out[key] = value;
		if (key === 'certificates') out.certificateInfo = certificateInfo(value, now);
	}
	return out;
}

/**
 * The configuration as config.get outputs it: each IdP with certificates also gets
 * `certificateInfo: [{subject, fingerprint, notAfter, daysLeft}]` beside its raw `certificates`.
 */
export function withCertificateInfo(config: IDataObject, now = Date.now()): IDataObject {
	if (!Array.isArray(config.idps)) return config;
	return {
		...config,
		idps: config.idps.map((idp: unknown) =>
			isRecord(idp) && 'certificates' in idp ? besideCertificates(idp, now) : idp,
		),
	};
}

const fingerprints = (value: unknown): string =>
	Array.isArray(value)
		? value.map((c) => (isRecord(c) ? String(c.fingerprint) : '')).join(',')
		: '\u0000';

/**
 * The configuration without the `certificateInfo` that config.get added (an IdP's `certificateInfo`
 * naming exactly the fingerprints of its `certificates`), so Get → Replace sends the app only its own
 * fields; undefined when there is none to remove.
 */
export function withoutCertificateInfo(config: IDataObject): IDataObject | undefined {
	const ours = (idp: IDataObject) =>
		'certificateInfo' in idp &&
		fingerprints(idp.certificateInfo) === fingerprints(certificateInfo(idp.certificates));
	if (!idpsOf(config).some(ours)) return undefined;
	return {
		...config,
		idps: (config.idps as unknown[]).map((idp) => {
			if (!isRecord(idp) || !ours(idp)) return idp;
			const rest = { ...idp };
			delete rest.certificateInfo;
			return rest;
		}),
	};
}
