/**
 * Deviniti Active Directory Attributes Sync for Jira (Deviniti's REST API page): GET and PUT only (others 405).
 * Choices where the vendor is silent (kept here, easy to change):
 * - PUT /update answers 200 `{"connectionId","updatedConnections","updatedUsers"}`; it validates the
 *   whole body first (400 with a message) and applies nothing on error; unknown userKey: 400.
 * - Paging: `page` must be an integer >= 1 (else 400); `size` defaults to 25 and is clamped to
 *   [1, maxPageSize]; a page past the end answers empty elements. Filters accept comma-separated
 *   values and repeated parameters. Usernames match case-insensitively, user keys exactly.
 */
import type { AdConnection, AdUserRecord, DevinitiState } from '../data/deviniti';
import type { AppModule, JsonValue, SimRequestContext, SimResponse } from '../http';
import { isObject, json, queryOne, queryValues, readJson, text } from '../http';

function dev(ctx: SimRequestContext): DevinitiState {
	return ctx.state.deviniti;
}

function findConnection(ctx: SimRequestContext, idOrName: string): AdConnection | undefined {
	return dev(ctx).connections.find((c) => c.enabled && (c.id === idOrName || c.name === idOrName));
}

function userMatches(u: AdUserRecord, keyOrName: string): boolean {
	return u.userKey === keyOrName || u.username.toLowerCase() === keyOrName.toLowerCase();
}

const notFound = (msg: string) => json(404, { message: msg });

function listConnections(ctx: SimRequestContext): SimResponse {
	const result: Record<string, string[]> = {};
	for (const c of dev(ctx).connections) if (c.enabled) result[c.name] = c.attributes;
	return json(200, result);
}

function userInConnection(ctx: SimRequestContext): {
	conn?: AdConnection;
	user?: AdUserRecord;
	error?: SimResponse;
} {
	const conn = findConnection(ctx, ctx.params.conn);
	if (!conn) return { error: notFound(`Connection ${ctx.params.conn} not found`) };
	const user = dev(ctx).users.find(
		(u) => u.connectionId === conn.id && userMatches(u, ctx.params.user),
	);
	if (!user)
		return { error: notFound(`User ${ctx.params.user} not found in connection ${conn.name}`) };
	return { conn, user };
}

function getConnectionUser(ctx: SimRequestContext): SimResponse {
	const found = userInConnection(ctx);
	return found.error ?? json(200, found.user?.fields);
}

function getField(ctx: SimRequestContext): SimResponse {
	const found = userInConnection(ctx);
	if (found.error) return found.error;
	const fields = found.user?.fields ?? {};
	if (!(ctx.params.field in fields))
		return notFound(`Field ${ctx.params.field} not found for user ${ctx.params.user}`);
	return json(200, { [ctx.params.field]: fields[ctx.params.field] });
}

function getUser(ctx: SimRequestContext): SimResponse {
	const result: Record<string, Record<string, string>> = {};
	for (const u of dev(ctx).users) {
		if (!userMatches(u, ctx.params.user)) continue;
		const conn = dev(ctx).connections.find((c) => c.id === u.connectionId && c.enabled);
		if (conn) result[conn.name] = u.fields;
	}
	return Object.keys(result).length
		? json(200, result)
		: notFound(`User ${ctx.params.user} not found`);
}

function applyChurn(state: DevinitiState): void {
	const { insertPerPage, deletePerPage } = state.pagingChurn;
	if (deletePerPage > 0) state.users.splice(0, deletePerPage);
	for (let i = 0; i < insertPerPage; i++) {
		state.churnCounter += 1;
		const n = String(state.churnCounter).padStart(5, '0');
		state.users.unshift({
			username: `churn${n}`,
			userKey: `JIRAUSER9${n}`,
			connectionId: '2',
			fields: { mail: `churn${n}@ad.example.com`, displayName: `Churn ${n}` },
		});
	}
}

/*
 * Paging cost. A real Data Center serves concurrent requests on many threads and the simulator's
 * latency models its work, so the single-threaded simulator's own CPU per page must stay small next to
 * it. Three caches take a 1000-user page of a 50,000-user state from about 2.5-4 ms of CPU to about 0.4 ms
 * (most of what is left: the identity scan below), without changing a byte of any answer: the state
 * stays the only truth (tests and the control endpoints may change it in any way, in place or by
 * replacing objects), and each cached value is checked against it before use.
 * - The matching users of an unfiltered listing (only the connection in the path, configurationIds or
 *   fields given), per users array and filter: valid while the array holds the same user objects, with
 *   the same connectionIds, in the same order, and the same connections are enabled. Checking this is an
 *   identity scan of the array, far cheaper than the filter. PUT /update never invalidates it; paging
 *   churn does (the next listing filters anew).
 * - Each user's serialized element: valid while its username, connection name and fields (compared key
 *   by key, in order) are the ones it was made from. Only users whose values are all strings are cached.
 * - The body of a page with all fields, per valid matching list, page and size: valid while each user on
 *   the page still has the very element JSON the body was built from.
 */
type Matching = {
	snapshot: AdUserRecord[];
	connectionIds: string[];
	enabledIds: string;
	matching: AdUserRecord[];
	/** Bodies of pages with all fields, by `${page}:${size}`, with the element JSON they were built from. */
	bodies: Map<string, { body: string; elements: string[] }>;
	bodyChars: number;
};
const matchingCache = new WeakMap<AdUserRecord[], Map<string, Matching>>();
const MATCHING_CACHE_KEYS = 8;
const BODY_CACHE_CHARS = 32 * 1024 * 1024;

function sameUsers(cached: Matching, users: AdUserRecord[], enabledIds: string): boolean {
	if (cached.enabledIds !== enabledIds || cached.snapshot.length !== users.length) return false;
	const { snapshot, connectionIds } = cached;
	try {
		for (let i = 0; i < users.length; i++) {
			const u = users[i];
			if (u !== snapshot[i] || u.connectionId !== connectionIds[i]) return false;
		}
	} catch {
		return false; // a hole or a non-object: let the filter answer as it always did
	}
	return true;
}

/** The users matching an unfiltered listing (key: the configuration ids it is limited to), from the cache when still valid. */
function cachedMatching(
	users: AdUserRecord[],
	key: string,
	enabledIds: string,
	filter: () => AdUserRecord[],
): Matching {
	let byKey = matchingCache.get(users);
	const cached = byKey?.get(key);
	if (cached && sameUsers(cached, users, enabledIds)) return cached;
	const snapshot = users.slice();
	const matching = filter();
	if (!byKey || byKey.size >= MATCHING_CACHE_KEYS) {
		byKey = new Map();
		matchingCache.set(users, byKey);
	}
	const entry = {
		snapshot,
		connectionIds: snapshot.map((u) => u?.connectionId),
		enabledIds,
		matching,
		bodies: new Map<string, { body: string; elements: string[] }>(),
		bodyChars: 0,
	};
	byKey.set(key, entry);
	return entry;
}

type Element = {
	username: string;
	configurationName: string | undefined;
	keys: string[];
	values: string[];
	json: string;
};
const elementCache = new WeakMap<AdUserRecord, Element>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
	);
}

function sameFields(fields: Record<string, unknown>, cached: Element): boolean {
	if (!isPlainObject(fields)) return false;
	const { keys, values } = cached;
	let i = 0;
	for (const key in fields) {
		if (key !== keys[i] || fields[key] !== values[i]) return false;
		i++;
	}
	return i === keys.length;
}

/** The cached JSON of one element of a listing with all fields, if still valid. */
function cachedElementJson(
	u: AdUserRecord,
	configurationName: string | undefined,
): string | undefined {
	const cached = elementCache.get(u);
	if (
		cached &&
		cached.username === u.username &&
		cached.configurationName === configurationName &&
		sameFields(u.fields, cached)
	) {
		return cached.json;
	}
	return undefined;
}

/** JSON of one element of a listing with all fields: exactly JSON.stringify of the element. */
function elementJson(u: AdUserRecord, configurationName: string | undefined): string {
	const cached = cachedElementJson(u, configurationName);
	if (cached !== undefined) return cached;
	const json = JSON.stringify({ username: u.username, configurationName, fields: u.fields });
	const fields = u.fields as unknown;
	const keys: string[] = [];
	const values: string[] = [];
	let cacheable =
		typeof u.username === 'string' &&
		(configurationName === undefined || typeof configurationName === 'string') &&
		isPlainObject(fields);
	if (cacheable) {
		for (const key in fields as Record<string, unknown>) {
			const value = (fields as Record<string, unknown>)[key];
			if (typeof value !== 'string') {
				cacheable = false;
				break;
			}
			keys.push(key);
			values.push(value);
		}
	}
	if (cacheable)
		elementCache.set(u, { username: u.username, configurationName, keys, values, json });
	else elementCache.delete(u);
	return json;
}

function paged(ctx: SimRequestContext, conn?: AdConnection): SimResponse {
	const state = dev(ctx);
	const pageRaw = queryOne(ctx, 'page') ?? '1';
	const sizeRaw = queryOne(ctx, 'size') ?? '25';
	if (!/^\d+$/.test(pageRaw) || Number(pageRaw) < 1)
		return json(400, { message: `Invalid page: ${pageRaw}` });
	if (!/^\d+$/.test(sizeRaw)) return json(400, { message: `Invalid size: ${sizeRaw}` });
	const page = ctx.state.variants.ignorePaging ? 1 : Number(pageRaw);
	const size = Math.min(Math.max(Number(sizeRaw), 1), state.maxPageSize);
	const usernames = queryValues(ctx, 'usernames').map((u) => u.toLowerCase());
	const userkeys = queryValues(ctx, 'userkeys');
	const confIds = conn ? [conn.id] : queryValues(ctx, 'configurationIds');
	const confNames = conn ? [] : queryValues(ctx, 'configurationNames');
	const fields = queryValues(ctx, 'fields');
	const enabledConnections = state.connections.filter((c) => c.enabled);
	const enabled = new Map(enabledConnections.map((c) => [c.id, c]));
	const filter = () =>
		state.users.filter((u) => {
			const c = enabled.get(u.connectionId);
			if (!c) return false;
			if (confIds.length && !confIds.includes(c.id)) return false;
			if (confNames.length && !confNames.includes(c.name)) return false;
			// usernames and userkeys together select users matching either (the vendor page's example).
			if (usernames.length || userkeys.length) {
				return usernames.includes(u.username.toLowerCase()) || userkeys.includes(u.userKey);
			}
			return true;
		});
	// Variant `devinitiListUserKeys`: each element also carries its userKey (built without the caches).
	const withKeys = ctx.state.variants.devinitiListUserKeys;
	const cache =
		withKeys || confNames.length || usernames.length || userkeys.length
			? undefined
			: cachedMatching(
					state.users,
					JSON.stringify(confIds),
					JSON.stringify(enabledConnections.map((c) => c.id)),
					filter,
				);
	const matching = cache ? cache.matching : filter();
	const onPage = matching.slice((page - 1) * size, page * size);
	const bodyKey = `${page}:${size}`;
	const cachedBody = cache && !fields.length ? cache.bodies.get(bodyKey) : undefined;
	// Same users (the matching cache is valid) and each one's cached JSON still the very string the body was built from.
	if (
		cachedBody &&
		onPage.every(
			(u, i) => cachedElementJson(u, enabled.get(u.connectionId)?.name) === cachedBody.elements[i],
		)
	) {
		applyChurn(state);
		return text(200, cachedBody.body, 'application/json;charset=UTF-8');
	}
	const pageInfo = {
		current: page,
		pageSize: size,
		totalPages: Math.ceil(matching.length / size),
		totalElements: matching.length,
	};
	// Exactly JSON.stringify({ elements, page: pageInfo }), built from the elements' JSON in one join
	// (a flat string: the core's byteLength and write need not flatten a concatenation first).
	const parts = ['{"elements":['];
	const elements: string[] = [];
	for (const u of onPage) {
		if (parts.length > 1) parts.push(',');
		const configurationName = enabled.get(u.connectionId)?.name;
		if (withKeys) {
			const selected = fields.length
				? Object.fromEntries(Object.entries(u.fields).filter(([k]) => fields.includes(k)))
				: u.fields;
			parts.push(
				JSON.stringify({
					username: u.username,
					userKey: u.userKey,
					configurationName,
					fields: selected,
				}),
			);
		} else if (!fields.length) {
			const element = elementJson(u, configurationName);
			elements.push(element);
			parts.push(element);
		} else {
			const selected = Object.fromEntries(
				Object.entries(u.fields).filter(([k]) => fields.includes(k)),
			);
			parts.push(JSON.stringify({ username: u.username, configurationName, fields: selected }));
		}
	}
	parts.push('],"page":', JSON.stringify(pageInfo), '}');
	const body = parts.join('');
	if (cache && !fields.length) {
		if (cache.bodyChars + body.length > BODY_CACHE_CHARS) {
			cache.bodies.clear();
			cache.bodyChars = 0;
		}
		cache.bodyChars += body.length - (cache.bodies.get(bodyKey)?.body.length ?? 0);
		cache.bodies.set(bodyKey, { body, elements });
	}
	const response = text(200, body, 'application/json;charset=UTF-8');
	applyChurn(state);
	return response;
}

function listConnectionUsers(ctx: SimRequestContext): SimResponse {
	const conn = findConnection(ctx, ctx.params.conn);
	return conn ? paged(ctx, conn) : notFound(`Connection ${ctx.params.conn} not found`);
}

type UserUpdate = { user: AdUserRecord; fields: Record<string, string> };

function update(ctx: SimRequestContext): SimResponse {
	const body = readJson(ctx);
	if (!body.ok) return body.response;
	const bad = (msg: string) => json(400, { message: msg });
	const value = body.value;
	if (!isObject(value)) return bad('The body must be a JSON object');
	const id = value.connectionId;
	if (typeof id !== 'string' && typeof id !== 'number') return bad('connectionId is required');
	const conn = dev(ctx).connections.find((c) => c.id === String(id));
	if (!conn) return json(404, { message: `Connection ${String(id)} not found` });
	if (!Array.isArray(value.update) || value.update.length === 0)
		return bad('update must be a non-empty array');
	const connChanges: Array<{ name?: string; userDn?: string }> = [];
	const userChanges: UserUpdate[] = [];
	for (const entry of value.update as JsonValue[]) {
		if (!isObject(entry)) return bad('Each update entry must be an object');
		if (entry.connection === undefined && entry.data === undefined)
			return bad('An update entry needs connection or data');
		if (!isArrayOrAbsent(entry.connection) || !isArrayOrAbsent(entry.data))
			return bad('connection and data must be arrays');
		for (const c of asArray(entry.connection)) {
			if (
				!isObject(c) ||
				Object.keys(c).some((k) => (k !== 'name' && k !== 'userDn') || typeof c[k] !== 'string')
			) {
				return bad('connection entries take string fields name and userDn');
			}
			connChanges.push(c as { name?: string; userDn?: string });
		}
		for (const d of asArray(entry.data)) {
			if (!isObject(d) || typeof d.userKey !== 'string' || !Array.isArray(d.fields))
				return bad('data entries need userKey and fields[]');
			const user = dev(ctx).users.find(
				(u) => u.connectionId === conn.id && u.userKey === d.userKey,
			);
			if (!user) return bad(`User with key ${d.userKey} not found in connection ${conn.name}`);
			const fields: Record<string, string> = {};
			for (const f of d.fields) {
				if (!isObject(f) || Object.values(f).some((v) => typeof v !== 'string'))
					return bad('fields entries must map names to strings');
				Object.assign(fields, f);
			}
			userChanges.push({ user, fields });
		}
	}
	for (const c of connChanges) {
		if (c.name !== undefined) conn.name = c.name;
		if (c.userDn !== undefined) conn.userDn = c.userDn;
	}
	for (const u of userChanges) Object.assign(u.user.fields, u.fields);
	return json(200, {
		connectionId: conn.id,
		updatedConnections: connChanges.length,
		updatedUsers: userChanges.length,
	});
}

function isArrayOrAbsent(value: JsonValue | undefined): boolean {
	return value === undefined || Array.isArray(value);
}

function asArray(value: JsonValue | undefined): JsonValue[] {
	return Array.isArray(value) ? value : [];
}

export const devinitiApp: AppModule = {
	prefix: '/rest/intenso/ad/1.0/public',
	forbidden: () =>
		json(403, {
			message:
				'You do not have permission to use this resource: Jira administrators or whitelisted users only.',
		}),
	routes: [
		{ method: 'GET', pattern: '/connection', access: 'admin', handler: listConnections },
		{
			method: 'GET',
			pattern: '/connection/:conn/user',
			access: 'admin',
			handler: listConnectionUsers,
		},
		{
			method: 'GET',
			pattern: '/connection/:conn/user/:user',
			access: 'admin',
			handler: getConnectionUser,
		},
		{
			method: 'GET',
			pattern: '/connection/:conn/user/:user/field/:field',
			access: 'admin',
			handler: getField,
		},
		{ method: 'GET', pattern: '/user', access: 'admin', handler: (ctx) => paged(ctx) },
		{ method: 'GET', pattern: '/user/:user', access: 'admin', handler: getUser },
		{ method: 'PUT', pattern: '/update', access: 'admin', handler: update },
	],
};
