import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { isRecord } from '../shared/json';
import { expectRecord } from '../shared/http';
import {
	apiRequest,
	apiRequestJson,
	type ApiResponse,
	type TransportContext,
} from '../shared/http';
import { configPath, connectorStatusPath, syncStatusPath } from './api';

/** GET /config: the answer must be a JSON object (an HTML login page is already an error in the transport). */
export async function readConfig(
	ctx: TransportContext,
	itemIndex: number,
): Promise<{ response: ApiResponse; config: IDataObject }>;
export async function readConfig(
	ctx: TransportContext,
	itemIndex: number,
	allowMissing: true,
): Promise<{ response: ApiResponse; config: IDataObject | null }>;
export async function readConfig(ctx: TransportContext, itemIndex: number, allowMissing = false) {
	const path = configPath();
	const acceptStatuses = allowMissing ? [404] : [];
	const response = await apiRequest(ctx, { method: 'GET', path, acceptStatuses }, itemIndex);
	if (allowMissing && response.statusCode === 404) return { response, config: null };
	if (!isRecord(response.json)) {
		throw new NodeApiError(
			ctx.getNode(),
			{ status: response.statusCode, method: 'GET', path } as JsonObject,
			{
				message: `The configuration answered is not a JSON object (GET ${path} answered ${response.statusCode})`,
				description: `It began with: ${response.body.slice(0, 120) || '(empty)'}`,
				itemIndex,
			},
		);
	}
	return { response, config: response.json };
}

/** The configuration after a change: the answer when it is the configuration, else read again. */
export async function configAfterChange(
	ctx: TransportContext,
	itemIndex: number,
	answer: ApiResponse,
): Promise<IDataObject> {
	if (isRecord(answer.json) && Object.keys(answer.json).length > 0) return answer.json;
	return (await readConfig(ctx, itemIndex)).config;
}

/** The status of one sync by its id, or else of the connector's last sync. */
export async function readSyncStatus(
	ctx: TransportContext,
	itemIndex: number,
	connectorId: string,
	syncId?: string,
): Promise<IDataObject> {
	const path = syncId ? syncStatusPath(syncId) : connectorStatusPath(connectorId);
	const request = { method: 'GET' as const, path };
	const answer = await apiRequestJson(ctx, request, itemIndex);
	return expectRecord(ctx, request, answer, itemIndex, 'a sync status object');
}
