import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { runOf } from '../shared/http';

/** Which instance an item comes from: the credential's Base URL (product when the trigger knows it). */
export interface Instance {
	baseUrl: string;
	product?: string;
}

/**
 * The run's checked credential names the instance: a Base URL the credential refuses fails the poll itself,
 * before anything is sent (it is no source's failure), and its raw text, which may hold a password, reaches no item.
 */
export async function instanceOf(ctx: IPollFunctions): Promise<Instance> {
	const { baseUrl } = await runOf(ctx).credential();
	return { baseUrl };
}

/** One source an event read at this poll: `key` names it in the stored state, `fields` in the items. */
export interface SourceRead {
	key: string;
	fields: IDataObject;
	/** Set when the source could not be read. */
	error?: Error;
}

/** Sources failing since an earlier poll: key → the message of the error it started failing with. */
export type Failing = Record<string, string>;

/** What went wrong, as the nodes' operations say it (message, and what to do about it when known). */
export function errorText(error: Error): IDataObject {
	const description = (error as Error & { description?: unknown }).description;
	return typeof description === 'string' && description
		? { message: error.message, description }
		: { message: error.message };
}

/** Reads one source, keeping its failure instead of letting it end the poll. */
export async function attempt<T>(read: () => Promise<T>): Promise<{ value: T } | { error: Error }> {
	try {
		return { value: await read() };
	} catch (error) {
		return { error: error instanceof Error ? error : new Error(String(error)) };
	}
}

/**
 * `sourceFailed` for each source that fails now and did not at the last poll, `sourceRecovered` for each
 * that failed then and answers now; nothing for one that keeps failing or keeps answering.
 */
export function healthItems(
	previous: Failing,
	reads: SourceRead[],
	instance: Instance,
): { items: IDataObject[]; failing: Failing } {
	const items: IDataObject[] = [];
	const failing: Failing = {};
	for (const read of reads) {
		if (read.error) {
			failing[read.key] = previous[read.key] ?? read.error.message;
			if (previous[read.key] === undefined)
				items.push({
					event: 'sourceFailed',
					...read.fields,
					instance,
					error: errorText(read.error),
				});
		} else if (previous[read.key] !== undefined) {
			items.push({ event: 'sourceRecovered', ...read.fields, instance });
		}
	}
	return { items, failing };
}
