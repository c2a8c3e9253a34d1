/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * What every benchmark in n8n's engine (bench/*.bench.ts) does around its measurements: its settings from the
 * environment, the simulator in a process of its own (scripts/lib/n8n's, so that its work does not share the measured
 * client's main thread), the machine it ran on, and its exit code. Each runs its main with scripts/lib/n8n's
 * `runMain`: exit code 0, TARGET_MISSED, or 1 when it throws, the simulator stopped in every case (Ctrl-C too).
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { removeAtExit, startSimulator, type SimulatorProcess } from '../scripts/lib/n8n';

/** The exit code of a benchmark that ran to its end but missed its target (scripts/bench.ts tells it from a failure). */
export const TARGET_MISSED = 3;

/** A number from the environment (`BENCH_RUNS=5`), else `fallback`. */
export const envNumber = (name: string, fallback: number): number =>
	Number(process.env[name] ?? fallback);

/** The line under each benchmark's heading: the CPUs (and with `memory`, the memory) and the Node that ran it. */
export function machine(options: { memory?: boolean } = {}): string {
	const memory = options.memory ? `, ${(totalmem() / 2 ** 30).toFixed(1)} GiB` : '';
	return `machine: ${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'})${memory}, node ${process.version}`;
}

/** The simulator's flags a benchmark sets (test/simulator/main.ts); the others keep their defaults. */
export interface BenchSimulatorFlags {
	'latency-ms': number;
	'ad-users'?: number;
	'ad-max-page-size'?: number;
	/** e.g. `50/1:100`: 50 tokens every 1 s, at most 100 */
	'rate-limit'?: string;
}

/**
 * Runs `measure` against the simulator (product jira, no context path) in a process of its own, started with these
 * flags and stopped afterwards; its log in a temporary folder removed at exit.
 */
export async function withSimulator<T>(
	flags: BenchSimulatorFlags,
	measure: (sim: SimulatorProcess) => Promise<T>,
): Promise<T> {
	const folder = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'bench-simulator.'));
	removeAtExit(folder);
	const sim = await startSimulator({
		logFile: join(folder, 'simulator.log'),
		args: Object.entries(flags)
			.filter(([, value]) => value !== undefined)
			.flatMap(([name, value]) => [`--${name}`, String(value)]),
	});
	try {
		return await measure(sim);
	} finally {
		await sim.stop();
	}
}
