import { NodeOperationError } from 'n8n-workflow';

import { mapConcurrent } from './concurrency';
import type { TransportContext } from './context';

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
			throw this.error(
				`The server announced ${total} entries of ${this.list}: ${pages} pages, more than the ${this.maxPages} any list of this app has`,
				'Nothing beyond the first page was read.',
			);
		}
	}

	/** Records a page; throws when it repeats a page already seen or the page cap is passed. */
	check(page: string, entities: unknown[]): void {
		this.pages++;
		if (this.pages > this.maxPages) {
			throw this.error(
				`The server kept answering pages of ${this.list}: stopped after ${this.maxPages} pages`,
				'It never said it was the last page.',
			);
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
	/** What a server that counts its list says: all its entries, and the entries per page it uses. */
	listSize?: { total: number; pageSize: number };
}

export interface PagingOptions<C> {
	/** Reads no more pages (a list search shows one at a time); `next` says where to go on. */
	pageLimit?: number;
	/**
	 * When the first page tells the list's size, the pages still needed after it are asked for at
	 * once, each for `pageSize` entries; page n (the first is 1) starts at `cursor(n, pageSize)`.
	 */
	parallel?: { maxInFlight: number; cursor(n: number, pageSize: number): C };
}

export interface PagesRead<C, P extends Page<unknown, C>> {
	/** At most `max` entities, in the server's order. */
	entities: Array<P['entities'][number]>;
	/** Every page read, as `fetchPage` answered it. */
	pages: P[];
	/** Where the first page not read starts; undefined when the list was read to its end. */
	next?: C;
}

type FetchPage<C, P> = (cursor: C, wanted: number) => Promise<P>;

/**
 * The one paging mechanism: pages from `first` until the server says it was the last page, a page
 * is empty, or `max` entities came; guarded against repeated pages and endless lists. `fetchPage`
 * is given how many entities are still wanted (in parallel, the page size the first page told).
 */
export async function collectPages<C, P extends Page<unknown, C>>(
	guard: PageGuard,
	first: NoInfer<C>,
	max: number,
	fetchPage: FetchPage<C, P>,
	options: PagingOptions<C> = {},
): Promise<PagesRead<C, P>> {
	const { parallel, pageLimit = Infinity } = options;
	const firstPage = parallel ? await fetchPage(first, max) : undefined;
	if (parallel && firstPage?.listSize) {
		return await atOnce(guard, firstPage, firstPage.listSize, max, fetchPage, parallel);
	}
	return await inTurn(guard, first, max, fetchPage, pageLimit, firstPage);
}

async function inTurn<C, P extends Page<unknown, C>>(
	guard: PageGuard,
	first: C,
	max: number,
	fetchPage: FetchPage<C, P>,
	pageLimit: number,
	firstPage?: P,
): Promise<PagesRead<C, P>> {
	const entities: Array<P['entities'][number]> = [];
	const pages: P[] = [];
	let cursor: C | undefined = first;
	while (cursor !== undefined && entities.length < max && pages.length < pageLimit) {
		const page: P =
			pages.length === 0 && firstPage ? firstPage : await fetchPage(cursor, max - entities.length);
		guard.check(`page at ${JSON.stringify(cursor)}`, page.entities);
		pages.push(page);
		entities.push(...page.entities.slice(0, max - entities.length));
		cursor = page.entities.length === 0 ? undefined : page.next;
	}
	return { entities, pages, next: cursor };
}

async function atOnce<C, P extends Page<unknown, C>>(
	guard: PageGuard,
	first: P,
	{ total, pageSize }: NonNullable<Page<unknown, C>['listSize']>,
	max: number,
	fetchPage: FetchPage<C, P>,
	parallel: NonNullable<PagingOptions<C>['parallel']>,
): Promise<PagesRead<C, P>> {
	const lastPage = Math.max(1, Math.ceil(Math.min(total, max) / pageSize));
	guard.plan(lastPage, total);
	const rest = Array.from({ length: lastPage - 1 }, (_, i) => i + 2);
	// Twice as many pages under way as may be in flight: the run's request gate holds the extra ones back, and
	// each takes the slot an answer frees at once, while that answer is still being parsed and checked.
	const more = await mapConcurrent(
		rest,
		2 * parallel.maxInFlight,
		async (n) => await fetchPage(parallel.cursor(n, pageSize), pageSize),
	);
	const pages = [first, ...more];
	pages.forEach((page, index) => guard.check(`page ${index + 1}`, page.entities));
	const last = pages[pages.length - 1];
	const entities = pages.flatMap((page) => page.entities).slice(0, max);
	return { entities, pages, next: last.entities.length ? last.next : undefined };
}
