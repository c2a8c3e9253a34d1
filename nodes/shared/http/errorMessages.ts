import { header, isHtml, vendorMessage, type HttpAnswer } from './httpAnswer';

export interface Failure {
	/** What went wrong, naming method and path. */
	message: string;
	/** What to do about it. */
	description: string;
	/** Whether the error is about authentication (never retried). */
	authentication: boolean;
}

const SSO_HINT =
	"Use a personal access token, or Basic auth with `?os_authType=basic` allowed, or the SSO app's bypass (`nosso` / `auth_fallback`) for this REST user.";

/** A 404 from the REST framework itself (no such resource class), not from the app: the app or endpoint is missing. */
export function isMissingEndpoint(answer: HttpAnswer): boolean {
	return (
		answer.statusCode === 404 && (/null for uri/i.test(vendorMessage(answer)) || isHtml(answer))
	);
}

const ENCODED_SLASH = /%2F|%5C/i;

/**
 * Tomcat, which every Data Center runs on, refuses an encoded slash (or backslash) in a path with a bare
 * HTML 400 before any app sees the request: not "not found", the request never got there.
 */
export function isRefusedEncodedSlash(answer: HttpAnswer, path: string): boolean {
	return answer.statusCode === 400 && ENCODED_SLASH.test(path) && !vendorJson(answer);
}

function vendorJson(answer: HttpAnswer): boolean {
	return /json/i.test(header(answer, 'content-type'));
}

function segmentsWithSlash(path: string): string[] {
	return path
		.split('/')
		.filter((segment) => ENCODED_SLASH.test(segment))
		.map((segment) => {
			try {
				return decodeURIComponent(segment);
			} catch {
				return segment;
			}
		});
}

/**
 * Turns an answer that is not the data asked for into a message that says what to fix.
 * Pure: the transport and the credential test share it.
 */
export function describeFailure(
	answer: HttpAnswer,
	method: string,
	path: string,
): Failure | undefined {
	const { statusCode } = answer;
	const where = `${method} ${path}`;
	const fail = (message: string, description: string, authentication = false): Failure => ({
		message: `${message} (${where} answered ${statusCode})`,
		description,
		authentication,
	});

	if (/CAPTCHA/i.test(header(answer, 'x-authentication-denied-reason'))) {
		return fail(
			'Login blocked by a CAPTCHA challenge',
			'Data Center asks for a CAPTCHA after repeated failed logins. Log in once as this user in a browser to clear it, then fix the password. Requests are never retried on authentication failures, since each retry counts as one more failed login.',
			true,
		);
	}
	if (header(answer, 'x-seraph-loginreason').includes('AUTHENTICATED_FAILED')) {
		// Jira may even answer 200 with an empty body here.
		return fail(
			'Authentication failed: wrong username, password or token',
			'Check the credential. Failed logins count toward the CAPTCHA lock, so this request is not retried.',
			true,
		);
	}
	if (statusCode >= 300 && statusCode < 400) {
		return fail(
			'Redirected instead of answering JSON: an SSO or authentication gateway intercepted the REST call',
			`Location: ${header(answer, 'location') || 'none'}. ${SSO_HINT}`,
			true,
		);
	}
	if (statusCode < 300 && isHtml(answer)) {
		return fail(
			'Got an HTML page instead of JSON: probably a login page from SSO or an expired session',
			SSO_HINT,
			true,
		);
	}
	if (statusCode < 300) return undefined;
	if (isRefusedEncodedSlash(answer, path)) {
		const values = segmentsWithSlash(path)
			.map((v) => `"${v}"`)
			.join(', ');
		return fail(
			`The id or name ${values} contains "/", which the server refuses in a URL`,
			'Tomcat, which Data Center runs on, rejects an encoded "/" (or "\\") in a request path unless the instance allows it (encodedSolidusHandling="decode" on the connector, or ALLOW_ENCODED_SLASH on older versions). Nothing was changed on the server. Rename the group or user, or ask the administrator to allow encoded slashes.',
		);
	}
	// Only failures are read for the vendor's words: a large answer that is data is parsed once, by the caller.
	const vendor = vendorMessage(answer);
	const said = vendor ? ` The server said: "${vendor}"` : '';
	if (statusCode === 401) {
		if (/WebSudo/i.test(vendor)) {
			return fail(
				'This resource requires WebSudo (secure administrator session)',
				'Admin resources skip WebSudo only for Basic auth: use Basic auth (username and password or app token) for this credential.',
				true,
			);
		}
		return fail(
			'Not authorized',
			`The credential was rejected, or the user lacks the System Administrator permission these apps require.${said}`,
			true,
		);
	}
	if (statusCode === 403) {
		if (/Basic Authentication has been disabled/i.test(vendor)) {
			return fail(
				'Basic authentication is disabled on this instance',
				'Switch the credential to a personal access token, or allow Basic auth in the SSO app for REST calls.',
				true,
			);
		}
		if (/XSRF/i.test(vendor)) {
			return fail('XSRF check failed', `The server rejected the request as cross-site.${said}`);
		}
		return fail(
			'Forbidden',
			`The user needs the System Administrator permission (and, for AD Attributes Sync, Jira admin or the REST whitelist).${said}`,
		);
	}
	if (isMissingEndpoint(answer)) {
		return fail(
			'Endpoint not found: the app is not installed or enabled, or its version does not offer this private API',
			'Check that the app is installed and enabled on this instance and that the base URL includes the context path (for example https://example.com/jira).',
		);
	}
	if (statusCode === 404) {
		return fail('Not found', `The id or name does not exist.${said}`);
	}
	if (statusCode === 405) {
		return fail(
			'Method not allowed',
			`This version of the app does not support this operation (private API).${said}`,
		);
	}
	if (statusCode === 429) {
		return fail(
			'Rate limited by Data Center',
			`Still limited after waiting as the server asked (Retry-After: ${header(answer, 'retry-after') || 'none'}). Lower the workflow's pace or raise the user's rate limit.`,
		);
	}
	if (statusCode >= 500) {
		return fail('Server error', `Data Center failed to process the request.${said}`);
	}
	if (statusCode >= 400) {
		return fail(
			'Request rejected',
			vendor ? `The server said: ${vendor}` : 'The server gave no reason.',
		);
	}
	return undefined;
}
