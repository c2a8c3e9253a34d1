import { createHash, X509Certificate } from 'crypto';

/** How a certificate is compared, stored and shown: never in full. */
export type CertificateView = {
	subject: string;
	/** SHA-256 of the DER bytes, colon-separated hex (as browsers and openssl show it). */
	fingerprint: string;
	/** ISO 8601, UTC. */
	notAfter: string;
};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A PEM or bare base64 DER certificate (as the apps store them), or undefined when it is not one. */
export function certificateView(text: string): CertificateView | undefined {
	const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
	if (body.length < 100 || !BASE64.test(body)) return undefined;
	try {
		const der = Buffer.from(body, 'base64');
		const cert = new X509Certificate(der);
		return {
			subject: cert.subject.split('\n').filter(Boolean).join(', '),
			fingerprint: createHash('sha256')
				.update(der)
				.digest('hex')
				.toUpperCase()
				.replace(/(..)(?!$)/g, '$1:'),
			notAfter: new Date(cert.validTo).toISOString(),
		};
	} catch {
		return undefined;
	}
}

/** Whole days from now until a date, rounded down (negative once it has passed). */
export function daysUntil(iso: string, now = Date.now()): number {
	return Math.floor((Date.parse(iso) - now) / 86_400_000);
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The certificates in a text: one (PEM or bare base64 DER) or a PEM bundle of several, each as a view;
 * undefined when the text is not certificates (or a block of the bundle does not parse).
 */
export function certificateViews(text: string): CertificateView[] | undefined {
	if (text.length < 100) return undefined;
	const blocks = text.match(PEM_BLOCK) ?? [];
	if (blocks.length < 2) {
		const one = certificateView(text);
		return one ? [one] : undefined;
	}
	const views = blocks.map((block) => certificateView(block));
	return views.every((view) => view !== undefined) ? (views as CertificateView[]) : undefined;
}

/** A certificate as a read gives it beside the raw value: who it names, its fingerprint, when it ends and the whole days left. */
export type CertificateInfo = CertificateView & { daysLeft: number };

/** The certificates in a raw value (a text, or a list of texts), each with its days left; unparsable texts give none. */
export function certificateInfo(value: unknown, now = Date.now()): CertificateInfo[] {
	const texts = Array.isArray(value) ? value : [value];
	return texts.flatMap((text) =>
		typeof text === 'string'
			? (certificateViews(text) ?? []).map((view) => ({
					...view,
					daysLeft: daysUntil(view.notAfter, now),
				}))
			: [],
	);
}
