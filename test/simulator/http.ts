/** Shared request/response shapes and helpers used by the core and the apps. */
import type { ResolvedOptions, SimulatorState } from './types';
import type { SimUser } from './auth';

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	body?: string;
}

export interface SimRequestContext {
	method: string;
	/** Path below the context path, still encoded. */
	path: string;
	/** Path params, each segment decoded exactly once. */
	params: Record<string, string>;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	user?: SimUser;
	/** http://127.0.0.1:<port><contextPath> */
	baseUrl: string;
	/** Full URL as received (for Jersey's "null for uri" message). */
	fullUrl: string;
	state: SimulatorState;
	options: ResolvedOptions;
}

/** 'anonymous': anyone; 'user': any logged-in user; 'admin': system administrators only. */
export type Access = 'anonymous' | 'user' | 'admin';

export interface Route {
	method: string;
	/** e.g. '/usersync/connector/:id/sync' relative to the app prefix. */
	pattern: string;
	access: Access;
	handler: (ctx: SimRequestContext) => SimResponse;
}

export interface AppModule {
	/** e.g. '/rest/samlsso-admin/1.0'; '' for product endpoints. */
	prefix: string;
	routes: Route[];
	/** Answer for a logged-in user without the needed permission. */
	forbidden: (ctx: SimRequestContext) => SimResponse;
}

export type JsonValue =
	| null
	| boolean
	| number
	| string
	| JsonValue[]
	| { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function json(
	status: number,
	value: unknown,
	headers: Record<string, string> = {},
): SimResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
		body: JSON.stringify(value),
	};
}

export function text(
	status: number,
	body: string,
	contentType = 'text/plain;charset=UTF-8',
): SimResponse {
	return { status, headers: { 'Content-Type': contentType }, body };
}

export function noContent(): SimResponse {
	return { status: 204 };
}

export function message(status: number, msg: string): SimResponse {
	return json(status, { message: msg, 'status-code': status });
}

/** Jersey's answer for a path no resource matches. */
export function jerseyNotFound(fullUrl: string): SimResponse {
	return json(404, { message: `null for uri: ${fullUrl}`, 'status-code': 404 });
}

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function contentType(ctx: SimRequestContext): string {
	const raw = ctx.headers['content-type'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return (value ?? '').split(';')[0].trim().toLowerCase();
}

export type BodyResult = { ok: true; value: JsonValue } | { ok: false; response: SimResponse };

/** Parse a JSON body; 415 when the content type is not one of `types`, 400 when unparsable. */
export function readJson(
	ctx: SimRequestContext,
	types: string[] = ['application/json'],
): BodyResult {
	const type = contentType(ctx);
	if (!types.includes(type)) {
		return { ok: false, response: message(415, `Unsupported Media Type: ${type || 'none'}`) };
	}
	try {
		return { ok: true, value: JSON.parse(ctx.body) as JsonValue };
	} catch (error) {
		return { ok: false, response: message(400, `Malformed JSON: ${(error as Error).message}`) };
	}
}

export function queryValues(ctx: SimRequestContext, name: string): string[] {
	const raw = ctx.query[name];
	const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
	return list
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

export function queryOne(ctx: SimRequestContext, name: string): string | undefined {
	const raw = ctx.query[name];
	return Array.isArray(raw) ? raw[0] : raw;
}

export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

export function nowIso(): string {
	return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
