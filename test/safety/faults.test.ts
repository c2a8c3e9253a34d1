/**
 * Every operation × every fault the simulator can inject, in n8n's engine over real HTTP: the right retry
 * or a clear error naming the request, no request that is not idempotent sent twice (the simulator's
 * request log), and the server's state after (unchanged, or changed exactly once). Each operation has its
 * own simulator, so the operations of one fault run at once.
 */
import { freezeClock, until } from '../harness/frozenClock';
import { startSimulator, type Simulator } from '../simulator';
import { CATALOGUE, describedOperations, labelOf, PREFIX, type CatalogueEntry } from './catalogue';
import { improperFailure, leakedSecrets, watchUnhandledRejections } from './checks';
import { SCENARIOS, type Baseline, type Case } from './faultScenarios';
import { normalize, runEntry, stateOf } from './run';

const sims = new Map<CatalogueEntry, Simulator>();
const baselines = new Map<CatalogueEntry, Baseline>();
const unhandled = watchUnhandledRejections();
const LATENCY_MS = 2500;

/** The operation's requests of its method to its app (a read of the product's manifest after a missing app is not a retry). */
const countOf = (entry: CatalogueEntry, sim: Simulator) =>
	sim.requests.filter((r) => r.method === entry.method && r.path.includes(PREFIX[entry.node]))
		.length;

async function baselineOf(entry: CatalogueEntry, sim: Simulator): Promise<Baseline> {
	sim.reset();
	const seedState = normalize(stateOf(sim));
	const clean = await runEntry(entry, sim);
	if (clean.error)
		throw new Error(`${labelOf(entry)} fails without a fault: ${clean.error.message}`);
	const cleanCount = countOf(entry, sim);
	const cleanState = normalize(stateOf(sim));
	// Only a change declared idempotent may be sent twice (after a reset that followed its processing).
	if (entry.method !== 'GET' && entry.idempotent) await runEntry(entry, sim);
	return {
		seedState,
		cleanState,
		twiceState: normalize(stateOf(sim)),
		cleanOutput: normalize(JSON.stringify(clean.json)),
		cleanCount,
	};
}

beforeAll(async () => {
	await Promise.all(
		CATALOGUE.map(async (entry) => {
			const sim = await startSimulator();
			sims.set(entry, sim);
			baselines.set(entry, await baselineOf(entry, sim));
		}),
	);
});

afterAll(async () => {
	unhandled.stop();
	await Promise.all([...sims.values()].map(async (sim) => await sim.close()));
});

test(`the catalogue has parameters for every operation the nodes describe (${CATALOGUE.length} operations)`, () => {
	const described = describedOperations().map(labelOf).sort();
	expect(CATALOGUE.map(labelOf).sort()).toEqual(described);
});

const cases = { run: 0 };

describe.each(SCENARIOS)(`fault $kind × ${CATALOGUE.length} operations`, (scenario) => {
	test(scenario.title, async () => {
		const problems = await Promise.all(
			CATALOGUE.map(async (entry) => {
				const sim = sims.get(entry)!;
				sim.reset();
				sim.setFault(scenario.fault(entry));
				const run = await runEntry(entry, sim);
				cases.run++;
				const c: Case = {
					entry,
					sim,
					run,
					baseline: baselines.get(entry)!,
					state: normalize(stateOf(sim)),
					output: normalize(JSON.stringify(run.json)),
					count: countOf(entry, sim),
				};
				const found = [...scenario.expect(c)];
				const improper = improperFailure(run);
				if (improper) found.push(`not a proper n8n error: ${improper}`);
				const leaked = leakedSecrets(run);
				if (leaked.length) found.push(`secrets in the run: ${leaked.join(', ')}`);
				return found.map((p) => `${labelOf(entry)}: ${p}`);
			}),
		);
		expect(problems.flat()).toEqual([]);
	});
});

describe(`latency beyond the workflow's timeout × ${CATALOGUE.length} operations`, () => {
	test('n8n cancels the execution: it ends at once, nothing is sent again, a change is done at most once', async () => {
		// The server's answer waits LATENCY_MS on a clock that stands still until the test moves it: a run that ends
		// before the clock moves ended on the cancel, without the answer, however loaded the machine is.
		const clock = freezeClock();
		try {
			const problems = await Promise.all(
				CATALOGUE.map(async (entry) => {
					const sim = sims.get(entry)!;
					sim.reset();
					sim.setFault({ kind: 'latency', ms: LATENCY_MS, method: entry.method, times: 1 });
					const controller = new AbortController();
					const running = runEntry(entry, sim, { signal: controller.signal });
					await until(
						() => countOf(entry, sim) > 0,
						`${labelOf(entry)}: its ${entry.method} at the server`,
					);
					controller.abort();
					// Awaited while the clock stands still: a run that waited for the server's answer would never end here.
					const run = await running;
					cases.run++;
					const found: string[] = [];
					if (run.run.status !== 'canceled' && !run.error)
						found.push(`neither cancelled nor failed: ${run.run.status}`);
					if (countOf(entry, sim) !== 1)
						found.push(`${entry.method} sent ${countOf(entry, sim)} times`);
					const baseline = baselines.get(entry)!;
					if (entry.method !== 'GET' && normalize(stateOf(sim)) !== baseline.cleanState)
						found.push('server state is not changed exactly once');
					const improper = improperFailure(run);
					if (improper) found.push(`not a proper n8n error: ${improper}`);
					return found.map((p) => `${labelOf(entry)}: ${p}`);
				}),
			);
			expect(problems.flat()).toEqual([]);
			// Every operation's request was held by the latency, and no answer has left yet.
			expect(clock.timersOf(LATENCY_MS).map((t) => t.state)).toEqual(
				CATALOGUE.map(() => 'pending'),
			);
		} finally {
			// The held answers go out now, to connections the cancelled runs closed.
			await clock.advance(LATENCY_MS);
		}
	});
});

test(`no unhandled rejection in ${SCENARIOS.length + 1} faults × ${CATALOGUE.length} operations = ${(SCENARIOS.length + 1) * CATALOGUE.length} cases`, () => {
	expect(cases.run).toBe((SCENARIOS.length + 1) * CATALOGUE.length);
	expect(unhandled.reasons).toEqual([]);
});
