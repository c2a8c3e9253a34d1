/**
 * user.update takes a user key or a username (resolved once per name in a run through Jira's
 * GET /rest/api/2/user?username=, the way Deviniti's REST API page gives); user.getAll outputs userKey
 * where the app gives it; so getAll → update chains, with or without keys in the list.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import { adminBasic } from '../support/credentials';
import { useSimulator } from '../support/simulator';

const ctx = useSimulator({ contextPath: '/jira', adUsers: 1300 });
const PREFIX = '/rest/intenso/ad/1.0/public';
const JIRA_USER = '/rest/api/2/user';

const run = async (
	parameters: Record<string, unknown>,
	input?: IDataObject[],
	continueOnFail = false,
) =>
	await runNode({
		node: 'adAttributesSync',
		parameters: parameters as never,
		credentials: adminBasic(ctx.sim),
		input,
		continueOnFail,
	});

const getAll = async () =>
	await run({
		resource: 'user',
		operation: 'getAll',
		connection: { __rl: true, mode: 'id', value: '2' },
		returnAll: false,
		limit: 1000,
	});

const update = (options: IDataObject = {}) => ({
	resource: 'user',
	operation: 'update',
	connectionId: '2',
	userKey: '={{ $json.userKey || $json.username }}',
	fields: { field: [{ name: 'title', value: '={{ "Chained " + $json.username }}' }] },
	options: { combineItems: true, ...options },
});

const lookups = () => ctx.sim.requests.filter((r) => r.path === JIRA_USER);
const puts = () =>
	ctx.sim.requests.filter((r) => r.method === 'PUT' && r.path === `${PREFIX}/update`);

describe.each([
	['the list gives usernames only (as documented)', false, 1000],
	['the list gives userKey too (variant devinitiListUserKeys)', true, 0],
])('getAll → update of 1,000 users, each given twice: %s', (_name, withKeys, expectedLookups) => {
	test(`${expectedLookups} look-ups (one per user at most), 20 PUTs, every user updated by its key`, async () => {
		const { sim } = ctx;
		sim.state.variants.devinitiListUserKeys = withKeys;
		const listed = await getAll();
		expect(listed.error).toBeUndefined();
		expect(listed.json).toHaveLength(1000);
		expect(
			listed.json.every((user) =>
				withKeys ? typeof user.userKey === 'string' : !('userKey' in user),
			),
		).toBe(true);
		sim.requests.length = 0;

		const r = await run(update(), [...listed.json, ...listed.json]);
		expect(r.error).toBeUndefined();
		expect(lookups()).toHaveLength(expectedLookups);
		expect(new Set(lookups().map((q) => String(q.query.username))).size).toBe(expectedLookups);
		expect(puts()).toHaveLength(20);
		const byName = new Map(sim.state.deviniti.users.map((u) => [u.username, u]));
		expect(r.json).toHaveLength(2000);
		for (const [index, output] of r.json.entries()) {
			const user = byName.get(String(listed.json[index % 1000].username))!;
			expect(output.userKey).toBe(user.userKey);
			expect(user.fields.title).toBe(`Chained ${user.username}`);
		}
	});
});

test('a username is resolved to its key and output beside it; a Jira-made key is used without a look-up', async () => {
	const { sim } = ctx;
	const [first, second] = sim.state.deviniti.users.filter((u) => u.connectionId === '2');
	const r = await run({ ...update({ combineItems: false }), userKey: '={{ $json.user }}' }, [
		{ user: first.username.toUpperCase(), username: 'a' },
		{ user: second.userKey, username: 'b' },
	]);
	expect(r.error).toBeUndefined();
	expect(lookups().map((q) => q.query.username)).toEqual([first.username.toUpperCase()]);
	expect(r.json.map((j) => [j.userKey, j.username])).toEqual([
		[first.userKey, first.username.toUpperCase()],
		[second.userKey, undefined],
	]);
	expect(JSON.parse(puts()[0].body as string)).toMatchObject({
		update: [{ data: [{ userKey: first.userKey }] }],
	});
});

test('an unknown username: a clear error, nothing updated; with continueOnFail the other items still go', async () => {
	const { sim } = ctx;
	const known = sim.state.deviniti.users.find((u) => u.connectionId === '2')!;
	const failed = await run({ ...update({ combineItems: false }), userKey: 'no.such.user' }, [
		{ username: 'x' },
	]);
	expect(failed.error?.message).toBe('No Jira user has the username "no.such.user"');
	expect(failed.error?.description).toMatch(/^Nothing was updated\. Give the user key/);
	expect(puts()).toHaveLength(0);
	sim.requests.length = 0;
	const mixed = await run(
		{ ...update({ combineItems: false }), userKey: '={{ $json.user }}' },
		[
			{ user: 'no.such.user', username: 'x' },
			{ user: known.username, username: 'y' },
		],
		true,
	);
	expect(mixed.json[0].error).toBe('No Jira user has the username "no.such.user"');
	expect(mixed.json[1]).toMatchObject({ userKey: known.userKey, updated: true });
	expect(puts()).toHaveLength(1);
});
