import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { readIdps } from '../../AtlassianDcSso/reads';
import { readConfig } from '../../ResolutionSamlSso/reads';
import { certificateViews, daysUntil } from '../../shared/json';
import { checkedNumber } from '../../shared/node';
import { SOURCE_NAMES } from '../sources';
import type { TriggerEvent } from './triggerEvent';

const CERTIFICATE_SOURCES = ['atlassianIdentityProviders', 'resolutionConfig'] as const;
type CertificateSource = (typeof CERTIFICATE_SOURCES)[number];

/** The bounds of the panel and of the code, in one place. */
const WITHIN_DAYS = { default: 30, min: 0, max: 3650 };

interface FoundCertificate {
	source: CertificateSource;
	idpId: string | null;
	idpName: string | null;
	subject: string;
	fingerprint: string;
	notAfter: string;
}

/** Reported certificates (by source, IdP and fingerprint) with their expiry; pruned when they leave the window. */
type Stored = { reported: Record<string, string> };

const textOf = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/** Every string in the resolution configuration that is a certificate, with the nearest enclosing object that has an id (its IdP). */
function certificatesIn(
	value: unknown,
	owner: { id: string | null; name: string | null },
	out: FoundCertificate[],
): void {
	if (typeof value === 'string') {
		for (const view of certificateViews(value) ?? [])
			out.push({ source: 'resolutionConfig', idpId: owner.id, idpName: owner.name, ...view });
		return;
	}
	if (Array.isArray(value)) return value.forEach((v) => certificatesIn(v, owner, out));
	if (value && typeof value === 'object') {
		const object = value as IDataObject;
		const here =
			object.id !== undefined ? { id: textOf(object.id), name: textOf(object.name) } : owner;
		Object.values(object).forEach((v) => certificatesIn(v, here, out));
	}
}

async function findCertificates(
	ctx: IPollFunctions,
	source: CertificateSource,
): Promise<FoundCertificate[]> {
	const found: FoundCertificate[] = [];
	if (source === 'resolutionConfig') {
		certificatesIn((await readConfig(ctx, 0)).config, { id: null, name: null }, found);
		return found;
	}
	for (const idp of await readIdps(ctx, 0, Infinity)) {
		if (idp['sso-type'] !== 'SAML' || typeof idp.certificate !== 'string') continue;
		for (const view of certificateViews(idp.certificate) ?? [])
			found.push({ source, idpId: textOf(idp.id), idpName: textOf(idp.name), ...view });
	}
	return found;
}

const DAY_MS = 86_400_000;

const keyOf = (c: FoundCertificate) => `${c.source}|${c.idpId ?? ''}|${c.fingerprint}`;

/**
 * One item per certificate that expires within `withinDays` (expired ones included), each reported once
 * when it enters the window, also at the first poll. In manual mode: the certificates in the window, or else the one that expires first.
 */
async function poll(ctx: IPollFunctions, stored: Stored | undefined, manual: boolean) {
	const withinDays = checkedNumber(
		ctx,
		'withinDays',
		ctx.getNodeParameter('withinDays', WITHIN_DAYS.default),
		WITHIN_DAYS.default,
		WITHIN_DAYS,
	);
	const sources = (ctx.getNodeParameter('sources', []) as string[]).filter(
		(s): s is CertificateSource => (CERTIFICATE_SOURCES as readonly string[]).includes(s),
	);
	if (!sources.length)
		throw new NodeOperationError(
			ctx.getNode(),
			'No source chosen: choose at least one in "Sources"',
		);
	const all: FoundCertificate[] = [];
	for (const source of sources) all.push(...(await findCertificates(ctx, source)));
	const now = Date.now();
	const output = (c: FoundCertificate): IDataObject => ({
		...c,
		daysLeft: daysUntil(c.notAfter, now),
	});
	const inWindow = all.filter((c) => Date.parse(c.notAfter) - now <= withinDays * DAY_MS);
	const reported: Record<string, string> = {};
	for (const c of inWindow) reported[keyOf(c)] = c.notAfter;
	if (manual) {
		const sample = inWindow.length
			? inWindow
			: [...all].sort((a, b) => a.notAfter.localeCompare(b.notAfter)).slice(0, 1);
		return { items: sample.map(output), state: stored ?? { reported: {} } };
	}
	const entering = inWindow.filter((c) => stored?.reported[keyOf(c)] === undefined);
	return { items: entering.map(output), state: { reported } };
}

export const certificateExpiring: TriggerEvent<Stored> = {
	option: {
		name: 'Certificate Expiring',
		value: 'certificateExpiring',
		description:
			'An IdP signing certificate expires within the given number of days (reported once per certificate)',
	},
	properties: [
		{
			displayName: 'Sources',
			name: 'sources',
			type: 'multiOptions',
			required: true,
			default: [...CERTIFICATE_SOURCES],
			options: CERTIFICATE_SOURCES.map((value) => ({ name: SOURCE_NAMES[value], value })),
			description:
				'Where the IdP signing certificates are: the SAML IdPs of Atlassian DC SSO, the IdPs in the resolution configuration',
		},
		{
			displayName: 'Within Days',
			name: 'withinDays',
			type: 'number',
			typeOptions: { minValue: WITHIN_DAYS.min, maxValue: WITHIN_DAYS.max },
			default: 30,
			description:
				'Report a certificate once when it expires within this many days (already expired ones too)',
		},
	],
	poll,
};
