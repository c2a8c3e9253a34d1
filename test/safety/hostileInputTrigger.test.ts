/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Property-based (fast-check, seeded, bounded): the trigger's connector and Kantega IdP ids (comma-separated
 * lists) and its day count driven with random and adversarial values. Every request a poll sends stays under
 * an app's prefix with each id one path segment, and a poll fails only with a NodeOperationError / NodeApiError.
 * Replay a failure with `FC_SEED=<seed> npx jest test/safety/hostileInputTrigger`.
 */
import fc from 'fast-check';

import { PollingWorkflow } from '../harness/pollingWorkflow';
import { startSimulator, type Simulator } from '../simulator';
import { PREFIX } from './catalogue';
import { hostileString, hostileValue } from './hostileValues';
import { pathProblems } from './pathCheck';
import { basicCredentials } from './run';

const SEED = Number(process.env.FC_SEED ?? 20261202) + 1000;
const RUNS = Number(process.env.FC_RUNS ?? 16) * 2;

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator({ contextPath: '/jira' });
});
afterAll(async () => await sim.close());

const APP_PATHS: Array<{ prefix: string; paths: string[] }> = [
	{
		prefix: PREFIX.resolutionSamlSso,
		paths: [
			'/config',
			'/usersync/connector/{id}',
			'/usersync/connector/{id}/syncstatus',
			'/usersync/syncstatus/{syncId}',
		],
	},
	{ prefix: PREFIX.kantegaSso, paths: ['/managedgroups/{id}/groups', '/idp/ids'] },
	{ prefix: PREFIX.atlassianDcSso, paths: ['/idps', '/sso'] },
].map((app) => ({ ...app, prefix: `/jira${app.prefix}` }));

/** A comma-separated list of hostile ids, or another hostile value. */
const idList = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.array(hostileString, { minLength: 1, maxLength: 4 }).map((ids) => ids.join(',')),
	},
	{ weight: 1, arbitrary: hostileValue },
);

const parameters = fc.oneof(
	fc.record({
		event: fc.constant('userSyncFinished'),
		connectorIds: idList,
		onlyFailures: fc.boolean(),
	}),
	fc.record({
		event: fc.constant('configurationChanged'),
		sources: fc.constantFrom(
			['kantegaManagedGroups'],
			['kantegaManagedGroups', 'atlassianSsoSettings'],
		),
		kantegaIdpIds: idList,
	}),
	fc.record({
		event: fc.constant('certificateExpiring'),
		sources: fc.constant(['atlassianIdentityProviders']),
		reminderDays: hostileValue,
	}),
);

test(`trigger: ${RUNS} generated parameter sets, seed ${SEED}: requests stay under the apps' prefixes, polls fail only with n8n errors`, async () => {
	await fc.assert(
		fc.asyncProperty(parameters, async (params) => {
			sim.reset();
			const trigger = PollingWorkflow.ofTrigger(params as never, basicCredentials(sim));
			const outcomes = [await trigger.poll(), await trigger.poll()];
			const ids =
				typeof (params as { connectorIds?: unknown }).connectorIds === 'string' ||
				typeof (params as { kantegaIdpIds?: unknown }).kantegaIdpIds === 'string'
					? String(
							(params as { connectorIds?: string }).connectorIds ??
								(params as { kantegaIdpIds?: string }).kantegaIdpIds,
						)
							.split(',')
							.map((s) => s.trim())
					: undefined;
			for (const request of sim.requests) {
				const app = APP_PATHS.find((a) => request.rawPath.startsWith(`${a.prefix}/`));
				if (!app) throw new Error(`${request.method} ${request.rawPath} is under no app's prefix`);
				const problems = pathProblems(
					{ ...request, path: request.rawPath },
					app.prefix,
					app.paths,
					{},
				);
				const idSegment = /\/(?:connector|managedgroups)\/([^/]+)/.exec(request.rawPath)?.[1];
				if (ids && idSegment !== undefined && !ids.includes(decodeURIComponent(idSegment)))
					problems.push(`${request.rawPath}: id is not one of the list's`);
				if (problems.length) throw new Error(problems.join('; '));
			}
			for (const { error } of outcomes) {
				if (
					error &&
					(!['NodeApiError', 'NodeOperationError'].includes(error.constructor.name) ||
						!error.message)
				) {
					throw new Error(`a poll failed with ${error.constructor.name}: ${error.message}`);
				}
			}
		}),
		{ seed: SEED, numRuns: RUNS, endOnFailure: true },
	);
});
