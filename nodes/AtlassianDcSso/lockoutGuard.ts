import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { skipLockoutCheckOption as sharedSkipLockoutCheckOption } from '../shared/node';
import { readIdps, readSsoSettings } from './reads';

export const skipLockoutCheckOption = sharedSkipLockoutCheckOption(
	'a change leaving no way to log in (login form hidden, authentication fallback off and no enabled identity provider)',
);

/** What the change would leave: the IdP it removes or disables, and the SSO settings it sets. */
export interface LoginChange {
	removesIdp?: string;
	disablesIdp?: string;
	sso?: IDataObject;
}

const LOGIN_FORM = 'show-login-form';
const FALLBACK = 'enable-authentication-fallback';

/** Settings that open the form or the fallback, or touch neither, cannot lock anybody out. */
function closesAWay(sso: IDataObject): boolean {
	if (sso[LOGIN_FORM] === true || sso[FALLBACK] === true) return false;
	return sso[LOGIN_FORM] === false || sso[FALLBACK] === false;
}

/**
 * Refuses, before anything is sent, a change after which nobody could log in: the login form hidden,
 * authentication fallback off and no enabled identity provider. `options.skipLockoutCheck` turns it off.
 */
export async function assertLoginStaysOpen(
	ctx: IExecuteFunctions,
	itemIndex: number,
	change: LoginChange,
): Promise<void> {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.skipLockoutCheck === true || (change.sso && !closesAWay(change.sso))) return;
	const sso = { ...(await readSsoSettings(ctx, itemIndex)), ...change.sso };
	// The identity providers are read only when the login form and the fallback would both be closed.
	if (sso[LOGIN_FORM] === true || sso[FALLBACK] === true) return;
	const changed = change.removesIdp ?? change.disablesIdp;
	const enabledIdps = (await readIdps(ctx, itemIndex, Infinity)).filter(
		(idp) => idp.enabled === true && String(idp.id) !== changed,
	);
	if (enabledIdps.length > 0) return;
	const what = change.removesIdp
		? `Deleting identity provider ${change.removesIdp}`
		: change.disablesIdp
			? `Disabling identity provider ${change.disablesIdp}`
			: 'These SSO settings';
	throw new NodeOperationError(
		ctx.getNode(),
		`${what} would leave no way to log in: the login form hidden, authentication fallback off and no enabled identity provider`,
		{
			itemIndex,
			description:
				'Nothing was sent. Keep one way open first: turn on "Show Login Form" or "Enable Authentication Fallback" (SSO Setting → Update), or enable another identity provider. To do it anyway, turn on the option "Skip Lockout Check".',
		},
	);
}
