/**
 * A fault on each request an operation sends, not only its main one: the reads before a change (lockout
 * check, previous configuration, last sync run), the polls of a sync wait, the follow-up of "already
 * managed", every page of a list. A refused request stops the operation there (nothing after it is sent,
 * no change made after a failed read); a 503 is retried only where repeating is harmless.
 */
import { startSimulator, type RecordedRequest, type Simulator } from '../simulator';
import {
	CATALOGUE,
	MULTI_REQUEST_VARIANTS,
	PREFIX,
	labelOf,
	type CatalogueEntry,
} from './catalogue';
import { improperFailure, leakedSecrets } from './checks';
import { normalize, runEntry, stateOf } from './run';

interface Subject {
	entry: CatalogueEntry;
	label: string;
	sim: Simulator;
	requests: Array<Pick<RecordedRequest, 'method' | 'path'>>;
	seedState: string;
	cleanState: string;
	cleanOutput: string;
}

const subjects: Subject[] = [];
const ENTRIES: Array<CatalogueEntry & { variant?: string }> = [
	...CATALOGUE,
	...MULTI_REQUEST_VARIANTS,
];

beforeAll(async () => {
	await Promise.all(
		ENTRIES.map(async (entry) => {
			const sim = await startSimulator({ adMaxPageSize: 100 });
			const seedState = normalize(stateOf(sim));
			const clean = await runEntry(entry, sim);
			const label = `${labelOf(entry)}${entry.variant ? ` (${entry.variant})` : ''}`;
			if (clean.error) throw new Error(`${label} fails without a fault: ${clean.error.message}`);
			subjects.push({
				entry,
				label,
				sim,
				seedState,
				requests: sim.requests.map(({ method, path }) => ({ method, path })),
				cleanState: normalize(stateOf(sim)),
				cleanOutput: normalize(JSON.stringify(clean.json)),
			});
		}),
	);
});
afterAll(async () => await Promise.all(subjects.map(async ({ sim }) => await sim.close())));

/** Parameter sets that send one request only are left to faults.test.ts, which hits that request with every fault. */
const multi = () => subjects.filter((subject) => subject.requests.length > 1);
const positions = () =>
	multi().flatMap((subject) =>
		subject.requests.map((request, index) => ({ subject, request, index })),
	);

async function runAt(subject: Subject, index: number, kind: 'htmlLogin' | 'unavailable') {
	const { sim, entry } = subject;
	sim.reset();
	sim.setFault({ kind, skip: index, times: 1 });
	const run = await runEntry(entry, sim);
	const requests = sim.requests.map(({ method, path }) => ({ method, path }));
	return {
		run,
		requests,
		sent: requests.length,
		state: normalize(stateOf(sim)),
		output: normalize(JSON.stringify(run.json)),
	};
}

/** The state expected after a failure at `index`: unchanged unless a change went out before it. */
const changedBefore = (subject: Subject, index: number) =>
	subject.requests.slice(0, index).some((r) => r.method !== 'GET');

function failedThere(
	subject: Subject,
	index: number,
	result: Awaited<ReturnType<typeof runAt>>,
	message: RegExp,
): string[] {
	const request = subject.requests[index];
	const problems: string[] = [];
	if (!result.run.error)
		return [`succeeded though request ${index + 1} (${request.method} ${request.path}) failed`];
	if (
		!message.test(result.run.error.message) ||
		!result.run.error.message.includes(`${request.method} ${request.path}`)
	) {
		problems.push(`message does not say what failed: ${result.run.error.message}`);
	}
	// Pages of a list whose total is known go out together, so reads may already be under way; a change never is.
	const after = result.requests.slice(index + 1);
	if (after.some((r) => r.method !== 'GET') || result.sent > subject.requests.length) {
		problems.push(
			`sent after the failed request: ${after.map((r) => `${r.method} ${r.path}`).join(', ')}`,
		);
	}
	if (!changedBefore(subject, index) && result.state !== subject.seedState)
		problems.push('server state changed');
	return problems;
}

const cases = { run: 0 };

async function each(
	check: (subject: Subject, index: number) => Promise<string[]>,
): Promise<string[]> {
	// Parameter sets at once (each has its own simulator), the positions of one after another.
	const problems = await Promise.all(
		multi().map(async (subject) => {
			const found: string[] = [];
			for (let index = 0; index < subject.requests.length; index++) {
				cases.run++;
				found.push(
					...(await check(subject, index)).map(
						(p) => `${subject.label}, request ${index + 1}: ${p}`,
					),
				);
			}
			return found;
		}),
	);
	return problems.flat();
}

const common = (result: Awaited<ReturnType<typeof runAt>>) => {
	const improper = improperFailure(result.run);
	const leaked = leakedSecrets(result.run);
	return [
		...(improper ? [`not a proper n8n error: ${improper}`] : []),
		...(leaked.length ? [`secrets: ${leaked.join(', ')}`] : []),
	];
};

test(`an HTML login page on each request of the ${ENTRIES.length} parameter sets stops the operation there`, async () => {
	expect(subjects.length).toBe(ENTRIES.length);
	expect(multi().length).toBeGreaterThanOrEqual(MULTI_REQUEST_VARIANTS.length);
	const problems = await each(async (subject, index) => {
		const result = await runAt(subject, index, 'htmlLogin');
		return [...failedThere(subject, index, result, /HTML page/), ...common(result)];
	});
	expect(problems).toEqual([]);
});

test(`a 503 on each request of the ${ENTRIES.length} parameter sets: a read or an idempotent change retried, any other change refused`, async () => {
	const problems = await each(async (subject, index) => {
		const result = await runAt(subject, index, 'unavailable');
		const request = subject.requests[index];
		const repeatable = request.method === 'GET' || subject.entry.idempotent;
		if (!repeatable)
			return [...failedThere(subject, index, result, /Server error.*503/), ...common(result)];
		const problems = common(result);
		if (result.run.error) return [`not retried: ${result.run.error.message}`];
		if (result.output !== subject.cleanOutput) {
			const at = [...result.output].findIndex((ch, i) => ch !== subject.cleanOutput[i]);
			problems.push(
				`output differs from a clean run at …${result.output.slice(Math.max(0, at - 60), at + 40)}`,
			);
		}
		if (result.sent !== subject.requests.length + 1)
			problems.push(`${result.sent} requests sent, expected ${subject.requests.length + 1}`);
		if (subject.entry.method !== 'GET' && result.state !== subject.cleanState)
			problems.push('server state is not that of a clean run');
		return problems;
	});
	expect(problems).toEqual([]);
});

test('every request of every parameter set was under its app prefix, and every position ran under both faults', () => {
	const outside = positions().filter(
		({ subject, request }) => !request.path.startsWith(`${PREFIX[subject.entry.node]}/`),
	);
	expect(outside).toEqual([]);
	expect(cases.run).toBe(positions().length * 2);
});
