import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { certificateView, type CertificateView } from '../shared/json';

/** An IdP that publishes its SAML metadata at a URL (resolution's `metadataurl`). */
export interface MetadataIdp {
	idpId: string | null;
	idpName: string | null;
	url: string;
}

/** How long one metadata document may take: far below the shortest poll interval (a minute). */
const METADATA_TIMEOUT_MS = 15_000;

const KEY_DESCRIPTOR =
	/<(?:[\w-]+:)?KeyDescriptor\b([^>]*)>([\s\S]*?)<\/(?:[\w-]+:)?KeyDescriptor>/g;
const X509 = /<(?:[\w-]+:)?X509Certificate\b[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?X509Certificate>/g;

/**
 * The signing certificates of a SAML metadata document: those in a KeyDescriptor for signing or for any
 * use (no `use`), not those only for encryption. Each once.
 */
export function signingCertificates(xml: string): CertificateView[] {
	const views = new Map<string, CertificateView>();
	for (const [, attributes, inner] of xml.matchAll(KEY_DESCRIPTOR)) {
		if (/\buse\s*=\s*["']encryption["']/.test(attributes)) continue;
		for (const [, body] of inner.matchAll(X509)) {
			const view = certificateView(body.replace(/&#13;|&#xD;|\s+/gi, ''));
			if (view) views.set(view.fingerprint, view);
		}
	}
	return [...views.values()];
}

/** The metadata document at an IdP's URL, through n8n's HTTP helper (n8n's proxy and outbound-request policy apply). */
export async function readMetadata(ctx: IPollFunctions, url: string): Promise<string> {
	const answer = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		headers: { Accept: 'application/samlmetadata+xml, application/xml, text/xml' },
		json: false,
		encoding: 'text',
		timeout: METADATA_TIMEOUT_MS,
	})) as unknown;
	return typeof answer === 'string' ? answer : JSON.stringify(answer as IDataObject);
}
