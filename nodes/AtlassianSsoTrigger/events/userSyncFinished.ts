import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import {
	connectorPath,
	connectorStatusPath,
	isFinalSyncStatus,
	syncStatusPath,
} from '../../ResolutionSamlSso/api';
import { expectRecord } from '../../shared/http';
import { apiRequest, apiRequestJson, notJsonError, type ApiRequest } from '../../shared/http';
import { csv } from '../sources';
import type { TriggerEvent } from './triggerEvent';

/** Per connector: the newest sync seen, and the syncs seen running (reported once they are final). */
interface ConnectorState {
	lastSyncId: string | null;
	running: string[];
}

type Stored = Record<string, ConnectorState>;

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
	for (const connectorId of connectorIds) {
		const latest = await latestSync(ctx, connectorId);
		const latestId = latest ? syncIdOf(latest) : null;
		const known = stored?.[connectorId];
		if (manual) {
			if (latest) finished.push(item(connectorId, latest));
			continue;
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
			const status = await apiRequestJson<IDataObject>(ctx, {
				method: 'GET',
				path: syncStatusPath(syncId),
			});
			if (!isFinalSyncStatus(status.status)) continue;
			finished.push(item(connectorId, status));
			running.delete(syncId);
		}
		next[connectorId] = {
			lastSyncId: latestId ?? known?.lastSyncId ?? null,
			running: [...running],
		};
	}
	const items = manual || !onlyFailures ? finished : finished.filter(isFailure);
	return { items, state: next };
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
