/** Users, Basic/Bearer authentication, failed-login counting and the CAPTCHA lock. */
import type { SimResponse } from './http';
import { json } from './http';
import type { SimulatorState } from './types';

export interface SimUser {
	username: string;
	password: string;
	token: string;
	key: string;
	displayName: string;
	email: string;
	sysadmin: boolean;
}

export const SIMULATOR_USERS = {
	admin: {
		username: 'admin',
		password: 'admin-password',
		token: 'admin-pat-token',
		key: 'JIRAUSER10000',
		displayName: 'Ada Admin',
		email: 'admin@example.com',
		sysadmin: true,
	},
	user: {
		username: 'user',
		password: 'user-password',
		token: 'user-pat-token',
		key: 'JIRAUSER10001',
		displayName: 'Ulysses User',
		email: 'user@example.com',
		sysadmin: false,
	},
} as const satisfies Record<string, SimUser>;

const USERS: SimUser[] = Object.values(SIMULATOR_USERS);

export type AuthResult =
	| { kind: 'anonymous' }
	| { kind: 'user'; user: SimUser; scheme: 'basic' | 'bearer' }
	| { kind: 'denied'; response: SimResponse; username?: string };

export function captchaResponse(baseUrl: string): SimResponse {
	return json(
		401,
		{ message: 'Client must be authenticated to access this resource.', 'status-code': 401 },
		{
			'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
			'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${baseUrl}/login.jsp`,
		},
	);
}

export function authenticate(header: string | undefined, state: SimulatorState): AuthResult {
	if (!header) return { kind: 'anonymous' };
	const [scheme, ...rest] = header.trim().split(/\s+/);
	const credentials = rest.join(' ');
	if (scheme.toLowerCase() === 'bearer') {
		const user = USERS.find((u) => u.token === credentials);
		if (!user) {
			return {
				kind: 'denied',
				response: json(401, {
					message: 'Client must be authenticated to access this resource.',
					'status-code': 401,
				}),
			};
		}
		return { kind: 'user', user, scheme: 'bearer' };
	}
	if (scheme.toLowerCase() !== 'basic') return { kind: 'anonymous' };
	const decoded = Buffer.from(credentials, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	const username = colon >= 0 ? decoded.slice(0, colon) : decoded;
	const password = colon >= 0 ? decoded.slice(colon + 1) : '';
	const failures = state.loginFailures[username] ?? 0;
	if (failures >= state.captchaAfterFailures) {
		return { kind: 'denied', response: captchaResponse(state.baseUrl), username };
	}
	const user = USERS.find((u) => u.username === username && u.password === password);
	if (!user) {
		state.loginFailures[username] = failures + 1;
		return {
			kind: 'denied',
			username,
			response: json(
				401,
				{ message: 'Client must be authenticated to access this resource.', 'status-code': 401 },
				{ 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' },
			),
		};
	}
	delete state.loginFailures[username];
	return { kind: 'user', user, scheme: 'basic' };
}
