import type { Simulator, SimulatorOptions } from '../simulator';
import { startSimulator } from '../simulator';

/** One simulator per test file (context path /jira unless told), reset before each test. */
export function useSimulator(options: SimulatorOptions = {}): { readonly sim: Simulator } {
	const holder = {} as { sim: Simulator };
	beforeAll(async () => {
		holder.sim = await startSimulator({ contextPath: '/jira', ...options });
	});
	beforeEach(() => holder.sim.reset());
	afterAll(async () => {
		await holder.sim.close();
	});
	return holder;
}
