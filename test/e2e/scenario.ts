/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/** Reading what one headless run kept (scripts/e2e/scenario.ts): the execution, the simulator's requests and state. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Execution } from '../../scripts/lib/n8n';
import type { RecordedRequest, SimulatorState } from '../simulator';

export const RESOLUTION = '/jira/rest/samlsso-admin/1.0';

export type Item = Record<string, unknown>;
/** A resolution SAML SSO configuration, as far as the checks look into it. */
export interface ResolutionConfig {
	idps: Array<{ entityId: string; metadataurl: string }>;
	redirectToSso: boolean;
	[key: string]: unknown;
}

export interface Scenario {
	run: Execution;
	status: string;
	error: Execution['data']['resultData']['error'];
	/** items' json of NODE's output OUTPUT (run 0), or undefined when the node did not run */
	output(node: string, output?: number): Item[] | undefined;
	requests: RecordedRequest[];
	calls: string[];
	body(r: RecordedRequest): unknown;
	before: SimulatorState;
	after: SimulatorState;
}

export const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** One headless run: the execution JSON, the simulator's requests and state. */
export function scenario(dir: string, name: string): Scenario {
	const d = join(dir, name);
	const runFile = join(d, 'run.json');
	const text = existsSync(runFile) ? readFileSync(runFile, 'utf8').trim() : '';
	const log = existsSync(join(d, 'execute.log'))
		? readFileSync(join(d, 'execute.log'), 'utf8')
		: '';
	assert.ok(
		text,
		`no execution JSON from n8n execute; its log ends:\n${log.split('\n').slice(-6).join('\n')}`,
	);
	const run = JSON.parse(text) as Execution;
	const requests = readJson<RecordedRequest[]>(join(d, 'requests.json'));
	return {
		run,
		status: run.status,
		error: run.data?.resultData?.error,
		output(node, output = 0) {
			const runs = run.data?.resultData?.runData?.[node];
			return runs ? (runs[0]?.data?.main?.[output] ?? []).map((i) => i.json) : undefined;
		},
		requests,
		calls: requests.map((r) => `${r.method} ${r.rawPath}`),
		body: (r) => (r.body ? JSON.parse(r.body) : undefined),
		before: readJson(join(d, 'state-before.json')),
		after: readJson(join(d, 'state.json')),
	};
}

export const runError = (s: Scenario) =>
	s.error ? `${s.error.node?.name ?? ''}: ${s.error.message}` : 'no error';
export const assertSuccess = (s: Scenario) =>
	assert.equal(s.status, 'success', `run status ${s.status} (${runError(s)})`);
export const latestConfig = (state: SimulatorState) =>
	state.resolution.configVersions.at(-1) as unknown as ResolutionConfig;
