import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mapConcurrent } from '../shared/concurrency';
import { isRecord } from '../shared/json';
import { collectPages, PageGuard } from '../shared/paging';
import { shapeError } from '../shared/shape';
import { maxInFlight } from '../shared/maxInFlight';
import { apiRequestJson } from '../shared/transport';
import { PAGE_SIZE, type AdUser, type UsersPage } from './api';

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
 * the remaining pages needed (no more than `max` requires) are then fetched `maxInFlight` at a time.
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
		const request = { method: 'GET' as const, path, qs: { ...filters, page, size } };
		const answer = await apiRequestJson<UsersPage>(ctx, request, itemIndex);
		if (!isRecord(answer) || !Array.isArray(answer.elements) || !isRecord(answer.page) || !answer.elements.every(isRecord)) {
			throw shapeError(ctx, request, 'a page {"elements": [users], "page": {…}}', answer, itemIndex);
		}
		return answer;
	};

	const first = await getPage(1, Math.min(PAGE_SIZE, max));
	const pageSize = first.page.pageSize > 0 ? first.page.pageSize : Math.max(first.elements.length, 1);
	const total = Number(first.page.totalElements) || 0;
	const wanted = Math.min(total, max);
	const lastPage = Math.max(1, Math.ceil(wanted / pageSize));
	const guard = new PageGuard(ctx, itemIndex, `GET ${path}`);
	guard.plan(lastPage, total);
	const rest = Array.from({ length: lastPage - 1 }, (_, i) => i + 2);
	// Twice as many pages under way as may be in flight: the run's request gate holds the extra ones back, and
	// each takes the slot an answer frees at once, while that answer is still being parsed and checked.
	const pages = [first, ...(await mapConcurrent(rest, 2 * maxInFlight(ctx), async (page) => await getPage(page, pageSize)))];

	pages.forEach((page, index) => guard.check(`page ${index + 1}`, page.elements));
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
	await collectPages(new PageGuard(ctx, itemIndex, `GET ${path}`), 1, max, async (page: number) => {
		const answer = await getPage(page, pageSize);
		again.collect(answer.elements);
		return { entities: answer.elements, next: answer.elements.length < pageSize ? undefined : page + 1 };
	});
	again.collect(seen.list);
	return again.list.slice(0, max);
}
