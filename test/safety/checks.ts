/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/** What every safety suite asserts of every run: a proper n8n error when it fails, and no secret anywhere. */
import { inspect } from 'node:util';

import type { NodeRun } from '../harness/runNode';
import { SIMULATOR_USERS } from '../simulator';
import { OIDC_CANARY } from './catalogue';

const { username, password, token } = SIMULATOR_USERS.admin;

/** Every secret the suites' credentials and parameters hold, in each form it could leak in. */
export const SECRETS: Record<string, string> = {
	password,
	personalAccessToken: token,
	basicAuthHeader: Buffer.from(`${username}:${password}`).toString('base64'),
	oidcClientSecret: OIDC_CANARY,
};

/**
 * Everything of a run that n8n keeps or shows: outputs and errors of every node, and the error with its cause and stack.
 * The engine's `executionData` is left out: it holds the workflow's nodes with their parameters as the user wrote them.
 */
export function serializedRun(run: NodeRun): string {
	const error = run.error;
	return [
		JSON.stringify({ ...run.run, data: { ...run.run.data, executionData: undefined } }),
		error ? inspect(error, { depth: 8, showHidden: false }) : '',
		error
			? JSON.stringify({
					message: error.message,
					description: error.description,
					cause: (error as { cause?: unknown }).cause,
				})
			: '',
	].join('\n');
}

/** The names of the secrets found in a run's output, errors or dry run. */
export function leakedSecrets(run: NodeRun): string[] {
	const text = serializedRun(run);
	return Object.entries(SECRETS)
		.filter(([, value]) => text.includes(value) || text.includes(encodeURIComponent(value)))
		.map(([name]) => name);
}

const NODE_ERRORS = ['NodeApiError', 'NodeOperationError'];
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

/** Why a run's failure is not a proper n8n error with a message, or undefined when it is (or when the run succeeded). */
export function improperFailure(run: NodeRun): string | undefined {
	const error = run.error as (Error & { cause?: unknown }) | undefined;
	if (!error) return undefined;
	// The engine keeps a copy of the error (own properties, `name` among them), not the instance.
	const name = error.name;
	if (!NODE_ERRORS.includes(name)) return `${name}: ${error.message}`;
	if (!error.message?.trim()) return `${name} without a message`;
	const cause = error.cause;
	if (PROGRAMMING_ERRORS.some((type) => cause instanceof type))
		return `${name} wrapping ${(cause as Error).name}: ${error.message}`;
	if (
		/Cannot read properties|is not a function|is not iterable|Maximum call stack|undefined \(reading/i.test(
			error.message,
		)
	) {
		return `${name} from a programming error: ${error.message}`;
	}
	return undefined;
}

/** Unhandled rejections while a suite runs (each suite asserts there were none). */
export function watchUnhandledRejections(): { reasons: unknown[]; stop(): void } {
	const reasons: unknown[] = [];
	const listener = (reason: unknown) => reasons.push(reason);
	process.on('unhandledRejection', listener);
	return { reasons, stop: () => process.off('unhandledRejection', listener) };
}
