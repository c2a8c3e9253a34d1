/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console */
/**
 * The e2e suite's step for the Atlassian SSO Trigger in a real n8n (run by scripts/e2e/collect.ts while
 * n8n runs with examples/sso-watch.json published): waits for the activation poll, then takes resolution
 * SAML SSO off the instance (its REST paths answer the REST framework's 404, as when the app is not
 * installed) and changes an SSO setting of Atlassian DC SSO at once, waits for two more polls of the
 * "SSO Configuration Changed" trigger (the one that sees both, and one that must stay silent), and keeps
 * what the workflow posted to the inbox.
 * Usage: tsx test/e2e/trigger-watch.ts SIMULATOR_URL OUT_DIR    (the checks are in run-checks.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { sleep, waitFor } from '../../scripts/lib/n8n/wait';

const [simUrl, out] = process.argv.slice(2);
const POLL_PATH = '/rest/authconfig/1.0/sso';
/** n8n polls at most once a minute, at a random second: two polls after the change take up to two minutes. */
const TIMEOUT_MS = 200_000;
const CHANGE = [
	{ op: 'replace', path: '/authconfig/sso/show-login-form', value: false },
	{ op: 'replace', path: '/installedApps', value: ['deviniti', 'kantega', 'authconfig'] },
];

async function control(method: string, action: string, body?: unknown): Promise<unknown> {
	const response = await fetch(`${simUrl}/__simulator/${action}`, {
		method,
		headers: body ? { 'content-type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	return text ? (JSON.parse(text) as unknown) : undefined;
}

async function polls(): Promise<number> {
	const requests = (await control('GET', 'requests')) as Array<{ method: string; path: string }>;
	return requests.filter((r) => r.method === 'GET' && r.path === POLL_PATH).length;
}

async function waitForPolls(count: number, what: string, started: number): Promise<void> {
	await waitFor(
		what,
		{ timeoutMs: TIMEOUT_MS - (Date.now() - started), intervalMs: 1000 },
		async () => ((await polls()) >= count ? true : undefined),
	);
	console.error(`[e2e] trigger-watch: ${what} after ${Math.round((Date.now() - started) / 1000)}s`);
}

async function main(): Promise<void> {
	mkdirSync(out, { recursive: true });
	const started = Date.now();
	const timeline: Array<{ at: number; what: string }> = [];
	const mark = (what: string) => timeline.push({ at: Date.now() - started, what });
	try {
		await waitForPolls(1, 'the activation poll (baseline)', started);
		mark('baseline poll seen');
		const before = await polls();
		await control('PATCH', 'state', CHANGE);
		mark('resolution removed, show-login-form set to false');
		await waitForPolls(before + 1, 'the poll after the change', started);
		mark('poll after the change seen');
		await waitForPolls(before + 2, 'one more poll', started);
		mark('one more poll seen');
		// The execution the change started posts its alert within milliseconds; leave it a few seconds.
		await sleep(5000);
	} catch (error) {
		writeFileSync(join(out, 'failure'), String((error as Error).message));
	}
	writeFileSync(join(out, 'timeline.json'), JSON.stringify(timeline, null, 2));
	writeFileSync(join(out, 'inbox.json'), JSON.stringify(await control('GET', 'inbox'), null, 2));
	writeFileSync(
		join(out, 'requests.json'),
		JSON.stringify(await control('GET', 'requests'), null, 2),
	);
}

void main();
