import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IPollFunctions,
} from 'n8n-workflow';

import { connectorPath, connectorStatusPath, syncStatusPath } from '../../ResolutionSamlSso/api';
import { expectRecord } from '../../shared/http';
import { apiRequest, notJsonError, type ApiRequest } from '../../shared/http';
import { attempt, type SourceRead } from '../health';
import { csv } from '../sources';
import type { TriggerEvent } from './triggerEvent';

/** Per connector: the newest sync seen, and the syncs seen running (reported once they are final). */
interface ConnectorState {
	lastSyncId: string | null;
	running: string[];
}

type Stored = Record<string, ConnectorState>;

/**
 * The statuses known to end a sync. Any other (RUNNING, QUEUED, or one this package has never seen) is
 * not final: the sync is read again at the next poll instead of being reported as finished.
 */
const FINAL_STATUSES = [
	'DONE',
	'FAILED',
	'ERROR',
	'ABORTED',
	'CANCELLED',
	'CANCELED',
	'FINISHED',
	'COMPLETED',
];

export function isFinalSyncStatus(status: unknown): boolean {
	return typeof status === 'string' && FINAL_STATUSES.includes(status.toUpperCase());
}

/** The status of a sync by its id, or null when the server no longer knows it (purged, or no by-id status in this app version). */
async function syncById(ctx: IPollFunctions, syncId: string): Promise<IDataObject | null> {
	const request: ApiRequest = {
		method: 'GET',
		path: syncStatusPath(syncId),
		acceptStatuses: [404],
	};
	const answer = await attempt(async () => await apiRequest(ctx, request));
	// The REST framework's own 404 (this app version has no by-id status) is an error of the transport.
	if ('error' in answer) {
		if ((answer.error as { httpCode?: unknown }).httpCode === '404') return null;
		throw answer.error as NodeApiError;
	}
	if (answer.value.statusCode === 404) return null;
	if (answer.value.json === undefined) throw notJsonError(ctx, request, answer.value);
	return expectRecord(ctx, request, answer.value.json, 0, 'the sync status as a JSON object');
}

const syncIdOf = (status: IDataObject): string | null =>
	status.id === undefined || status.id === null ? null : String(status.id);

/** The connector's latest sync, or null when it never ran (its status answers 404 while the connector exists). */
async function latestSync(ctx: IPollFunctions, connectorId: string): Promise<IDataObject | null> {
	const request: ApiRequest = {
		method: 'GET',
		path: connectorStatusPath(connectorId),
		acceptStatuses: [404],
	};
	const answer = await apiRequest(ctx, request);
	if (answer.statusCode !== 404) {
		if (answer.json === undefined) throw notJsonError(ctx, request, answer);
		return expectRecord(ctx, request, answer.json, 0, 'the sync status as a JSON object');
	}
	await apiRequest(ctx, { method: 'GET', path: connectorPath(connectorId) });
	return null;
}

export function isFailure(status: IDataObject): boolean {
	return (
		Number(status.failedCount ?? 0) > 0 || String(status.status ?? '').toUpperCase() !== 'DONE'
	);
}

function item(connectorId: string, status: IDataObject): IDataObject {
	const { id, ...rest } = status;
	return { connectorId, syncId: id ?? null, ...rest };
}

/**
 * One item per sync of the chosen connectors that became final since the last poll. The first poll
 * of a connector records its latest sync as the baseline (a sync still running then is reported when it ends).
 * Only each connector's latest sync is visible to the API: a connector that ran twice between two polls reports its last run.
 */
async function poll(ctx: IPollFunctions, stored: Stored | undefined, manual: boolean) {
	const connectorIds = csv(ctx.getNodeParameter('connectorIds', '') as string);
	if (!connectorIds.length)
		throw new NodeOperationError(
			ctx.getNode(),
			'No connector chosen: set "Connector IDs", for example 1, 2',
		);
	const onlyFailures = ctx.getNodeParameter('onlyFailures', false) === true;
	const next: Stored = {};
	const finished: IDataObject[] = [];
	const reads: SourceRead[] = [];
	for (const connectorId of connectorIds) {
		const known = stored?.[connectorId];
		const read = await attempt(async () => await readConnector(ctx, connectorId, known, manual));
		reads.push({
			key: connectorId,
			fields: { source: 'userSyncConnector', connectorId },
			error: 'error' in read ? read.error : undefined,
		});
		if ('error' in read) {
			if (known) next[connectorId] = known;
			continue;
		}
		finished.push(...read.value.finished);
		if (!manual) next[connectorId] = read.value.state;
	}
	const items =
		manual || !onlyFailures
			? finished
			: finished.filter((i) => i.event === 'syncForgotten' || isFailure(i));
	return { items, state: next, reads };
}

/** One connector: its finished syncs (and the ids the server forgot) since the last poll, and its new state. */
async function readConnector(
	ctx: IPollFunctions,
	connectorId: string,
	known: ConnectorState | undefined,
	manual: boolean,
): Promise<{ finished: IDataObject[]; state: ConnectorState }> {
	const finished: IDataObject[] = [];
	const latest = await latestSync(ctx, connectorId);
	const latestId = latest ? syncIdOf(latest) : null;
	if (manual) {
		if (latest) finished.push(item(connectorId, latest));
		return { finished, state: known ?? { lastSyncId: latestId, running: [] } };
	}
	const running = new Set(known?.running ?? []);
	if (latest && latestId !== null) {
		const isNew = known !== undefined && latestId !== known.lastSyncId;
		if (isFinalSyncStatus(latest.status)) {
			if (isNew || running.has(latestId)) finished.push(item(connectorId, latest));
			running.delete(latestId);
		} else {
			running.add(latestId);
		}
	}
	// Runs seen running that are no longer the latest: read them by id.
	for (const syncId of [...running].filter((id) => id !== latestId)) {
		const status = await syncById(ctx, syncId);
		if (status === null) {
			finished.push({
				event: 'syncForgotten',
				connectorId,
				syncId,
				message: `The server no longer knows sync ${syncId} (its status answers 404): it is no longer watched`,
			});
			running.delete(syncId);
			continue;
		}
		if (!isFinalSyncStatus(status.status)) continue;
		finished.push(item(connectorId, status));
		running.delete(syncId);
	}
	return {
		finished,
		state: { lastSyncId: latestId ?? known?.lastSyncId ?? null, running: [...running] },
	};
}

export const userSyncFinished: TriggerEvent<Stored> = {
	option: {
		name: 'User Sync Finished',
		value: 'userSyncFinished',
		description: 'A User Sync run of resolution SAML SSO has finished, with its status and counts',
	},
	properties: [
		{
			displayName: 'Connector IDs',
			name: 'connectorIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1, 2',
			description:
				'The resolution User Sync connectors to watch, comma-separated (numbers or UUIDs)',
		},
		{
			displayName: 'Only Failures',
			name: 'onlyFailures',
			type: 'boolean',
			default: false,
			description:
				'Whether to report only runs with failed users or a final status other than DONE',
		},
	],
	poll,
};
