/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The one waiting loop of the toolchain: poll until a probe gives a value, with a deadline.
 * Every readiness wait (n8n, a worker, the simulator, an execution, a webhook) goes through it.
 */
export const sleep = async (ms: number): Promise<void> =>
	await new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
	/** Give up after this many milliseconds (from the call). */
	timeoutMs: number;
	/** Pause between probes (default 250 ms). */
	intervalMs?: number;
	/**
	 * Checked before every probe: a string is a reason to stop waiting at once (e.g. "n8n exited
	 * with code 1"); the wait then throws it.
	 */
	abort?: () => string | undefined;
}

export class WaitError extends Error {
	constructor(
		message: string,
		readonly aborted: boolean,
	) {
		super(message);
	}
}

/**
 * Calls `probe` until it returns something other than undefined and returns that. A probe that
 * throws counts as "not yet" (the last error is quoted when the deadline passes).
 */
export async function waitFor<T>(
	what: string,
	options: WaitOptions,
	probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastError = '';
	for (;;) {
		const reason = options.abort?.();
		if (reason !== undefined) throw new WaitError(`${what}: ${reason}`, true);
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = String((error as Error)?.message ?? error);
		}
		if (Date.now() >= deadline) {
			throw new WaitError(
				`${what}: not after ${Math.round(options.timeoutMs / 1000)} s${lastError ? ` (last error: ${lastError})` : ''}`,
				false,
			);
		}
		await sleep(Math.min(options.intervalMs ?? 250, Math.max(0, deadline - Date.now())));
	}
}

/** GET `url`: true when it answers 2xx within 5 s (for readiness probes). */
export async function answers(url: string): Promise<boolean> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
		await response.arrayBuffer();
		return response.ok;
	} catch {
		return false;
	}
}
