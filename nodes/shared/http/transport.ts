import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHttpRequestMethods,
	type JsonObject,
} from 'n8n-workflow';

import { USER_AGENT } from './constants';
import { cancellableSleep } from './cancellableSleep';
import { describeFailure, isMissingEndpoint, isRefusedEncodedSlash } from './errorMessages';
import { parseJson, type HttpAnswer } from './httpAnswer';
import type { TransportContext } from './context';
import { runOf } from './run';
import { egressRefused, networkError } from './networkErrors';
import { idempotentByDefault, retryDelayForAnswer, retryDelayForNetworkError } from './retryPolicy';
import { EGRESS_REFUSED, failureOf, sendThroughN8n, type OutgoingRequest } from './send';
import { buildQuery, dotSegmentIn } from './url';

export type { TransportContext } from './context';

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, built with `apiPath` so that every id is one encoded segment. */
	path: string;
	qs?: IDataObject;
	/** A JSON value, sent as `application/json` unless `contentType` says otherwise. */
	body?: unknown;
	/** Exact text to send instead of `body` (a configuration as it came, bytes untouched). */
	rawBody?: string;
	contentType?: string;
	/** Statuses answered back to the caller instead of thrown (for example 404 for an existence check). */
	acceptStatuses?: number[];
	/**
	 * Whether sending the request twice does no more than sending it once: only then is it repeated
	 * after a 503 or a connection broken mid-request. Default: true for GET, false for changes.
	 */
	idempotent?: boolean;
}

export interface ApiResponse extends HttpAnswer {
	/** The parsed body, undefined when empty or not JSON. */
	json: unknown;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutating(method: string): boolean {
	return MUTATING.has(method);
}

/** Refuses, before anything is sent, an id of "." or "..": the request would leave the operation's endpoint. */
function assertOwnEndpoint(ctx: TransportContext, request: ApiRequest, itemIndex?: number): void {
	const dots = dotSegmentIn(request.path);
	if (dots === undefined) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`The id "${dots}" cannot be sent in a URL (${request.method} ${request.path})`,
		{
			itemIndex,
			description:
				'Nothing was sent. HTTP clients and Tomcat read "." and ".." in a path as "this folder" and "parent folder", even when encoded, so the request would reach another endpoint. Check the expression that fills the id.',
		},
	);
}

export async function requestUrl(
	ctx: TransportContext,
	request: ApiRequest,
	itemIndex?: number,
): Promise<string> {
	assertOwnEndpoint(ctx, request, itemIndex);
	const { baseUrl, authQuery } = await runOf(ctx).credential();
	return `${baseUrl}${request.path}${buildQuery({ ...request.qs, ...authQuery })}`;
}

function requestBody(request: ApiRequest): string | undefined {
	if (request.rawBody !== undefined) return request.rawBody;
	return request.body === undefined ? undefined : JSON.stringify(request.body);
}

/** What a dry run outputs: the request as it would be sent, without any credential. */
export async function dryRunOutput(
	ctx: TransportContext,
	request: ApiRequest,
): Promise<IDataObject> {
	const body = requestBody(request);
	return {
		dryRun: true,
		method: request.method,
		url: await requestUrl(ctx, request),
		body: body === undefined ? null : ((parseJson(body) as IDataObject) ?? body),
	};
}

/** The error an answer stands for (status, method, path, the vendor's words), or undefined when it is data. */
export function answerError(
	ctx: TransportContext,
	answer: HttpAnswer,
	request: ApiRequest,
	itemIndex: number,
): NodeApiError | undefined {
	const failure = describeFailure(answer, request.method, request.path);
	if (!failure) return undefined;
	return new NodeApiError(
		ctx.getNode(),
		{
			status: answer.statusCode,
			method: request.method,
			path: request.path,
			body: answer.body.slice(0, 2000),
		} as JsonObject,
		{
			message: failure.message,
			description: failure.description,
			httpCode: String(answer.statusCode),
			itemIndex,
		},
	);
}

/**
 * The one request function of every node: base URL with context path, Atlassian's headers,
 * TLS setting, bounded retries of 429/503 and unsent requests, and actionable errors.
 * n8n's own 401 retry is kept out of play (statuses are judged here), so a wrong password
 * reaches the server exactly once.
 */
export async function apiRequest(
	ctx: TransportContext,
	request: ApiRequest,
	itemIndex = 0,
): Promise<ApiResponse> {
	const url = await requestUrl(ctx, request, itemIndex);
	const run = runOf(ctx);
	const { ignoreSSLIssues, decrypted } = await run.credential();
	const body = requestBody(request);
	const idempotent = request.idempotent ?? idempotentByDefault(request.method);
	const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': USER_AGENT };
	if (isMutating(request.method)) headers['X-Atlassian-Token'] = 'no-check';
	if (body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
	const outgoing: OutgoingRequest = { method: request.method, url, headers, body };

	const gate = run.gate();
	for (let attempt = 1; ; attempt++) {
		let answer: HttpAnswer;
		const ticket = await gate.enter();
		try {
			answer = await sendThroughN8n(
				ctx,
				decrypted,
				ignoreSSLIssues,
				outgoing,
				run.requestTimeout(),
			);
		} catch (error) {
			gate.leave(ticket);
			const failure = failureOf(error);
			if (failure.code === EGRESS_REFUSED)
				throw egressRefused(ctx, new URL(url).origin, failure.message, itemIndex);
			const delay = retryDelayForNetworkError(failure.code, idempotent, attempt);
			if (delay === undefined || !run.mayWait(delay))
				throw networkError(ctx, failure, request, itemIndex);
			await cancellableSleep(ctx, delay);
			continue;
		}
		const retryAfter = retryDelayForAnswer(answer, attempt, idempotent);
		// A poll reports what it cannot wait for within its budget; its next poll tries again.
		const delay = retryAfter !== undefined && run.mayWait(retryAfter) ? retryAfter : undefined;
		gate.leave(ticket, answer, retryAfter);
		if (delay !== undefined) {
			await cancellableSleep(ctx, delay);
			continue;
		}
		if (
			request.acceptStatuses?.includes(answer.statusCode) &&
			!isMissingEndpoint(answer) &&
			!isRefusedEncodedSlash(answer, request.path)
		) {
			return { ...answer, json: parseJson(answer.body) };
		}
		const error = answerError(ctx, answer, request, itemIndex);
		if (error) throw error;
		return { ...answer, json: parseJson(answer.body) };
	}
}

/** A request whose answer must be JSON: an empty, truncated or non-JSON body is an error, never data. */
export async function apiRequestJson<T = unknown>(
	ctx: TransportContext,
	request: ApiRequest,
	itemIndex = 0,
): Promise<T> {
	const response = await apiRequest(ctx, request, itemIndex);
	if (response.json === undefined) throw notJsonError(ctx, request, response, itemIndex);
	return response.json as T;
}

/** A 2xx answer without the JSON the request needs: cut off by a proxy, empty, or another app version. */
export function notJsonError(
	ctx: TransportContext,
	request: Pick<ApiRequest, 'method' | 'path'>,
	response: Pick<ApiResponse, 'statusCode' | 'body'>,
	itemIndex = 0,
): NodeApiError {
	return new NodeApiError(
		ctx.getNode(),
		{ status: response.statusCode, method: request.method, path: request.path } as JsonObject,
		{
			message: `The answer was not valid JSON (${request.method} ${request.path} answered ${response.statusCode})`,
			description: `It may have been cut off by a proxy, or this app version answers differently. It began with: ${response.body.slice(0, 120) || '(empty)'}`,
			itemIndex,
		},
	);
}
