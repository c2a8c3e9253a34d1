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
