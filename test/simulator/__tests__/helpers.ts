/** Small fetch helpers for the simulator's own tests. */
import { SIMULATOR_USERS } from '../index';

export const basic = (user: string, password: string) =>
	`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const ADMIN = {
	Authorization: basic(SIMULATOR_USERS.admin.username, SIMULATOR_USERS.admin.password),
};
export const ADMIN_PAT = { Authorization: `Bearer ${SIMULATOR_USERS.admin.token}` };
export const USER_PAT = { Authorization: `Bearer ${SIMULATOR_USERS.user.token}` };
export const XSRF = { 'X-Atlassian-Token': 'no-check' };
export const JSON_BODY = { 'Content-Type': 'application/json', ...XSRF };

export async function call(
	url: string,
	init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
	const body =
		init.body === undefined || typeof init.body === 'string'
			? (init.body as string | undefined)
			: JSON.stringify(init.body);
	const res = await fetch(url, {
		method: init.method ?? 'GET',
		headers: { Accept: 'application/json', ...init.headers },
		body,
		redirect: 'manual',
	});
	const text = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		text,
		json: () => JSON.parse(text) as unknown,
	};
}
