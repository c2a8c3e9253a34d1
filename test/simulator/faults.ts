/** Switchable faults: which active fault hits a request, and what it answers. */
import { captchaResponse } from './auth';
import type { SimResponse } from './http';
import { jerseyNotFound, json, text } from './http';
import type { Fault, FaultKind } from './types';

/** Every kind of fault, in the order the README lists them. */
export const FAULT_KINDS: readonly FaultKind[] = [
	'latency',
	'rateLimit',
	'rateLimitNoRetryAfter',
	'unavailable',
	'connectionReset',
	'connectionResetAfterProcessing',
	'htmlLogin',
	'redirect',
	'captcha',
	'basicDisabled',
	'websudo',
	'truncatedJson',
	'emptyBody',
	'serverError',
	'appNotInstalled',
];

export interface FaultRequest {
	method: string;
	rawPath: string;
	/** Raw query string including '?', or ''. */
	search: string;
	/** 'basic' | 'bearer' | undefined, from the Authorization header. */
	scheme?: string;
}

/** Outcome for one request: extra latency, and maybe an answer that replaces the real one. */
export interface FaultOutcome {
	extraMs: number;
	response?: SimResponse;
	/** Close the connection without answering, before the app sees the request. */
	resetConnection?: boolean;
	/** Let the app act on the request (its state changes), then close the connection without answering. */
	resetAfterProcessing?: boolean;
}

export class FaultList {
	private faults: Fault[] = [];

	add(fault: Fault): void {
		this.faults.push({ ...fault });
	}

	clear(): void {
		this.faults = [];
	}

	list(): Fault[] {
		return this.faults.map((f) => ({ ...f }));
	}

	/** Consume the faults that match this request (each use counts against `times`). */
	apply(req: FaultRequest, baseUrl: string): FaultOutcome {
		const outcome: FaultOutcome = { extraMs: 0 };
		for (const fault of [...this.faults]) {
			if (!matches(fault, req)) continue;
			if (
				fault.kind !== 'latency' &&
				(outcome.response || outcome.resetConnection || outcome.resetAfterProcessing)
			)
				continue;
			if (fault.skip) {
				fault.skip -= 1;
				continue;
			}
			this.consume(fault);
			if (fault.kind === 'latency') {
				outcome.extraMs += fault.ms ?? 1000;
			} else if (fault.kind === 'connectionReset') {
				outcome.resetConnection = true;
			} else if (fault.kind === 'connectionResetAfterProcessing') {
				outcome.resetAfterProcessing = true;
			} else {
				outcome.response = faultResponse(fault, req, baseUrl);
			}
		}
		return outcome;
	}

	private consume(fault: Fault): void {
		if (fault.times === undefined) return;
		fault.times -= 1;
		if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
	}
}

function matches(fault: Fault, req: FaultRequest): boolean {
	if (fault.times !== undefined && fault.times <= 0) return false;
	if (fault.method && fault.method.toUpperCase() !== req.method.toUpperCase()) return false;
	if (fault.pathIncludes && !req.rawPath.includes(fault.pathIncludes)) return false;
	// Basic auth can only be "disabled" for requests that use it; PATs keep working.
	if (fault.kind === 'basicDisabled' && req.scheme !== 'basic') return false;
	return true;
}

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Log in - Jira</title></head>
<body id="jira" class="aui-layout aui-theme-default page-type-login">
<form id="login-form" action="/login.jsp" method="post" class="aui">
<input type="text" id="login-form-username" name="os_username">
<input type="password" id="login-form-password" name="os_password">
<input type="submit" id="login-form-submit" value="Log In">
</form>
</body>
</html>
`;

function faultResponse(fault: Fault, req: FaultRequest, baseUrl: string): SimResponse {
	switch (fault.kind) {
		case 'rateLimit':
			return json(
				429,
				{ message: 'Too many requests. Please retry later.' },
				{
					'Retry-After': String(fault.retryAfterSeconds ?? 1),
					'X-RateLimit-Limit': '100',
					'X-RateLimit-Remaining': '0',
					'X-RateLimit-Interval-Seconds': '60',
					'X-RateLimit-FillRate': '10',
				},
			);
		case 'rateLimitNoRetryAfter':
			// A gateway or an older instance: 429 and nothing about when to come back.
			return json(429, { message: 'Too many requests. Please retry later.' });
		case 'unavailable': {
			const headers: Record<string, string> =
				fault.retryAfterSeconds !== undefined
					? { 'Retry-After': String(fault.retryAfterSeconds) }
					: {};
			return json(
				503,
				{ message: 'Service Unavailable: the node is starting up or under maintenance.' },
				headers,
			);
		}
		case 'htmlLogin':
			return text(200, LOGIN_PAGE, 'text/html;charset=UTF-8');
		case 'redirect': {
			const destination = encodeURIComponent(
				req.rawPath.slice(contextLength(baseUrl)) + req.search,
			);
			return {
				status: 302,
				headers: {
					Location: `${baseUrl}/login.jsp?os_destination=${destination}`,
					'Content-Type': 'text/html;charset=UTF-8',
				},
				body: '',
			};
		}
		case 'captcha':
			return captchaResponse(baseUrl);
		case 'basicDisabled':
			return json(403, { message: 'Basic Authentication has been disabled on this instance.' });
		case 'websudo':
			return json(401, { message: 'This resource requires WebSudo.' });
		case 'truncatedJson':
			return text(
				200,
				'{"results":[{"id":1,"name":"SAML SSO","enabled":tr',
				'application/json;charset=UTF-8',
			);
		case 'emptyBody':
			return text(200, '', 'application/json;charset=UTF-8');
		case 'appNotInstalled':
			// Jersey's own 404 when no resource class answers the path (the app is not installed or disabled).
			return jerseyNotFound(`${new URL(baseUrl).origin}${req.rawPath}${req.search}`);
		case 'serverError':
			return json(500, {
				message: 'java.lang.NullPointerException: Simulated internal server error',
				'status-code': 500,
			});
		default:
			return json(500, { message: `unknown fault ${String(fault.kind)}` });
	}
}

function contextLength(baseUrl: string): number {
	return new URL(baseUrl).pathname.replace(/\/$/, '').length;
}
