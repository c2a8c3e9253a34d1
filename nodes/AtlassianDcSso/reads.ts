import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import {
	collectPages,
	PageGuard,
	type Page,
	apiRequestJson,
	expectArray,
	expectRecord,
	type TransportContext,
} from '../shared/http';
import { IDP_PAGE_SIZE, idpPath, idpsPath, ssoPath } from './api';

/** One page of GET /idps from `start`, at most `limit` IdPs; `next` is where the following page starts, if any. */
export async function readIdpPage(
	ctx: TransportContext,
	itemIndex: number,
	start: number,
	limit = IDP_PAGE_SIZE,
): Promise<Page<IDataObject, number>> {
	const request = { method: 'GET' as const, path: idpsPath(), qs: { start, limit } };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	const page = expectRecord(
		ctx,
		request,
		answer,
		itemIndex,
		'a page {"results": [...], "isLastPage": …}',
	);
	const results = expectArray<IDataObject>(
		ctx,
		request,
		page.results,
		itemIndex,
		'a list of identity providers in "results"',
		isRecord,
	);
	// The app may answer fewer than asked (its own cap): the next page starts after what came.
	return {
		entities: results,
		next: page.isLastPage === false ? start + results.length : undefined,
	};
}

/** Up to `max` identity providers of GET /idps, page after page (`start`, `limit`, `isLastPage`). */
export async function readIdps(
	ctx: TransportContext,
	itemIndex: number,
	max: number,
): Promise<IDataObject[]> {
	const guard = new PageGuard(ctx, itemIndex, `GET ${idpsPath()}`);
	// Ask no more than still wanted, so a limit within the first page costs one request.
	const fetchPage = async (start: number, wanted: number) =>
		await readIdpPage(ctx, itemIndex, start, Math.min(IDP_PAGE_SIZE, wanted));
	return (await collectPages(guard, 0, max, fetchPage)).entities;
}

export async function readIdp(
	ctx: TransportContext,
	itemIndex: number,
	id: string,
): Promise<IDataObject> {
	const request = { method: 'GET' as const, path: idpPath(id) };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	return expectRecord(ctx, request, answer, itemIndex, 'an identity provider object');
}

export async function readSsoSettings(
	ctx: TransportContext,
	itemIndex: number,
): Promise<IDataObject> {
	const request = { method: 'GET' as const, path: ssoPath() };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	return expectRecord(ctx, request, answer, itemIndex, 'the SSO settings object');
}
