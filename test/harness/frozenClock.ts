/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a test clock replaces and restores setTimeout */
/**
 * A clock that stands still until the test moves it: jest's fake setTimeout, setInterval and Date, while
 * sockets, setImmediate and process.nextTick run for real. Whatever waits on a timer (a Retry-After wait, a
 * poll interval, the simulator's latency before it answers) waits until the test advances the clock, and
 * everything else runs as usual. So a test can prove that something did or did not wait, and for how long on
 * the clock, however loaded the machine is: nothing depends on how fast the real time passes.
 *
 * Usage: `const clock = freezeClock(); … await until(() => …); await clock.advance(1000); …` (the clock is
 * given back after each test, also when it fails).
 */

/** The real setTimeout, taken before any test replaces it: `until` polls with it. */
const realSetTimeout = globalThis.setTimeout;

/** One setTimeout asked for since the clock stopped: its delay and what became of it. */
export interface ClockTimer {
	readonly delay: number;
	readonly state: 'pending' | 'fired' | 'cleared';
}

export interface FrozenClock {
	/** Every setTimeout since the clock stopped, in order (the product's waits among them). */
	readonly timers: readonly ClockTimer[];
	/** The timers of this delay, e.g. a Retry-After wait of 3000 ms. */
	timersOf(delay: number): ClockTimer[];
	/** Moves the clock on by `ms`, running the timers that fall due (and the promises they settle). */
	advance(ms: number): Promise<void>;
	/** The clock's time (Date.now() while it stands still). */
	now(): number;
	/** Real timers again; pending fake timers are dropped. */
	restore(): void;
}

let current: FrozenClock | undefined;

afterEach(() => current?.restore());

/** What every fake clock here leaves real: sockets' callbacks, microtasks and the high-resolution time. */
const KEPT_REAL = [
	'nextTick',
	'setImmediate',
	'clearImmediate',
	'queueMicrotask',
	'hrtime',
	'performance',
] as const;

/** jest's fake setTimeout, setInterval and Date, the rest real: freezeClock's clock without its record of timers. */
export function fakeTimersAndDate(): void {
	jest.useFakeTimers({ doNotFake: [...KEPT_REAL] });
}

/**
 * Date.now() answers `now`; every timer stays real, so HTTP and polls run as usual (only the date moves).
 * jest.useRealTimers() gives the real date back.
 */
export function setDate(now: number): void {
	jest.useFakeTimers({
		now,
		doNotFake: [...KEPT_REAL, 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
	});
}

export function freezeClock(): FrozenClock {
	current?.restore();
	fakeTimersAndDate();
	const timers: Array<{ delay: number; state: ClockTimer['state'] }> = [];
	const byHandle = new Map<unknown, (typeof timers)[number]>();
	const fakeSetTimeout = globalThis.setTimeout;
	const fakeClearTimeout = globalThis.clearTimeout;
	globalThis.setTimeout = ((
		handler: (...args: unknown[]) => void,
		ms?: number,
		...args: unknown[]
	) => {
		const timer = { delay: Number(ms ?? 0), state: 'pending' as ClockTimer['state'] };
		timers.push(timer);
		const handle = fakeSetTimeout(
			(...given: unknown[]) => {
				timer.state = 'fired';
				handler(...given);
			},
			ms,
			...args,
		);
		byHandle.set(handle, timer);
		return handle;
	}) as unknown as typeof setTimeout;
	globalThis.clearTimeout = ((handle?: Parameters<typeof clearTimeout>[0]) => {
		const timer = byHandle.get(handle);
		if (timer?.state === 'pending') timer.state = 'cleared';
		fakeClearTimeout(handle);
	}) as typeof clearTimeout;
	const clock: FrozenClock = {
		timers,
		timersOf: (delay) => timers.filter((t) => t.delay === delay),
		advance: async (ms) => {
			await jest.advanceTimersByTimeAsync(ms);
		},
		now: () => Date.now(),
		restore: () => {
			if (current !== clock) return;
			current = undefined;
			// jest puts the real ones back only over its own fakes (over anything else it deletes the global).
			globalThis.setTimeout = fakeSetTimeout;
			globalThis.clearTimeout = fakeClearTimeout;
			jest.useRealTimers();
			if (globalThis.setTimeout !== realSetTimeout)
				throw new Error('The real setTimeout was not given back');
		},
	};
	current = clock;
	return clock;
}

/** What `until` is waiting for, to name it when the test ends first. */
const awaited = new Set<{ what: string }>();

/**
 * Resolves once `condition` holds, looking every few milliseconds of real time. No time limit of its own: a
 * condition that never comes true fails the test at jest's timeout (and `what` is printed then), however long
 * the machine takes otherwise.
 */
export async function until(condition: () => boolean, what: string): Promise<void> {
	const waiting = { what };
	awaited.add(waiting);
	try {
		while (!condition()) {
			if (!awaited.has(waiting)) throw new Error(`The test ended before this happened: ${what}`);
			await new Promise((resolve) => realSetTimeout(resolve, 5));
		}
	} finally {
		awaited.delete(waiting);
	}
}

afterEach(() => {
	// eslint-disable-next-line no-console
	for (const { what } of awaited) console.error(`The test ended while waiting for: ${what}`);
	awaited.clear();
});
