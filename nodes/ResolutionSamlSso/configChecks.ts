import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { skipLockoutCheckOption as sharedSkipLockoutCheckOption } from '../shared/node';
import { isRecord } from '../shared/json';
import { NOSSO_FIELDS, REDIRECT_TO_SSO_FIELD } from './api';

export const skipLockoutCheckOption = sharedSkipLockoutCheckOption(
	'a configuration that redirects every login to SSO while the nosso login is off (no way in when the identity provider breaks)',
);

/** Whether a configuration sends every login to SSO and leaves no nosso way in. */
export function locksOut(config: unknown): boolean {
	if (!isRecord(config) || config[REDIRECT_TO_SSO_FIELD] !== true) return false;
	return !NOSSO_FIELDS.some((field) => config[field] === true);
}

/**
 * Refuses, before anything is sent, a configuration that redirects every login to SSO with the nosso
 * login off: when the identity provider breaks, nobody gets in. `options.skipLockoutCheck` turns it off.
 */
export function assertNossoWayIn(ctx: IExecuteFunctions, itemIndex: number, result: unknown): void {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.skipLockoutCheck === true || !locksOut(result)) return;
	throw new NodeOperationError(
		ctx.getNode(),
		'The configuration would redirect every login to SSO with the nosso login off: when the identity provider fails, nobody can log in',
		{
			itemIndex,
			description: `Nothing was sent. Keep a way in: set "${NOSSO_FIELDS[0]}": true (the nosso login, ?nosso in the login URL) or "${REDIRECT_TO_SSO_FIELD}": false. To do it anyway, turn on the option "Skip Lockout Check".`,
		},
	);
}

/** Whether a patch can change the redirect or the nosso switch (only then is the result checked). */
export function patchTouchesLogin(format: string, patch: unknown): boolean {
	const fields: string[] = [REDIRECT_TO_SSO_FIELD, ...NOSSO_FIELDS];
	if (format !== 'jsonPatch') return isRecord(patch) && fields.some((field) => field in patch);
	const touches = (pointer: unknown) =>
		typeof pointer === 'string' &&
		(pointer === '' || fields.some((f) => pointer === `/${f}` || pointer.startsWith(`/${f}/`)));
	return (patch as IDataObject[]).some((op) => touches(op.path) || touches(op.from));
}

/** The IdP objects of a configuration: wherever an object has a `metadataurl` (their list's name is not public). */
function idpsWithMetadataUrl(value: unknown, found: IDataObject[] = []): IDataObject[] {
	if (Array.isArray(value)) for (const element of value) idpsWithMetadataUrl(element, found);
	else if (isRecord(value)) {
		if (typeof value.metadataurl === 'string' && value.metadataurl.trim() !== '') found.push(value);
		else for (const field of Object.values(value)) idpsWithMetadataUrl(field, found);
	}
	return found;
}

const nameOf = (idp: IDataObject) =>
	typeof idp.name === 'string' && idp.name
		? `"${idp.name}"`
		: `with metadataurl ${String(idp.metadataurl)}`;

/**
 * What resolution's documentation warns about an upload: the app does not reload IdP metadata after
 * it, so an IdP with a metadata URL keeps the certificates and endpoints of the uploaded file unless it
 * reloads them itself (`autoReloadMetadata`).
 */
export function uploadWarnings(config: unknown): string[] {
	return idpsWithMetadataUrl(config)
		.filter((idp) => idp.autoReloadMetadata !== true)
		.map(
			(idp) =>
				`The app does not reload IdP metadata after an upload: identity provider ${nameOf(idp)} has a metadataurl but "autoReloadMetadata" is not true, so it keeps the certificates and endpoints of the uploaded configuration. Reload its metadata in SAML SSO (edit the IdP), or set "autoReloadMetadata": true (it reloads every "reloadMetadataIntervalInMinutes", 1440 by default). For a clone, resolution recommends uploading the clone's own configuration, made once in its UI, after each refresh.`,
		);
}

/**
 * The configuration without the `warnings` a Replace output beside it, or undefined when it has none of
 * ours: exactly the sentences Replace makes for this configuration (so Replace → Replace sends the app
 * its own configuration; a `warnings` field of any other content is the app's and is kept).
 */
export function withoutOwnWarnings(config: IDataObject): IDataObject | undefined {
	const given = config.warnings;
	if (!Array.isArray(given) || given.length === 0) return undefined;
	const rest = { ...config };
	delete rest.warnings;
	const ours = uploadWarnings(rest);
	return ours.length === given.length && ours.every((sentence, i) => sentence === given[i])
		? rest
		: undefined;
}
