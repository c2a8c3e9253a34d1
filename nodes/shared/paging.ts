import { NodeOperationError } from 'n8n-workflow';

import type { TransportContext } from './transport';

/** No list of these apps needs more pages; a server that keeps answering pages past it is looping. */
export const MAX_PAGES = 10_000;

/**
 * Bounds a paging loop: a server that ignores the paging parameters (the same page again) or never
 * says it is done (past MAX_PAGES) stops the node with a clear error instead of paging forever.
 */
export class PageGuard {
	private readonly seen = new Set<string>();
	private pages = 0;

	constructor(
		private readonly ctx: TransportContext,
		private readonly itemIndex: number,
		/** The list, as "GET /path", for the error. */
		private readonly list: string,
		private readonly maxPages = MAX_PAGES,
	) {}

	/** Refuses a plan of more pages than any list of these apps has (an absurd total announced by the server). */
	plan(pages: number, total: number): void {
		if (pages > this.maxPages) {
			throw this.error(`The server announced ${total} entries of ${this.list}: ${pages} pages, more than the ${this.maxPages} any list of this app has`, 'Nothing beyond the first page was read.');
		}
	}

	/** Records a page; throws when it repeats a page already seen or the page cap is passed. */
	check(page: string, entities: unknown[]): void {
		this.pages++;
		if (this.pages > this.maxPages) {
			throw this.error(`The server kept answering pages of ${this.list}: stopped after ${this.maxPages} pages`, 'It never said it was the last page.');
		}
		if (entities.length === 0) return;
		const fingerprint = `${entities.length}\u0000${JSON.stringify(entities[0])}\u0000${JSON.stringify(entities[entities.length - 1])}`;
		if (this.seen.has(fingerprint)) {
			throw this.error(
				`The server answered the same page again (${this.list}, ${page}): it ignores the paging parameters`,
				'Stopped instead of paging forever; nothing is output, since the list would be incomplete or repeated.',
			);
		}
		this.seen.add(fingerprint);
	}

	private error(message: string, why: string): NodeOperationError {
		return new NodeOperationError(this.ctx.getNode(), message, {
			itemIndex: this.itemIndex,
			description: `${why} This version of the app pages differently from its documentation. Use a limit, or report the app version.`,
		});
	}
}

export interface Page<T, C> {
	entities: T[];
	/** Where the next page starts, or undefined when this was the last one. */
	next?: C;
}

/**
 * The one sequential paging loop: pages from `first` until the server says it was the last page,
 * a page is empty, or `max` entities came; guarded against repeated pages and endless lists.
 */
export async function collectPages<T, C>(
	guard: PageGuard,
	first: C,
	max: number,
	fetchPage: (cursor: C, wanted: number) => Promise<Page<T, C>>,
): Promise<T[]> {
	const entities: T[] = [];
	let cursor: C | undefined = first;
	while (cursor !== undefined && entities.length < max) {
		const page = await fetchPage(cursor, max - entities.length);
		guard.check(`page at ${JSON.stringify(cursor)}`, page.entities);
		entities.push(...page.entities.slice(0, max - entities.length));
		cursor = page.entities.length === 0 ? undefined : page.next;
	}
	return entities;
}
