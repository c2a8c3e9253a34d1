/** The faults the simulator can inject, each with what an operation must do under it. */
import type { NodeRun } from '../harness/runNode';
import type { Fault, FaultKind, Simulator } from '../simulator';
import { PREFIX, type CatalogueEntry } from './catalogue';

/** What a clean run of an operation looks like, to compare a run under a fault with. */
export interface Baseline {
	seedState: string;
	cleanState: string;
	/** The state after two clean runs: what a repeated idempotent request may leave. */
	twiceState: string;
	cleanOutput: string;
	/** Requests of the operation's method in a clean run. */
	cleanCount: number;
}

export interface Case {
	entry: CatalogueEntry;
	sim: Simulator;
	run: NodeRun;
	baseline: Baseline;
	state: string;
	output: string;
	count: number;
}

type Expectation = (c: Case) => string[];

export interface Scenario {
	kind: FaultKind;
	title: string;
	fault: (entry: CatalogueEntry) => Fault;
	expect: Expectation;
}

const mutating = (entry: CatalogueEntry) => entry.method !== 'GET';

function expectSuccess(c: Case, stateAfter: 'clean' | 'twice'): string[] {
	const problems: string[] = [];
	if (c.run.error) return [`failed: ${c.run.error.message}`];
	if (c.output !== c.baseline.cleanOutput)
		problems.push(`output differs from a clean run: ${c.output.slice(0, 200)}`);
	if (c.count !== c.baseline.cleanCount + 1)
		problems.push(`${c.entry.method} sent ${c.count} times, expected ${c.baseline.cleanCount + 1}`);
	const expected = stateAfter === 'clean' ? c.baseline.cleanState : c.baseline.twiceState;
	if (mutating(c.entry) && c.state !== expected)
		problems.push(
			`server state is not that of ${stateAfter === 'clean' ? 'one' : 'two'} clean run(s)`,
		);
	return problems;
}

/** A clear error naming the request (method and the app's path), the request sent once, the state as given. */
function expectError(c: Case, message: RegExp, stateAfter: 'seed' | 'clean'): string[] {
	const problems: string[] = [];
	const error = c.run.error;
	if (!error)
		return [`succeeded (${c.output.slice(0, 120)}), expected an error ${String(message)}`];
	if (!message.test(error.message))
		problems.push(`message ${JSON.stringify(error.message)} does not match ${String(message)}`);
	const where = `${c.entry.method} ${PREFIX[c.entry.node]}`;
	if (!error.message.includes(where))
		problems.push(`message does not name the request ${where}: ${error.message}`);
	if (c.count !== 1) problems.push(`${c.entry.method} sent ${c.count} times, expected once`);
	const expected = stateAfter === 'seed' ? c.baseline.seedState : c.baseline.cleanState;
	if (mutating(c.entry) && c.state !== expected)
		problems.push(
			`server state is not ${stateAfter === 'seed' ? 'unchanged' : 'changed exactly once'}`,
		);
	return problems;
}

const retriedOrRefused =
	(
		message: RegExp,
		stateAfterError: 'seed' | 'clean',
		stateAfterRetry: 'clean' | 'twice',
	): Expectation =>
	(c) =>
		c.entry.idempotent
			? expectSuccess(c, stateAfterRetry)
			: expectError(c, message, stateAfterError);

/** An answer that is not the JSON asked for: an error when the output is read from it, else an error or a success. */
const unusableAnswer: Expectation = (c) => {
	if (c.entry.needsJson || c.run.error)
		return expectError(c, /not valid JSON|answer|empty/i, 'seed');
	return c.count === 1 ? [] : [`${c.entry.method} sent ${c.count} times, expected once`];
};

const on = (entry: CatalogueEntry, fault: Omit<Fault, 'method' | 'times'>): Fault => ({
	...fault,
	method: entry.method,
	times: 1,
});

export const SCENARIOS: Scenario[] = [
	{
		kind: 'rateLimit',
		title: '429 with Retry-After: retried after the wait, done once',
		fault: (e) => on(e, { kind: 'rateLimit', retryAfterSeconds: 0 }),
		expect: (c) => expectSuccess(c, 'clean'),
	},
	{
		kind: 'rateLimitNoRetryAfter',
		title: '429 without Retry-After: retried after a backoff, done once',
		fault: (e) => on(e, { kind: 'rateLimitNoRetryAfter' }),
		expect: (c) => expectSuccess(c, 'clean'),
	},
	{
		kind: 'unavailable',
		title: '503: an idempotent request retried, any other refused with a clear error and sent once',
		fault: (e) => on(e, { kind: 'unavailable' }),
		expect: retriedOrRefused(/Server error.*503/, 'seed', 'clean'),
	},
	{
		kind: 'connectionReset',
		title: 'connection reset before processing: idempotent retried, others a clear error',
		fault: (e) => on(e, { kind: 'connectionReset' }),
		expect: retriedOrRefused(/connection reset/i, 'seed', 'clean'),
	},
	{
		kind: 'connectionResetAfterProcessing',
		title: 'connection reset after processing: idempotent retried, others done exactly once',
		fault: (e) => on(e, { kind: 'connectionResetAfterProcessing' }),
		expect: retriedOrRefused(/connection reset/i, 'clean', 'twice'),
	},
	{
		kind: 'htmlLogin',
		title: 'HTML login page as 200: a clear error, never retried',
		fault: (e) => on(e, { kind: 'htmlLogin' }),
		expect: (c) => expectError(c, /HTML page instead of JSON/, 'seed'),
	},
	{
		kind: 'redirect',
		title: '302 to the login page: a clear error, never retried',
		fault: (e) => on(e, { kind: 'redirect' }),
		expect: (c) => expectError(c, /Redirected/, 'seed'),
	},
	{
		kind: 'captcha',
		title: 'CAPTCHA (X-Authentication-Denied-Reason): a clear error, never retried',
		fault: (e) => on(e, { kind: 'captcha' }),
		expect: (c) => expectError(c, /CAPTCHA/, 'seed'),
	},
	{
		kind: 'basicDisabled',
		title: 'Basic auth disabled: a clear error, never retried',
		fault: (e) => on(e, { kind: 'basicDisabled' }),
		expect: (c) => expectError(c, /Basic authentication is disabled/, 'seed'),
	},
	{
		kind: 'websudo',
		title: 'WebSudo required: a clear error, never retried',
		fault: (e) => on(e, { kind: 'websudo' }),
		expect: (c) => expectError(c, /WebSudo/, 'seed'),
	},
	{
		kind: 'serverError',
		title: '500: a clear error, never retried',
		fault: (e) => on(e, { kind: 'serverError' }),
		expect: (c) => expectError(c, /Server error.*500/, 'seed'),
	},
	{
		kind: 'truncatedJson',
		title: 'truncated JSON: an error where the output needs it, never retried',
		fault: (e) => on(e, { kind: 'truncatedJson' }),
		expect: unusableAnswer,
	},
	{
		kind: 'emptyBody',
		title: 'empty body where JSON is needed: an error, never retried',
		fault: (e) => on(e, { kind: 'emptyBody' }),
		expect: unusableAnswer,
	},
	{
		kind: 'appNotInstalled',
		title: 'app not installed (Jersey 404): a clear error, never retried',
		fault: (e) => on(e, { kind: 'appNotInstalled' }),
		expect: (c) => expectError(c, /not installed/, 'seed'),
	},
];
