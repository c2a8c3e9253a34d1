/**
 * SSO for Atlassian Data Center (`/rest/authconfig/1.0`, Atlassian's REST API documentation of the app). Sysadmin only (401 anonymous,
 * 403 non-admin) except GET /login-options. Choices where the vendor is silent:
 * - /idps pages with `start` (default 0) and `limit` (default 25); bad numbers answer 400.
 * - Create defaults: enabled false, enable-remember-me false, include-customer-logins false,
 *   button-text '', SAML idp-type GENERIC + username-attribute ${NameID}, OIDC discovery-enabled
 *   true + username-claim ${preferred_username}; `name` is required.
 * - PATCH cannot change `sso-type` (400). `client-secret` is stored, never returned.
 */
import type { AppModule, JsonObject, SimRequestContext, SimResponse } from '../http';
import { clone, isObject, jerseyNotFound, json, queryOne, readJson } from '../http';
import type { Errors } from './authconfig-validation';
import { checkBody, checkIdp, JIT_FIELDS, OIDC_FIELDS, SAML_FIELDS } from './authconfig-validation';

const ORDER_COMMON = [
	'id',
	'name',
	'enabled',
	'certificate',
	'sso-type',
	'include-customer-logins',
	'enable-remember-me',
	'last-updated',
	'jit-configuration',
	'button-text',
];

function timestamp(): string {
	return new Date().toISOString().replace('Z', '+00:00');
}

/** The IdP as the API shows it: fixed key order, no client-secret. */
export function view(idp: JsonObject): JsonObject {
	const typeFields = idp['sso-type'] === 'OIDC' ? OIDC_FIELDS : SAML_FIELDS;
	const out: JsonObject = {};
	for (const key of [...ORDER_COMMON, ...typeFields]) {
		if (key === 'client-secret' || !(key in idp)) continue;
		out[key] = clone(idp[key]);
	}
	return out;
}

const invalid = (errors: Errors) => json(400, { errors });

function findIdp(ctx: SimRequestContext): JsonObject | undefined | 'bad-id' {
	if (!/^\d+$/.test(ctx.params.id)) return 'bad-id';
	return ctx.state.authconfig.idps.find((i) => i.id === Number(ctx.params.id));
}

function withIdp(fn: (ctx: SimRequestContext, idp: JsonObject) => SimResponse) {
	return (ctx: SimRequestContext): SimResponse => {
		const idp = findIdp(ctx);
		if (idp === 'bad-id') return jerseyNotFound(ctx.fullUrl);
		if (!idp) return json(404, { message: `No identity provider with id ${ctx.params.id}` });
		return fn(ctx, idp);
	};
}

function listIdps(ctx: SimRequestContext): SimResponse {
	const startRaw = queryOne(ctx, 'start') ?? '0';
	const limitRaw = queryOne(ctx, 'limit') ?? '25';
	if (!/^\d+$/.test(startRaw) || !/^\d+$/.test(limitRaw) || Number(limitRaw) < 1) {
		return json(400, { message: 'start must be >= 0 and limit >= 1' });
	}
	const ignorePaging = ctx.state.variants.ignorePaging;
	const start = ignorePaging ? 0 : Number(startRaw);
	const limit = Number(limitRaw);
	const all = ctx.state.authconfig.idps;
	const results = all.slice(start, start + limit).map(view);
	return json(200, {
		results,
		size: results.length,
		start,
		limit,
		isLastPage: !ignorePaging && start + results.length >= all.length,
	});
}

function createIdp(ctx: SimRequestContext): SimResponse {
	const body = readJson(ctx);
	if (!body.ok) return body.response;
	if (!isObject(body.value)) return json(400, { message: 'The body must be a JSON object' });
	const input = body.value;
	const type = input['sso-type'];
	if (type === undefined || type === null) return invalid({ 'sso-type': ['must not be null'] });
	if (type !== 'SAML' && type !== 'OIDC')
		return invalid({ 'sso-type': ['must be one of SAML, OIDC'] });
	const shapeErrors = checkBody(input, type);
	if (Object.keys(shapeErrors).length) return invalid(shapeErrors);
	const state = ctx.state.authconfig;
	const defaults: JsonObject =
		type === 'SAML'
			? { 'idp-type': 'GENERIC', 'username-attribute': '${NameID}' }
			: {
					'discovery-enabled': true,
					'authorization-endpoint': '',
					'token-endpoint': '',
					'userinfo-endpoint': '',
					'additional-scopes': [],
					'username-claim': '${preferred_username}',
				};
	const jitInput = isObject(input['jit-configuration']) ? input['jit-configuration'] : {};
	const jit: JsonObject = {
		'user-provisioning-enabled': false,
		'mapping-display-name': '',
		'mapping-email': '',
		'mapping-groups': '',
		'additional-openid-scopes': [],
	};
	for (const key of JIT_FIELDS)
		if (jitInput[key] !== undefined && jitInput[key] !== null) jit[key] = jitInput[key];
	const idp: JsonObject = {
		enabled: false,
		'include-customer-logins': false,
		'enable-remember-me': false,
		'button-text': '',
		...defaults,
	};
	for (const [key, value] of Object.entries(input))
		if (value !== null && key !== 'id' && key !== 'last-updated') idp[key] = value;
	idp['jit-configuration'] = jit;
	idp.id = state.nextId;
	idp['last-updated'] = timestamp();
	const errors = checkIdp(idp);
	if (Object.keys(errors).length) return invalid(errors);
	state.nextId += 1;
	state.idps.push(idp);
	return json(200, view(idp));
}

function patchIdp(ctx: SimRequestContext, idp: JsonObject): SimResponse {
	const body = readJson(ctx);
	if (!body.ok) return body.response;
	if (!isObject(body.value)) return json(400, { message: 'The body must be a JSON object' });
	const input = body.value;
	if (input.id !== undefined && input.id !== null && input.id !== idp.id) {
		return invalid({ id: ['must be absent or equal to the id in the path'] });
	}
	if (
		input['sso-type'] !== undefined &&
		input['sso-type'] !== null &&
		input['sso-type'] !== idp['sso-type']
	) {
		return invalid({ 'sso-type': ['cannot be changed'] });
	}
	const shapeErrors = checkBody(input, String(idp['sso-type']));
	if (Object.keys(shapeErrors).length) return invalid(shapeErrors);
	const merged = clone(idp);
	for (const [key, value] of Object.entries(input)) {
		if (value === null || key === 'id' || key === 'last-updated') continue;
		if (
			key === 'jit-configuration' &&
			isObject(value) &&
			!ctx.state.variants.replaceNestedObjects
		) {
			const jit = isObject(merged[key]) ? (merged[key] as JsonObject) : {};
			for (const [k, v] of Object.entries(value)) if (v !== null) jit[k] = v;
			merged[key] = jit;
		} else {
			merged[key] = value;
		}
	}
	const errors = checkIdp(merged);
	if (Object.keys(errors).length) return invalid(errors);
	merged['last-updated'] = timestamp();
	Object.assign(idp, merged);
	return json(200, view(idp));
}

function deleteIdp(ctx: SimRequestContext, idp: JsonObject): SimResponse {
	const state = ctx.state.authconfig;
	state.idps = state.idps.filter((i) => i !== idp);
	return json(200, view(idp));
}

function loginOptions(ctx: SimRequestContext): SimResponse {
	const results: JsonObject[] = [];
	if (ctx.state.authconfig.sso['show-login-form'] === true)
		results.push({ type: 'LOGIN_FORM', id: 0 });
	for (const idp of ctx.state.authconfig.idps) {
		if (idp.enabled !== true) continue;
		results.push({
			type: 'IDP',
			id: idp.id,
			'button-text': idp['button-text'],
			'login-link': `${ctx.baseUrl}/plugins/servlet/external-login/${String(idp.id)}`,
		});
	}
	return json(200, { results, size: results.length, start: 0, limit: -1, isLastPage: true });
}

const SSO_BOOLEANS = [
	'show-login-form',
	'enable-authentication-fallback',
	'show-login-form-for-jsm',
];

function patchSso(ctx: SimRequestContext): SimResponse {
	const body = readJson(ctx);
	if (!body.ok) return body.response;
	if (!isObject(body.value)) return json(400, { message: 'The body must be a JSON object' });
	const errors: Errors = {};
	for (const [key, value] of Object.entries(body.value)) {
		if (value === null || key === 'last-updated') continue;
		if (SSO_BOOLEANS.includes(key)) {
			if (typeof value !== 'boolean') errors[key] = ['must be a boolean'];
		} else if (key === 'discovery-refresh-cron') {
			if (typeof value !== 'string' || value.trim().split(/\s+/).length < 6)
				errors[key] = ['must be a valid cron expression'];
		} else errors[key] = ['Unrecognized field'];
	}
	if (Object.keys(errors).length) return invalid(errors);
	const sso = ctx.state.authconfig.sso;
	for (const [key, value] of Object.entries(body.value))
		if (value !== null && key !== 'last-updated') sso[key] = value;
	sso['last-updated'] = timestamp();
	return json(200, sso);
}

export const authconfigApp: AppModule = {
	prefix: '/rest/authconfig/1.0',
	forbidden: () =>
		json(403, {
			message: 'You must be a system administrator to access this resource.',
			'status-code': 403,
		}),
	routes: [
		{ method: 'GET', pattern: '/login-options', access: 'anonymous', handler: loginOptions },
		{ method: 'GET', pattern: '/idps', access: 'admin', handler: listIdps },
		{ method: 'POST', pattern: '/idps', access: 'admin', handler: createIdp },
		{
			method: 'GET',
			pattern: '/idps/:id',
			access: 'admin',
			handler: withIdp((_ctx, idp) => json(200, view(idp))),
		},
		{ method: 'PATCH', pattern: '/idps/:id', access: 'admin', handler: withIdp(patchIdp) },
		{ method: 'DELETE', pattern: '/idps/:id', access: 'admin', handler: withIdp(deleteIdp) },
		{
			method: 'GET',
			pattern: '/sso',
			access: 'admin',
			handler: (ctx) => json(200, ctx.state.authconfig.sso),
		},
		{ method: 'PATCH', pattern: '/sso', access: 'admin', handler: patchSso },
	],
};
