/**
 * Self-signed X.509 certificates with chosen subject and dates, as bare base64 DER (the form the apps store),
 * built here in a few lines of DER so that tests can pick expiry dates relative to now without openssl.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

let key: { privateKey: KeyObject; spki: Buffer } | undefined;

function signingKey() {
	if (!key) {
		const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
		key = {
			privateKey: pair.privateKey,
			spki: pair.publicKey.export({ type: 'spki', format: 'der' }),
		};
	}
	return key;
}

function tlv(tag: number, content: Buffer): Buffer {
	const n = content.length;
	const length =
		n < 0x80
			? Buffer.from([n])
			: n < 0x100
				? Buffer.from([0x81, n])
				: Buffer.from([0x82, n >> 8, n & 0xff]);
	return Buffer.concat([Buffer.from([tag]), length, content]);
}

const sequence = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));

function oid(dotted: string): Buffer {
	const [a, b, ...rest] = dotted.split('.').map(Number);
	const bytes = [a * 40 + b];
	for (const part of rest) {
		const chunk = [part & 0x7f];
		for (let v = part >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
		bytes.push(...chunk);
	}
	return tlv(0x06, Buffer.from(bytes));
}

function time(date: Date): Buffer {
	const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
	const year = date.getUTCFullYear();
	return year < 2050
		? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`))
		: tlv(0x18, Buffer.from(`${iso}Z`));
}

const name = (commonName: string) =>
	sequence(tlv(0x31, sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));

let serial = 1;

export interface CertificateOptions {
	commonName: string;
	notAfter: Date;
	/** Default: a year before notAfter. */
	notBefore?: Date;
}

/** A certificate as bare base64 DER. */
export function makeCertificate({ commonName, notAfter, notBefore }: CertificateOptions): string {
	const { privateKey, spki } = signingKey();
	const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
	const tbs = sequence(
		tlv(0xa0, tlv(0x02, Buffer.from([2]))),
		tlv(0x02, Buffer.from([0x01, serial++ & 0x7f])),
		ecdsaWithSha256,
		name(commonName),
		sequence(time(notBefore ?? new Date(notAfter.getTime() - 365 * 86_400_000)), time(notAfter)),
		name(commonName),
		spki,
	);
	const signature = sign('sha256', tbs, privateKey);
	return sequence(
		tbs,
		ecdsaWithSha256,
		tlv(0x03, Buffer.concat([Buffer.from([0]), signature])),
	).toString('base64');
}

/** A certificate that expires this many days from now (negative: expired). */
export const certificateExpiringIn = (commonName: string, days: number): string =>
	makeCertificate({ commonName, notAfter: new Date(Date.now() + days * 86_400_000) });

const seeded = new Map<string, string>();

/** Seed data's certificates: made once per process (dates relative to its start), so a reset gives the same bytes. */
export function seedCertificate(commonName: string, days: number): string {
	const key = `${commonName}|${days}`;
	if (!seeded.has(key)) seeded.set(key, certificateExpiringIn(commonName, days));
	return seeded.get(key) as string;
}
