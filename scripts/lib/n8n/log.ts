/* eslint-disable no-console */
/** Progress lines on stderr, each with a tag: `[provision] ...`, `[n8n] ...`, `[e2e] ...`. */
export type Log = (line: string) => void;

export function logger(tag: string): Log {
	return (line: string) => console.error(`[${tag}] ${line}`);
}

/** Whole seconds since `since` (a Date.now() value). */
export const secondsSince = (since: number): number => Math.round((Date.now() - since) / 1000);
