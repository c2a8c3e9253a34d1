/**
 * The two jobs the benchmarks measure, and the plain fetch client (no n8n) that does them as the simulator's sysadmin:
 *   AD Attributes Sync's user list: page 1, then the other pages DEFAULT_CONCURRENCY at a time;
 *   resolution's connector syncUser, one POST per username.
 * The package's node and n8n's own nodes do the same jobs in the benchmarks (bench/*.bench.ts, bench/n8n/).
 */
import { PAGE_SIZE, type UsersPage } from '../nodes/AdAttributesSync/api';
import { DEFAULT_CONCURRENCY, mapConcurrent } from '../nodes/shared/http';
import { adminBasicAuthorization } from '../test/support/credentials';

/** AD Attributes Sync's list of users (`page`, `size` in the query). */
export const USERS_PATH = '/rest/intenso/ad/1.0/public/user';

/** resolution's syncUser of connector 1 for one username. */
export const syncSinglePath = (username: string): string =>
	`/rest/samlsso-admin/1.0/usersync/connector/1/syncsingle/${encodeURIComponent(username)}`;

/** The usernames user0001, user0002, …: the simulator knows user0001..user2000, after which they start over. */
export const syncUsernames = (count: number): string[] =>
	Array.from({ length: count }, (_, i) => `user${String((i % 2000) + 1).padStart(4, '0')}`);

/**
 * Every page of the user list: page 1 at the package's page size, then the others DEFAULT_CONCURRENCY at a time at
 * the size the server answered with (what the package's node does); `page` fetches one page.
 */
export async function everyUserPage(
	page: (n: number, size: number) => Promise<UsersPage>,
): Promise<UsersPage[]> {
	const first = await page(1, PAGE_SIZE);
	const rest = Array.from({ length: first.page.totalPages - 1 }, (_, i) => i + 2);
	const pages = await mapConcurrent(
		rest,
		DEFAULT_CONCURRENCY,
		async (n) => await page(n, first.page.pageSize),
	);
	return [first, ...pages];
}

// ---- the plain fetch client ----
const authorization = adminBasicAuthorization();

/** One request to the simulator at `url` as its sysadmin (connections kept open); its JSON answer, which must be 200. */
export async function fetchJson<T>(url: string, method: 'GET' | 'POST', path: string): Promise<T> {
	const response = await fetch(`${url}${path}`, {
		method,
		headers: {
			Authorization: authorization,
			Accept: 'application/json',
			...(method === 'GET' ? {} : { 'X-Atlassian-Token': 'no-check' }),
		},
	});
	const text = await response.text();
	if (response.status !== 200)
		throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
	return JSON.parse(text) as T;
}

/** One page of the user list over fetch; without `size` the API's default page size. */
export const fetchUsersPage = async (
	url: string,
	page: number,
	size?: number,
): Promise<UsersPage> =>
	await fetchJson<UsersPage>(
		url,
		'GET',
		`${USERS_PATH}?page=${page}${size === undefined ? '' : `&size=${size}`}`,
	);

/** Every page of the user list over fetch (see everyUserPage). */
export const fetchEveryUserPage = async (url: string): Promise<UsersPage[]> =>
	await everyUserPage(async (n, size) => await fetchUsersPage(url, n, size));

/** syncUser of connector 1 for one username over fetch: the server's answer. */
export const fetchSyncUser = async <T = Record<string, unknown>>(
	url: string,
	username: string,
): Promise<T> => await fetchJson<T>(url, 'POST', syncSinglePath(username));
