import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import { apiRequest, runOf } from '../shared/http';

/** Jira's user by username: the way Deviniti's REST API page gives to find a user key. */
export const JIRA_USER_PATH = '/rest/api/2/user';

/** The form of every user key Jira 8+ makes; such a value is used as it is, without a request. */
const GENERATED_KEY = /^JIRAUSER\d+$/;

const same = (a: unknown, b: string) =>
	typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

async function lookUp(
	ctx: IExecuteFunctions,
	itemIndex: number,
	username: string,
): Promise<string> {
	const fail = (message: string) =>
		new NodeOperationError(ctx.getNode(), message, {
			itemIndex,
			description:
				'Nothing was updated. Give the user key (e.g. JIRAUSER10119: User → Get Many outputs userKey where the app gives it) or the username of exactly one Jira user.',
		});
	const answer = await apiRequest(
		ctx,
		{ method: 'GET', path: JIRA_USER_PATH, qs: { username }, acceptStatuses: [404] },
		itemIndex,
	);
	if (answer.statusCode === 404) throw fail(`No Jira user has the username "${username}"`);
	const users = (Array.isArray(answer.json) ? answer.json : [answer.json]).filter(isRecord);
	const matching = users.filter(
		(user: IDataObject) => same(user.name, username) || user.name === undefined,
	);
	if (matching.length > 1) {
		throw fail(`The username "${username}" is ambiguous: Jira answered ${matching.length} users`);
	}
	const key = matching[0]?.key;
	if (typeof key !== 'string' || key === '') {
		throw fail(`Jira's answer for the username "${username}" has no user key`);
	}
	return key;
}

/**
 * The user key for a value given as a user key or a username. A Jira-made key (JIRAUSER…) is used as it
 * is; anything else is looked up once per run as a username (an older user's key is its first username,
 * which Jira then answers with the same key).
 */
export async function resolveUserKey(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: string,
): Promise<{ userKey: string; username?: string }> {
	if (GENERATED_KEY.test(value)) return { userKey: value };
	// Each distinct name is resolved once per run.
	const cache = runOf(ctx).lookups;
	const id = `userKey:${value.toLowerCase()}`;
	let pending = cache.get(id);
	if (!pending) {
		pending = lookUp(ctx, itemIndex, value);
		cache.set(id, pending);
		// A failed look-up is not kept: the next item asks again (and fails with its own item index).
		pending.catch(() => cache.delete(id));
	}
	return { userKey: await pending, username: value };
}
