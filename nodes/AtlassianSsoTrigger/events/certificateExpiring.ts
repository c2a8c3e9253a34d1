import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import { readIdps } from '../../AtlassianDcSso/reads';
import { readConfig } from '../../ResolutionSamlSso/reads';
import { certificateViews, daysUntil } from '../../shared/json';
import { checkedNumber } from '../../shared/node';
import { attempt, type SourceRead } from '../health';
import { readMetadata, signingCertificates, type MetadataIdp } from '../metadata';
import { csv, SOURCE_NAMES } from '../sources';
import type { TriggerEvent } from './triggerEvent';

const CERTIFICATE_SOURCES = ['atlassianIdentityProviders', 'resolutionConfig'] as const;
type CertificateSource = (typeof CERTIFICATE_SOURCES)[number];

const DEFAULT_REMINDERS = '30,7,1';

interface FoundCertificate {
	source: CertificateSource;
	idpId: string | null;
	idpName: string | null;
	/** Set for a certificate found in the IdP's metadata document. */
	metadataUrl?: string;
	subject: string;
	fingerprint: string;
	notAfter: string;
}

/**
 * Per certificate (by source, IdP and fingerprint) the reminders already reported; a certificate no
 * longer found, or no longer within any reminder, is forgotten.
 */
type Stored = { reported: Record<string, string[] | string> };

const textOf = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

/**
 * Every string in the resolution configuration that is a certificate, with the nearest enclosing object
 * that has an id (its IdP); and each IdP's metadata URL (`metadataurl`) in `urls`.
 */
function certificatesIn(
	value: unknown,
	owner: { id: string | null; name: string | null },
	out: FoundCertificate[],
	urls: MetadataIdp[],
): void {
	if (typeof value === 'string') {
		for (const view of certificateViews(value) ?? [])
			out.push({ source: 'resolutionConfig', idpId: owner.id, idpName: owner.name, ...view });
		return;
	}
	if (Array.isArray(value)) return value.forEach((v) => certificatesIn(v, owner, out, urls));
	if (value && typeof value === 'object') {
		const object = value as IDataObject;
		const here =
			object.id !== undefined ? { id: textOf(object.id), name: textOf(object.name) } : owner;
		if (typeof object.metadataurl === 'string' && /^https?:\/\//i.test(object.metadataurl))
			urls.push({ idpId: here.id, idpName: here.name, url: object.metadataurl });
		Object.values(object).forEach((v) => certificatesIn(v, here, out, urls));
	}
}

async function findCertificates(
	ctx: IPollFunctions,
	source: CertificateSource,
	urls: MetadataIdp[],
): Promise<FoundCertificate[]> {
	const found: FoundCertificate[] = [];
	if (source === 'resolutionConfig') {
		certificatesIn((await readConfig(ctx, 0)).config, { id: null, name: null }, found, urls);
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

/** Where what was reported of a certificate is kept: by where it was read (source or metadata URL), IdP and fingerprint. */
const keyOf = (c: FoundCertificate) =>
	`${c.metadataUrl ? `metadata ${c.metadataUrl}` : c.source}|${c.idpId ?? ''}|${c.fingerprint}`;
/** One certificate of one IdP: found in its configuration and in its metadata, it is reported once. */
const identityOf = (c: FoundCertificate) => `${c.source}|${c.idpId ?? ''}|${c.fingerprint}`;

/** The bounds of each reminder, in days. */
const DAYS = { min: 0, max: 3650 };
const EXPIRED = 'expired';

/** `30,7,1` → [30, 7, 1] (largest first, each once); blank → the default. */
function reminderDays(ctx: IPollFunctions): number[] {
	const raw = ctx.getNodeParameter('reminderDays', DEFAULT_REMINDERS) as unknown;
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
	const parts = csv(text.trim() ? text : DEFAULT_REMINDERS);
	const days = parts.map((part) =>
		checkedNumber(ctx, 'reminderDays', part, 0, { ...DAYS, integer: true }),
	);
	return [...new Set(days)].sort((a, b) => b - a);
}

/**
 * The reminders a certificate has reached: each threshold it is within (its time left at most that many
 * days), and `expired` once its time has run out.
 */
function reached(notAfter: string, now: number, thresholds: number[]): string[] {
	const left = Date.parse(notAfter) - now;
	const stages = thresholds.filter((days) => left <= days * DAY_MS).map(String);
	return left < 0 ? [...stages, EXPIRED] : stages;
}

/**
 * One item per certificate each time it reaches a reminder (a threshold of `reminderDays`, or expiry) it has
 * not been reported at; several reached since the last poll give one item, for the nearest. A certificate
 * already inside a threshold at the first poll is reported then. Each source is read on its own.
 * In manual mode: the certificates that reached a reminder, or else the one that expires first.
 */
async function poll(ctx: IPollFunctions, stored: Stored | undefined, manual: boolean) {
	const thresholds = reminderDays(ctx);
	const sources = (ctx.getNodeParameter('sources', []) as string[]).filter(
		(s): s is CertificateSource => (CERTIFICATE_SOURCES as readonly string[]).includes(s),
	);
	if (!sources.length)
		throw new NodeOperationError(
			ctx.getNode(),
			'No source chosen: choose at least one in "Sources"',
		);
	const checkMetadata = ctx.getNodeParameter('checkMetadataUrls', false) === true;
	const all: FoundCertificate[] = [];
	const reads: SourceRead[] = [];
	const failed = new Set<string>();
	const urls: MetadataIdp[] = [];
	for (const source of sources) {
		const read = await attempt(async () => await findCertificates(ctx, source, urls));
		reads.push({
			key: source,
			fields: { source },
			error: 'error' in read ? read.error : undefined,
		});
		if ('error' in read) failed.add(source);
		else all.push(...read.value);
	}
	// Each metadata document is a source of its own: one that fails does not hide the others.
	const byUrl = new Map<string, MetadataIdp>();
	for (const idp of checkMetadata ? urls : []) if (!byUrl.has(idp.url)) byUrl.set(idp.url, idp);
	for (const idp of byUrl.values()) {
		const key = `metadata ${idp.url}`;
		const read = await attempt(async () => signingCertificates(await readMetadata(ctx, idp.url)));
		reads.push({
			key,
			fields: { source: 'idpMetadata', idpId: idp.idpId, metadataUrl: idp.url },
			error: 'error' in read ? read.error : undefined,
		});
		if ('error' in read) failed.add(key);
		else
			for (const view of read.value)
				all.push({
					source: 'resolutionConfig',
					idpId: idp.idpId,
					idpName: idp.idpName,
					metadataUrl: idp.url,
					...view,
				});
	}
	const now = Date.now();
	const output = (c: FoundCertificate, stage: string): IDataObject => ({
		...c,
		daysLeft: daysUntil(c.notAfter, now),
		reminder: stage === EXPIRED ? EXPIRED : Number(stage),
	});
	const reportedBefore = stored?.reported ?? {};
	const reported: Record<string, string[]> = {};
	// A failing source keeps what was reported of its certificates.
	for (const [key, stages] of Object.entries(reportedBefore))
		if (failed.has(key.split('|')[0])) reported[key] = asStages(stages);
	const items: IDataObject[] = [];
	const seen = new Set<string>();
	for (const c of all) {
		const key = keyOf(c);
		if (seen.has(identityOf(c))) continue;
		seen.add(identityOf(c));
		const stages = reached(c.notAfter, now, thresholds);
		if (!stages.length) continue;
		reported[key] = stages;
		const before = asStages(reportedBefore[key], c.notAfter, now, thresholds);
		const nearest = stages[stages.length - 1];
		if (manual || !before.includes(nearest)) items.push(output(c, nearest));
	}
	if (manual) {
		const first = [...all].sort((a, b) => a.notAfter.localeCompare(b.notAfter)).slice(0, 1);
		const sample = items.length ? items : first.map((c) => output(c, String(thresholds[0] ?? 0)));
		return { items: sample, state: stored ?? { reported: {} }, reads };
	}
	return { items, state: { reported }, reads };
}

/**
 * The reminders stored for a certificate. Before reminders, the trigger stored the certificate's expiry
 * date once it had reported it: that counts as every reminder it has reached now, so nothing is repeated.
 */
function asStages(
	stored: string[] | string | undefined,
	notAfter = '',
	now = 0,
	thresholds: number[] = [],
): string[] {
	if (Array.isArray(stored)) return stored;
	if (typeof stored === 'string') return reached(notAfter || stored, now, thresholds);
	return [];
}

export const certificateExpiring: TriggerEvent<Stored> = {
	option: {
		name: 'Certificate Expiring',
		value: 'certificateExpiring',
		description:
			'An IdP signing certificate nears its expiry: one item at each reminder (30, 7 and 1 days left by default) and one when it has expired',
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
			displayName: 'Reminder Days',
			name: 'reminderDays',
			type: 'string',
			default: DEFAULT_REMINDERS,
			placeholder: '30,7,1',
			description:
				'Remind when a certificate has this many days left, comma-separated: one item per certificate at each, and one when it has expired',
		},
		{
			displayName: 'Check Metadata URLs',
			name: 'checkMetadataUrls',
			type: 'boolean',
			default: false,
			description:
				"Whether to also read the SAML metadata document of each IdP that has a metadata URL (resolution's metadataurl) and watch the signing certificates it publishes",
		},
	],
	poll,
};
