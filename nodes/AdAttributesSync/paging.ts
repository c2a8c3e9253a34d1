import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { mapConcurrent } from '../shared/concurrency';
import { DEFAULT_CONCURRENCY } from '../shared/constants';
import { apiRequestJson } from '../shared/transport';
import { PAGE_SIZE, type AdUser, type UsersPage } from './api';

// A candidate for nodes/shared/: page-numbered lists fetched with bounded concurrency.

/** Users in the server's order, each once by configuration name and username (no key strings built per user). */
class UniqueUsers {
	readonly list: AdUser[] = [];
	private readonly byConfiguration = new Map<string, Set<string>>();

	/** Adds the users not seen yet; answers how many were new. */
	collect(users: AdUser[]): number {
		let added = 0;
		for (const user of users) {
			let names = this.byConfiguration.get(user.configurationName);
			if (!names) this.byConfiguration.set(user.configurationName, (names = new Set()));
			if (names.has(user.username)) continue;
			names.add(user.username);
			this.list.push(user);
			added++;
		}
		return added;
	}
}

/**
 * Every user of a paged list (`GET /user` or `GET /connection/{c}/user`), up to `max`, in the server's order,
 * each once (by configuration name and username).
 *
 * Fast path: page 1 with a large page size tells the total and the page size the server really uses;
 * the remaining pages needed (no more than `max` requires) are then fetched `DEFAULT_CONCURRENCY` at a time.
 *
 * When the directory changed while paging (an answer reports another total, a user came twice,
 * or fewer users came than announced), offset paging may have skipped users that moved across a page
 * boundary. Then one sequential pass from page 1 runs until a short or empty page (or `max` users),
 * and its users come first, followed by users only the first pass saw.
 */
export async function fetchUsers(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	filters: IDataObject,
	max: number,
): Promise<AdUser[]> {
	const getPage = async (page: number, size: number): Promise<UsersPage> => {
		const answer = await apiRequestJson<UsersPage>(ctx, { method: 'GET', path, qs: { ...filters, page, size } }, itemIndex);
		if (!answer || !Array.isArray(answer.elements) || typeof answer.page !== 'object' || answer.page === null) {
			throw new NodeOperationError(ctx.getNode(), `Unexpected answer of GET ${path} (page ${page}): no "elements" list and "page" info`, {
				itemIndex,
				description: 'This version of AD Attributes Sync may answer differently from its documentation (seed 001).',
			});
		}
		return answer;
	};

	const first = await getPage(1, Math.min(PAGE_SIZE, max));
	const pageSize = first.page.pageSize > 0 ? first.page.pageSize : Math.max(first.elements.length, 1);
	const total = Number(first.page.totalElements) || 0;
	const wanted = Math.min(total, max);
	const lastPage = Math.max(1, Math.ceil(wanted / pageSize));
	const rest = Array.from({ length: lastPage - 1 }, (_, i) => i + 2);
	const pages = [first, ...(await mapConcurrent(rest, DEFAULT_CONCURRENCY, async (page) => await getPage(page, pageSize)))];

	const seen = new UniqueUsers();
	let received = 0;
	for (const page of pages) {
		received += page.elements.length;
		seen.collect(page.elements);
	}
	const count = seen.list.length;
	const stable = pages.every((p) => p.page.totalElements === total) && count === received && count >= wanted;
	if (stable) return count > max ? seen.list.slice(0, max) : seen.list;

	// The directory changed while paging: one sequential pass, page after page, until a short page.
	const again = new UniqueUsers();
	let largestTotal = total;
	for (let page = 1; again.list.length < max; page++) {
		const answer = await getPage(page, pageSize);
		largestTotal = Math.max(largestTotal, Number(answer.page.totalElements) || 0);
		const added = again.collect(answer.elements);
		const short = answer.elements.length < pageSize;
		// A full page that brings nobody new means the server ignores `page`: stop rather than loop.
		const runaway = (added === 0 && !short) || page > 2 * Math.ceil(largestTotal / pageSize) + 2;
		if (short || runaway) break;
	}
	again.collect(seen.list);
	return again.list.slice(0, max);
}
