/**
 * Kantega SSO Enterprise (Kantega's REST API page and docs/data-center-apis.md): SYS_ADMIN only, 401 otherwise.
 * Choice where the vendor is silent: the body of PUT (replace) is exactly `{"groupName":"<new name>"}`
 * with Content-Type application/json; anything else is 400. Replacing with a name that is already
 * managed is 400 (variant `kantegaReplaceBodyName`: the name is read from `{"name": …}`, another
 * body answered 204 without a change). Group path segments are decoded once by the core and matched exactly.
 */
import type { KantegaIdp } from '../data/kantega';
import type { AppModule, SimRequestContext, SimResponse } from '../http';
import { isObject, json, noContent, readJson } from '../http';

function findIdp(ctx: SimRequestContext): KantegaIdp | undefined {
	return ctx.state.kantega.idps.find((i) => i.id === ctx.params.idpId);
}

const badRequest = (msg: string) => json(400, { message: msg });
const unknownIdp = (ctx: SimRequestContext) =>
	badRequest(`Could not find IdP configuration with id ${ctx.params.idpId}`);
const notManaged = (ctx: SimRequestContext) =>
	json(404, { message: `Group ${ctx.params.group} is not a managed group of ${ctx.params.idpId}` });

function withIdp(fn: (ctx: SimRequestContext, idp: KantegaIdp) => SimResponse) {
	return (ctx: SimRequestContext): SimResponse => {
		const idp = findIdp(ctx);
		return idp ? fn(ctx, idp) : unknownIdp(ctx);
	};
}

/**
 * Variant `kantegaReplaceBodyName`: a version that reads the new name from `{"name": …}` and ignores
 * every other field of a JSON object: another body is answered 204, and nothing changes.
 */
function replaceGroupByName(ctx: SimRequestContext, idp: KantegaIdp): SimResponse {
	const body = readJson(ctx);
	if (!body.ok) return body.response;
	if (!isObject(body.value)) return badRequest('Body must be a JSON object');
	const index = idp.managedGroups.indexOf(ctx.params.group);
	if (index < 0) return notManaged(ctx);
	const name = body.value.name;
	if (typeof name !== 'string' || name.trim() === '') return noContent();
	if (name !== ctx.params.group && idp.managedGroups.includes(name))
		return badRequest(`Group ${name} is already managed`);
	idp.managedGroups[index] = name;
	return noContent();
}

function replaceGroup(ctx: SimRequestContext, idp: KantegaIdp): SimResponse {
	if (ctx.state.variants.kantegaReplaceBodyName) return replaceGroupByName(ctx, idp);
	const body = readJson(ctx);
	if (!body.ok)
		return body.response.status === 415
			? body.response
			: badRequest('Body must be {"groupName": "<new name>"}');
	const value = body.value;
	if (
		!isObject(value) ||
		Object.keys(value).length !== 1 ||
		typeof value.groupName !== 'string' ||
		value.groupName.trim() === ''
	) {
		return badRequest('Body must be {"groupName": "<new name>"}');
	}
	const index = idp.managedGroups.indexOf(ctx.params.group);
	if (index < 0) return notManaged(ctx);
	if (value.groupName !== ctx.params.group && idp.managedGroups.includes(value.groupName)) {
		return badRequest(`Group ${value.groupName} is already managed`);
	}
	idp.managedGroups[index] = value.groupName;
	return noContent();
}

export const kantegaApp: AppModule = {
	prefix: '/rest/ksso/api',
	forbidden: () =>
		json(401, { message: 'User does not have system admin permission', 'status-code': 401 }),
	routes: [
		{
			method: 'GET',
			pattern: '/info/1.0/ping',
			access: 'user',
			handler: () =>
				json(200, { datetime: new Date().toISOString(), response: 'pong', timestamp: Date.now() }),
		},
		{
			method: 'GET',
			pattern: '/idp/1.0/idp/ids',
			access: 'admin',
			handler: (ctx) =>
				json(
					200,
					ctx.state.kantega.idps.map((i) => ({ id: i.id, name: i.name })),
				),
		},
		{
			method: 'GET',
			pattern: '/idp/1.0/managedgroups/:idpId/groups',
			access: 'admin',
			handler: withIdp((ctx, idp) =>
				json(
					200,
					ctx.state.variants.kantegaGroupsAsObjects
						? { groups: idp.managedGroups.map((name) => ({ name })) }
						: idp.managedGroups,
				),
			),
		},
		{
			method: 'GET',
			pattern: '/idp/1.0/managedgroups/:idpId/groups/:group',
			access: 'admin',
			handler: withIdp((ctx, idp) =>
				idp.managedGroups.includes(ctx.params.group) ? noContent() : notManaged(ctx),
			),
		},
		{
			method: 'POST',
			pattern: '/idp/1.0/managedgroups/:idpId/groups/:group',
			access: 'admin',
			handler: withIdp((ctx, idp) => {
				if (ctx.params.group.trim() === '') return badRequest('Group name must not be empty');
				if (idp.managedGroups.includes(ctx.params.group))
					return badRequest(`Group ${ctx.params.group} is already managed`);
				idp.managedGroups.push(ctx.params.group);
				return noContent();
			}),
		},
		{
			method: 'PUT',
			pattern: '/idp/1.0/managedgroups/:idpId/groups/:group',
			access: 'admin',
			handler: withIdp(replaceGroup),
		},
		{
			method: 'DELETE',
			pattern: '/idp/1.0/managedgroups/:idpId/groups/:group',
			access: 'admin',
			handler: withIdp((ctx, idp) => {
				const index = idp.managedGroups.indexOf(ctx.params.group);
				if (index < 0) return notManaged(ctx);
				idp.managedGroups.splice(index, 1);
				return noContent();
			}),
		},
	],
};
