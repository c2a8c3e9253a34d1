import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import { collectPages, PageGuard } from '../shared/paging';
import { expectArray, expectRecord } from '../shared/shape';
import { apiRequestJson } from '../shared/transport';
import { IDP_PAGE_SIZE, idpsPath } from './api';

/** Up to `max` identity providers of GET /idps, page after page (`start`, `limit`, `isLastPage`). */
export async function fetchIdps(ctx: IExecuteFunctions, itemIndex: number, max: number): Promise<IDataObject[]> {
	const path = idpsPath();
	return await collectPages(new PageGuard(ctx, itemIndex, `GET ${path}`), 0, max, async (start: number, wanted: number) => {
		// Ask no more than still wanted, so a limit within the first page costs one request.
		const request = { method: 'GET' as const, path, qs: { start, limit: Math.min(IDP_PAGE_SIZE, wanted) } };
		const page = expectRecord(ctx, request, await apiRequestJson(ctx, request, itemIndex), itemIndex, 'a page {"results": [...], "isLastPage": …}');
		const results = expectArray<IDataObject>(ctx, request, page.results, itemIndex, 'a list of identity providers in "results"', isRecord);
		// The app may answer fewer than asked (its own cap): the next page starts after what came.
		return { entities: results, next: page.isLastPage === false ? start + results.length : undefined };
	});
}
