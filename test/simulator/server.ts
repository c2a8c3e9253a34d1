/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The routing core: context path, faults, authentication, XSRF, permissions, recording, latency.
 * Order per request (as in Jira): faults (a gateway in front) -> Seraph auth (bad Basic/Bearer
 * credentials fail even on anonymous resources) -> Jersey route match (404/405) -> "must be logged
 * in" (401) -> XSRF on POST/PUT/PATCH/DELETE (403 text) -> sysadmin check (app-specific) -> handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticate } from './auth';
import type { ControlTarget } from './control';
import { handleControl } from './control';
import type { SimRequestContext, SimResponse } from './http';
import { jerseyNotFound, json, text } from './http';
import { RateLimiter } from './rateLimiter';
import { matchRoute } from './router';
import type { RecordedRequest, ResolvedOptions } from './types';

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];
const NOT_LOGGED_IN = {
	message: 'Client must be authenticated to access this resource.',
	'status-code': 401,
};

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseQuery(search: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const prev = query[key];
		query[key] =
			prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return query;
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** Tomcat's own answer to an encoded slash in a path (ALLOW_ENCODED_SLASH off): bare HTML, no app involved. */
function tomcatBadRequest(): SimResponse {
	return text(
		400,
		'<!doctype html><html lang="en"><head><title>HTTP Status 400 – Bad Request</title></head><body><h1>HTTP Status 400 – Bad Request</h1></body></html>',
		'text/html;charset=utf-8',
	);
}

function htmlNotFound(): SimResponse {
	return text(
		404,
		"<!DOCTYPE html><html><head><title>Oops, you've found a dead link.</title></head><body><h1>Oops, you've found a dead link.</h1></body></html>",
		'text/html;charset=UTF-8',
	);
}

/** Numbers the connections of one server in the order they were opened. */
function connectionNumbers(): (socket: Socket) => number {
	const numbers = new WeakMap<Socket, number>();
	let opened = 0;
	return (socket) => {
		let number = numbers.get(socket);
		if (number === undefined) numbers.set(socket, (number = ++opened));
		return number;
	};
}

export function createHandler(
	target: ControlTarget,
	options: ResolvedOptions,
	origin: () => string,
) {
	const rateLimiter = new RateLimiter();
	const connectionOf = connectionNumbers();
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const body = await readBody(req);
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		const rawPath = q >= 0 ? url.slice(0, q) : url;
		const search = q >= 0 ? url.slice(q) : '';
		const method = (req.method ?? 'GET').toUpperCase();
		const ctxPath = options.contextPath;
		const control = ['/__simulator/', `${ctxPath}/__simulator/`].find((p) => rawPath.startsWith(p));
		if (control)
			return send(res, handleControl(target, method, rawPath.slice(control.length), body), 0);

		const state = target.state;
		const underContext = rawPath === ctxPath || rawPath.startsWith(`${ctxPath}/`);
		const path = underContext ? rawPath.slice(ctxPath.length) || '/' : rawPath;
		const record: RecordedRequest = {
			method,
			rawPath,
			path,
			query: parseQuery(search),
			headers: { ...req.headers },
			body,
			status: 0,
			connection: connectionOf(req.socket),
		};
		const authorization = header(req, 'authorization');
		const scheme = authorization?.trim().split(/\s+/)[0]?.toLowerCase();
		const outcome = target.faults.apply({ method, rawPath, search, scheme }, state.baseUrl);
		const delay = state.latencyMs + outcome.extraMs;
		/** Records the request and closes its connection without an answer. */
		const dropConnection = () => {
			target.requests.push(record);
			setTimeout(() => req.socket.destroy(), delay);
		};
		if (outcome.resetConnection) return dropConnection();
		let response: SimResponse;
		if (outcome.response) {
			response = outcome.response;
		} else if (!state.variants.allowEncodedSlash && /%2F|%5C/i.test(rawPath)) {
			response = tomcatBadRequest();
		} else if (!underContext) {
			response = htmlNotFound();
		} else {
			const auth = authenticate(authorization, state);
			if (auth.kind === 'denied') {
				response = auth.response;
			} else {
				const user = auth.kind === 'user' ? auth.user : undefined;
				record.user = user?.username;
				const limited =
					user && state.rateLimit ? rateLimiter.take(state.rateLimit, user.username) : undefined;
				response =
					limited?.refused ??
					dispatch(
						{
							method,
							path,
							params: {},
							query: record.query,
							headers: req.headers,
							body,
							user,
							baseUrl: state.baseUrl,
							fullUrl: `${origin()}${rawPath}${search}`,
							state,
							options,
						},
						header(req, 'x-atlassian-token'),
					);
				if (limited && !limited.refused)
					response = { ...response, headers: { ...response.headers, ...limited.headers } };
			}
		}
		// The app acted (state changed), then the connection broke before the answer left.
		if (outcome.resetAfterProcessing) return dropConnection();
		record.status = response.status;
		target.requests.push(record);
		send(res, response, delay);
	};
}

function dispatch(ctx: SimRequestContext, xsrfToken: string | undefined): SimResponse {
	const match = matchRoute(ctx.path, ctx.method, ctx.state.product, ctx.state.installedApps);
	if (match.kind === 'badEncoding')
		return json(400, { message: 'Malformed percent-encoding in path', 'status-code': 400 });
	if (match.kind === 'methodNotAllowed') {
		return {
			...json(405, { message: 'Method Not Allowed', 'status-code': 405 }),
			headers: { 'Content-Type': 'application/json;charset=UTF-8', Allow: match.allowed.join(',') },
		};
	}
	if (match.kind === 'notFound') {
		return ctx.path.startsWith('/rest/') ? jerseyNotFound(ctx.fullUrl) : htmlNotFound();
	}
	const { app, route } = match;
	if (route.access !== 'anonymous' && !ctx.user) return json(401, NOT_LOGGED_IN);
	if (MUTATING.includes(ctx.method) && xsrfToken !== 'no-check')
		return text(403, 'XSRF check failed');
	if (route.access === 'admin' && !ctx.user?.sysadmin) return app.forbidden(ctx);
	try {
		const response = route.handler({ ...ctx, params: match.params });
		if (
			ctx.state.variants.emptyMutationAnswers &&
			MUTATING.includes(ctx.method) &&
			response.status === 200
		)
			return { status: 204 };
		return response;
	} catch (error) {
		return json(500, {
			message: `Simulator error: ${(error as Error).message}`,
			'status-code': 500,
		});
	}
}

function send(res: ServerResponse, response: SimResponse, delayMs: number): void {
	const write = () => {
		if (res.destroyed) return;
		res.writeHead(response.status, response.headers ?? {});
		res.end(response.body ?? '');
	};
	if (delayMs > 0) setTimeout(write, delayMs);
	else write();
}
