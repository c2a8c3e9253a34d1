/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Property-based (fast-check, seeded, bounded): every operation's id, name and JSON parameters driven with
 * random and adversarial values. Every request the simulator receives stays under the operation's prefix with
 * each id exactly one path segment; every failure is a NodeOperationError / NodeApiError with a message; no
 * secret shows up; no unhandled rejection. On failure fast-check prints the seed and path to replay
 * (`FC_SEED=<seed> npx jest test/safety/hostileInput`).
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSimulator, type Simulator } from '../simulator';
import { CATALOGUE, PREFIX, labelOf, parametersOf, type CatalogueEntry } from './catalogue';
import { improperFailure, leakedSecrets, watchUnhandledRejections } from './checks';
import { hostileJson, hostileLocator, hostileString, hostileValue } from './hostileValues';
import { hostileSpecOf, type HostileSpec } from './hostileSpecs';
import { pathProblems, type Placeholders } from './pathCheck';
import { basicCredentials } from './run';
import { runNode } from '../harness/runNode';

const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS_PER_OPERATION = Number(process.env.FC_RUNS ?? 16);
const LOCATORS = new Set(['idpId', 'group', 'connection']);

let sim: Simulator;
const unhandled = watchUnhandledRejections();
let generated = 0;

beforeAll(async () => {
	// A context path, as most Data Centers behind a proxy have: "under the prefix" then means under /jira/rest/….
	sim = await startSimulator({ contextPath: '/jira' });
});
afterAll(async () => {
	unhandled.stop();
	await sim.close();
});

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
	const keys = path.split('.');
	let node: Record<string, unknown> = target;
	keys.slice(0, -1).forEach((key, i) => {
		const next = node[key];
		const fresh = /^\d+$/.test(keys[i + 1]) ? [] : {};
		node[key] =
			next && typeof next === 'object'
				? Array.isArray(next)
					? [...next]
					: { ...(next as object) }
				: fresh;
		node = node[key] as Record<string, unknown>;
	});
	node[keys[keys.length - 1]] = value;
}

/** The value a placeholder must decode to, or undefined when any single segment will do. */
function expectedSegment(value: unknown): string | undefined {
	const plain = (v: unknown) =>
		typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
	if (value && typeof value === 'object' && '__rl' in value) {
		const { mode, value: inner } = value as { mode?: string; value?: unknown };
		return mode === 'url' ? undefined : plain(inner);
	}
	return plain(value);
}

function arbitraryFor(spec: HostileSpec): fc.Arbitrary<Record<string, unknown>> {
	const fields: Record<string, fc.Arbitrary<unknown>> = {};
	for (const id of spec.ids ?? []) fields[id] = LOCATORS.has(id) ? hostileLocator : hostileValue;
	for (const text of spec.texts ?? [])
		fields[text] = fc.oneof(
			{ weight: 4, arbitrary: hostileString },
			{ weight: 1, arbitrary: hostileValue },
		);
	for (const [name, kind] of Object.entries(spec.json ?? {})) fields[name] = hostileJson(kind!);
	// Each run drives a random subset of the parameters (the others keep their valid values).
	return fc.record(fields, { requiredKeys: [] });
}

/**
 * The value written into the parameter, or (as data reaches a node in a workflow) an expression that reads
 * it from the input item: then any type and the empty string get past n8n's check of required parameters.
 */
function place(value: unknown, input: Record<string, unknown>, viaExpression: boolean): unknown {
	if (!viaExpression) return value;
	const key = `v${Object.keys(input).length}`;
	if (value && typeof value === 'object' && '__rl' in value && 'value' in value) {
		input[key] = (value as { value: unknown }).value;
		return { ...(value as object), value: `={{ $json.${key} }}` };
	}
	input[key] = value;
	return `={{ $json.${key} }}`;
}

async function check(
	entry: CatalogueEntry,
	spec: HostileSpec,
	values: Record<string, unknown>,
	viaExpression: boolean,
): Promise<void> {
	sim.reset();
	const parameters = parametersOf(entry, sim) as Record<string, unknown>;
	const input: Record<string, unknown> = { ...entry.input?.(sim)[0] };
	const given: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(values)) {
		given[name] = value;
		setPath(parameters, name, place(value, input, viaExpression));
	}
	if ('jsonPatch' in values) parameters.patchFormat = 'jsonPatch';
	else if ('mergePatch' in values) parameters.patchFormat = 'mergePatch';
	if ('config' in values) parameters.source = 'json';
	generated++;
	const run = await runNode({
		node: entry.node,
		parameters: parameters as INodeParameters,
		credentials: basicCredentials(sim),
		input: [input as IDataObject],
	}).catch((error: Error) => error);
	if (run instanceof Error) {
		// n8n itself refuses a workflow whose required parameter is empty, before the node runs.
		expect([run.name, sim.requests.length]).toEqual(['WorkflowHasIssuesError', 0]);
		return;
	}
	const placeholders: Placeholders = {};
	for (const id of spec.ids ?? []) {
		placeholders[id] = expectedSegment(
			given[id] ??
				id
					.split('.')
					.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], parameters),
		);
	}
	const prefix = `/jira${PREFIX[entry.node]}`;
	const problems = sim.requests
		.filter((request) => !spec.productPaths?.some((path) => request.rawPath === `/jira${path}`))
		.flatMap((request) =>
			pathProblems({ ...request, path: request.rawPath }, prefix, spec.paths, placeholders),
		);
	const improper = improperFailure(run);
	if (improper) problems.push(`not a proper n8n error: ${improper}`);
	const leaked = leakedSecrets(run);
	if (leaked.length) problems.push(`secrets in the run: ${leaked.join(', ')}`);
	if (problems.length) throw new Error(`${labelOf(entry)}: ${problems.join('; ')}`);
}

test(`every operation has a hostile-input spec (${CATALOGUE.length} operations)`, () => {
	expect(CATALOGUE.filter((entry) => !hostileSpecOf(entry)).map(labelOf)).toEqual([]);
});

describe(`hostile input, seed ${SEED}, ${RUNS_PER_OPERATION} generated inputs per operation`, () => {
	test.each(CATALOGUE.map((entry, index) => [labelOf(entry), entry, index] as const))(
		'%s',
		async (_label, entry, index) => {
			const spec = hostileSpecOf(entry)!;
			const seed = SEED + index;
			await fc.assert(
				fc.asyncProperty(
					arbitraryFor(spec),
					fc.boolean(),
					async (values, viaExpression) => await check(entry, spec, values, viaExpression),
				),
				{ seed, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
			);
		},
	);
});

test(`${CATALOGUE.length} operations × ${RUNS_PER_OPERATION} = ${CATALOGUE.length * RUNS_PER_OPERATION} generated inputs ran, no unhandled rejection`, () => {
	expect(generated).toBeGreaterThanOrEqual(CATALOGUE.length * RUNS_PER_OPERATION);
	expect(unhandled.reasons).toEqual([]);
});
