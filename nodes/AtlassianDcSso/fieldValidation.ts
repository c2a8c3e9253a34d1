import { X509Certificate } from 'crypto';
import { z } from 'zod';

/** What each kind of field must be before it is sent: the app's own rules, checked first so nothing bad is sent. */

export type FieldKind =
	| 'text'
	| 'requiredText'
	| 'boolean'
	| 'httpUrl'
	| 'optionalHttpUrl'
	| 'issuerUrl'
	| 'certificate'
	| 'secret'
	| 'scopes'
	| 'idpType'
	| 'cron';

function isHttpUrl(value: string, allowQuery: boolean): boolean {
	try {
		const url = new URL(value);
		return (
			(url.protocol === 'http:' || url.protocol === 'https:') &&
			!!url.hostname &&
			(allowQuery || url.search === '')
		);
	} catch {
		return false;
	}
}

/** PEM (one certificate) or bare base64 DER, as one bare base64 string: the form the app shows in its answers. */
function certificateBody(text: string): string {
	return text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

function parseCertificate(text: string): X509Certificate | string {
	const trimmed = text.trim();
	if (/-----BEGIN (?!CERTIFICATE-----)/.test(trimmed)) {
		return 'it is a PEM block of another kind (a certificate starts with -----BEGIN CERTIFICATE-----)';
	}
	if ((trimmed.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length > 1) {
		return 'it holds more than one certificate: give only the IdP signing certificate';
	}
	const body = certificateBody(trimmed);
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return 'it is neither PEM nor base64 DER';
	try {
		return new X509Certificate(Buffer.from(body, 'base64'));
	} catch {
		return 'it does not parse as an X.509 certificate';
	}
}

function subjectOf(cert: X509Certificate): string {
	return cert.subject.split('\n').filter(Boolean).join(', ');
}

function day(date: string): string {
	const parsed = new Date(date);
	return Number.isNaN(parsed.getTime())
		? date
		: parsed
				.toISOString()
				.replace('T', ' ')
				.replace(/\.\d{3}Z$/, ' UTC');
}

const text = z.string({ invalid_type_error: 'must be text' });
const nonBlank = text.trim().min(1, 'must not be empty');

function scopesOf(value: unknown): unknown {
	if (Array.isArray(value))
		return value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
	if (typeof value === 'string')
		return value
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
	return value;
}

export const FIELD_SCHEMAS: Record<FieldKind, z.ZodType<unknown>> = {
	text,
	requiredText: nonBlank,
	boolean: z.boolean({ invalid_type_error: 'must be true or false' }),
	httpUrl: nonBlank.refine((v) => isHttpUrl(v, true), { message: 'must be an http(s) URL' }),
	optionalHttpUrl: text.trim().refine((v) => v === '' || isHttpUrl(v, true), {
		message: 'must be an http(s) URL (or empty)',
	}),
	issuerUrl: nonBlank
		.refine((v) => isHttpUrl(v, true), { message: 'must be an http(s) URL' })
		.refine((v) => !isHttpUrl(v, true) || new URL(v).search === '', {
			message: 'must not have a query (?...)',
		}),
	secret: nonBlank,
	idpType: z.enum(['GENERIC', 'CROWD'], {
		errorMap: () => ({ message: 'must be GENERIC or CROWD' }),
	}),
	scopes: z.preprocess(
		scopesOf,
		z.array(
			z.string({ invalid_type_error: 'must be text' }).refine((s) => !/\s/.test(s), {
				message:
					'must not contain whitespace: separate scopes with commas, e.g. "groups, offline_access"',
			}),
			{ invalid_type_error: 'must be a comma-separated list of scopes' },
		),
	),
	cron: nonBlank.refine((v) => [6, 7].includes(v.split(/\s+/).length), {
		message: 'must be a Quartz cron expression of 6 or 7 fields, e.g. "0 0 1 * * ?"',
	}),
	certificate: nonBlank.transform((v, ctx) => {
		const cert = parseCertificate(v);
		if (typeof cert === 'string') {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `is not a valid X.509 certificate: ${cert}`,
			});
			return z.NEVER;
		}
		if (new Date(cert.validTo).getTime() < Date.now()) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `has expired: "${subjectOf(cert)}" was valid until ${day(cert.validTo)}`,
			});
			return z.NEVER;
		}
		return certificateBody(v);
	}),
};
