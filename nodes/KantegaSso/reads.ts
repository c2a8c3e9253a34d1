import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import { apiRequest, apiRequestJson, expectArray, type TransportContext } from '../shared/http';
import { groupPath, groupsPath, idpIdsPath } from './api';

/**
 * Kantega's identity providers as `{id, name}`; another shape is an error that says what came.
 * With `orEmpty` (the editor's list), an answer that is not a list reads as no identity provider.
 */
export async function readIdentityProviders(
	ctx: TransportContext,
	itemIndex = 0,
	{ orEmpty = false } = {},
): Promise<IDataObject[]> {
	const request = { method: 'GET' as const, path: idpIdsPath() };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	if (orEmpty) return Array.isArray(answer) ? (answer as IDataObject[]) : [];
	return expectArray<IDataObject>(
		ctx,
		request,
		answer,
		itemIndex,
		'a list of {id, name}',
		isRecord,
	);
}

/** The names of the groups Kantega manages for one identity provider; another shape is an error that says what came. */
export async function readManagedGroups(
	ctx: TransportContext,
	idpId: string,
	itemIndex = 0,
): Promise<string[]> {
	const request = { method: 'GET' as const, path: groupsPath(idpId) };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	const isName = (g: unknown) => typeof g === 'string';
	return expectArray<string>(ctx, request, answer, itemIndex, 'a list of group names', isName);
}

/** Whether Kantega SSO manages GROUP for identity provider IDP_ID (`GET …/groups/{group}`: 404 when not). */
export async function isManagedGroup(
	ctx: TransportContext,
	itemIndex: number,
	idpId: string,
	group: string,
): Promise<boolean> {
	const answer = await apiRequest(
		ctx,
		{ method: 'GET', path: groupPath(idpId, group), acceptStatuses: [404] },
		itemIndex,
	);
	return answer.statusCode !== 404;
}
