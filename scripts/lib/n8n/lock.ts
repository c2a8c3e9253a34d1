/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions */
/**
 * Exclusive locks on a file with flock(1), compatible with `flock` in shell scripts: a helper
 * process holds the lock until we close its stdin (or we die: the pipe closes and the lock goes).
 */
import { spawn } from 'node:child_process';

export interface Lock {
	/** false when flock(1) is not available: the caller went on without a lock. */
	held: boolean;
	release(): void;
}

/**
 * Takes the lock on `file`: waits for it (`wait: true`, calling `onWait` after 2 s), or returns
 * undefined at once when another process holds it (`wait: false`).
 */
export async function lockFile(
	file: string,
	options: { wait: boolean; onWait?: () => void },
): Promise<Lock | undefined> {
	const holder = spawn(
		'flock',
		[options.wait ? '-x' : '-xn', file, '-c', 'echo locked; exec cat'],
		{
			stdio: ['pipe', 'pipe', 'ignore'],
		},
	);
	const outcome = await new Promise<'locked' | 'busy' | 'unavailable'>((resolve) => {
		const notice = setTimeout(() => options.onWait?.(), 2000);
		const done = (value: 'locked' | 'busy' | 'unavailable') => {
			clearTimeout(notice);
			resolve(value);
		};
		holder.stdout.once('data', () => done('locked'));
		holder.once('error', () => done('unavailable'));
		holder.once('exit', (code) => done(code === 127 ? 'unavailable' : 'busy'));
	});
	if (outcome === 'busy') return undefined;
	return { held: outcome === 'locked', release: () => holder.stdin.end() };
}
