import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import { maxInFlight } from '../shared/node';
import {
	collectPages,
	PageGuard,
	type Page,
	apiRequestJson,
	expectRecord,
	shapeError,
	type TransportContext,
} from '../shared/http';
import { PAGE_SIZE, connectionsPath, type AdUser, type UsersPage } from './api';

/**
 * `GET /connection`: each enabled connection's name with the attribute names it synchronises.
 * With `orEmpty` (the editor's lists), an answer of another shape reads as no connection.
 */
export async function readConnections(
	ctx: TransportContext,
	itemIndex = 0,
	{ orEmpty = false } = {},
): Promise<IDataObject> {
	const request = { method: 'GET' as const, path: connectionsPath() };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	if (orEmpty && !isRecord(answer)) return {};
	return expectRecord(
		ctx,
		request,
		answer,
		itemIndex,
		'an object of connection name → attribute names',
	);
}

/** Users in the server's order, each once by configuration name and username (no key strings built per user). */
class UniqueUsers {
	readonly list: AdUser[] = [];
	private readonly byConfiguration = new Map<string, Set<string>>();

	/** Adds the users not seen yet. */
	collect(users: AdUser[]): void {
		for (const user of users) {
			let names = this.byConfiguration.get(user.configurationName);
			if (!names) this.byConfiguration.set(user.configurationName, (names = new Set()));
			if (names.has(user.username)) continue;
			names.add(user.username);
			this.list.push(user);
		}
	}

	static of(pages: Array<Page<AdUser, number>>): UniqueUsers {
		const unique = new UniqueUsers();
		for (const page of pages) unique.collect(page.entities);
		return unique;
	}
}

/** A page as read, with the answer: its own total tells whether the list changed meanwhile. */
interface UsersPageRead extends Page<AdUser, number> {
	listSize: { total: number; pageSize: number };
	answer: UsersPage;
}

/**
 * Every user of a paged list (`GET /user` or `GET /connection/{c}/user`), up to `max`, in the
 * server's order, each once (by configuration name and username).
 *
 * Fast path: page 1 with a large page size tells the total and the page size the server really
 * uses; the remaining pages needed (no more than `max` requires) are then fetched at once, within
 * the run's max in flight.
 *
 * When the directory changed while paging (an answer reports another total, a user came twice,
 * or fewer users came than announced), offset paging may have skipped users that moved across a
 * page boundary. Then one sequential pass from page 1 runs until a short or empty page (or `max`
 * users), and its users come first, followed by users only the first pass saw.
 */
export async function readUsers(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	filters: IDataObject,
	max: number,
): Promise<AdUser[]> {
	const fetchPage = async (page: number, size: number): Promise<UsersPageRead> => {
		const request = { method: 'GET' as const, path, qs: { ...filters, page, size } };
		const answer = await apiRequestJson<UsersPage>(ctx, request, itemIndex);
		if (
			!isRecord(answer) ||
			!Array.isArray(answer.elements) ||
			!isRecord(answer.page) ||
			!answer.elements.every(isRecord)
		) {
			throw shapeError(
				ctx,
				request,
				'a page {"elements": [users], "page": {…}}',
				answer,
				itemIndex,
			);
		}
		const pageSize =
			answer.page.pageSize > 0 ? answer.page.pageSize : Math.max(answer.elements.length, 1);
		const listSize = { total: Number(answer.page.totalElements) || 0, pageSize };
		return {
			entities: answer.elements,
			next: answer.elements.length < size ? undefined : page + 1,
			listSize,
			answer,
		};
	};

	// Page 1 asks for a large page; the pages after it for the page size the server answered with.
	const fast = await collectPages(
		new PageGuard(ctx, itemIndex, `GET ${path}`),
		1,
		max,
		async (page: number, wanted: number) =>
			await fetchPage(page, page === 1 ? Math.min(PAGE_SIZE, max) : wanted),
		{ parallel: { maxInFlight: maxInFlight(ctx), cursor: (page) => page } },
	);
	const [first] = fast.pages;
	const { total, pageSize } = first.listSize;
	const seen = UniqueUsers.of(fast.pages);
	const received = fast.pages.reduce((sum, page) => sum + page.entities.length, 0);
	const count = seen.list.length;
	const stable =
		fast.pages.every((p) => p.answer.page.totalElements === total) &&
		count === received &&
		count >= Math.min(total, max);
	if (stable) return count > max ? seen.list.slice(0, max) : seen.list;

	// The directory changed while paging: one sequential pass, page after page, until a short page.
	const again = await collectPages(
		new PageGuard(ctx, itemIndex, `GET ${path}`),
		1,
		max,
		async (page: number) => await fetchPage(page, pageSize),
	);
	const unique = UniqueUsers.of(again.pages);
	unique.collect(seen.list);
	return unique.list.slice(0, max);
}
