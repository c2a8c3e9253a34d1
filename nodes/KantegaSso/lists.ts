import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import { expectArray } from '../shared/shape';
import { apiRequestJson, type TransportContext } from '../shared/transport';
import { groupsPath, idpIdsPath } from './api';

/** Kantega's identity providers as `{id, name}`; another shape is an error that says what came. */
export async function readIdentityProviders(ctx: TransportContext, itemIndex = 0): Promise<IDataObject[]> {
	const request = { method: 'GET' as const, path: idpIdsPath() };
	return expectArray<IDataObject>(ctx, request, await apiRequestJson(ctx, request, itemIndex), itemIndex, 'a list of {id, name}', isRecord);
}

/** The names of the groups Kantega manages for one identity provider; another shape is an error that says what came. */
export async function readManagedGroups(ctx: TransportContext, idpId: string, itemIndex = 0): Promise<string[]> {
	const request = { method: 'GET' as const, path: groupsPath(idpId) };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	return expectArray<string>(ctx, request, answer, itemIndex, 'a list of group names', (g) => typeof g === 'string');
}
