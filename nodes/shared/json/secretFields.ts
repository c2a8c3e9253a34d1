import { createHash } from 'crypto';

import { certificateView } from './certificate';

/**
 * Which fields of a server's answer hold secrets, by their name (and private keys by their text), so that
 * the trigger never outputs nor stores them and summaries never print them. Only real secrets: a field
 * such as `token-endpoint` or `password-policy` is an ordinary field, compared and shown.
 */

/** Names ending in secret(s), password(s), passwd, passphrase, or "secret key"/"private key" (any case or separator). */
const SECRET_SUFFIX = /(secrets?|passwords?|passwd|passphrase|(private|secret)[-_. ]?keys?)$/i;

/** The name's words: `accessToken`, `access-token`, `access_token` → [access, token]. */
const words = (name: string) =>
	name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

/** Whether a field with this name holds a secret: see SECRET_SUFFIX; "token" counts only as the name's last whole word. */
export function isSecretField(name: string): boolean {
	if (SECRET_SUFFIX.test(name)) return true;
	const last = words(name).at(-1);
	return last === 'token' || last === 'tokens';
}

const PRIVATE_KEY_PEM = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;

/** Whether a text is a private key (PEM), whatever the field it sits in. */
export function isPrivateKeyText(value: unknown): boolean {
	return typeof value === 'string' && PRIVATE_KEY_PEM.test(value);
}

/** A PEM block of any kind but a certificate: private and public keys, key stores, encrypted keys. */
const KEY_PEM = /-----BEGIN (?![A-Z0-9 ]*CERTIFICATE-----)[A-Z0-9 ]+-----/;
/** base64 or base64url, whitespace allowed between lines; at least this long once whitespace is removed. */
const LONG_BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const MIN_KEY_LENGTH = 40;

/**
 * Whether a text looks like key material whatever the field it sits in: a PEM block that is not a
 * certificate, or a long base64 value (upper and lower case letters and digits, as random bytes give)
 * that is not an X.509 certificate (a key without a PEM header, a keystore, a shared secret).
 */
export function isKeyMaterial(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	// PEM text: only its blocks that are not certificates count (a bundle of certificates is none).
	if (value.includes('-----BEGIN ')) return isPrivateKeyText(value) || KEY_PEM.test(value);
	const body = value.replace(/\s+/g, '');
	if (body.length < MIN_KEY_LENGTH || !LONG_BASE64.test(body)) return false;
	if (!/[A-Z]/.test(body) || !/[a-z]/.test(body) || !/[0-9]/.test(body)) return false;
	return certificateView(body) === undefined;
}

/**
 * What key material is stored and shown as: the marker and the start of its SHA-256, so that a rotated
 * key is still seen as a change while its value never is.
 */
export function keyFingerprint(value: string): string {
	const digest = createHash('sha256').update(value.replace(/\s+/g, '')).digest('hex').toUpperCase();
	return `${HIDDEN_KEY} (SHA-256 ${digest.slice(0, 16)})`;
}

const HIDDEN_KEY = '**hidden key**';

/** Whether a value is what keyFingerprint made. */
export function isKeyFingerprint(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith(HIDDEN_KEY);
}
