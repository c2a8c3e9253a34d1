import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { cancellableSleep } from '../../../shared/http';
import {
	mutationOptions,
	isDryRun,
	sendMutation,
	numberParameter,
	requiredString,
} from '../../../shared/node';
import { isRecord } from '../../../shared/json';
import type { Operation } from '../../../shared/node';
import { apiRequest, type ApiResponse } from '../../../shared/http';
import {
	JOB_ID_PATTERN,
	MISSING_DIRECTORY_PATTERN,
	SCHEDULED_STATUS,
	connectorStatusPath,
	isFinalSyncStatus,
	syncPath,
} from '../../api';
import { connectorIdProperty } from '../../parameters';
import { readSyncStatus } from '../../reads';

/** The bounds of the panel and of the code: one place, so they cannot disagree. A poll interval below 1 s would hammer the server. */
const POLL_INTERVAL_SECONDS = { default: 5, min: 1, max: 3600 };
const TIMEOUT_SECONDS = { default: 600, min: 1, max: 86_400 };

interface WaitSettings {
	intervalSeconds: number;
	timeoutSeconds: number;
	/** The id of the connector's last sync before this one started: its status is not ours. */
	previousSyncId?: string;
}

function jobIdIn(messages: unknown): string | undefined {
	const list = Array.isArray(messages)
		? messages.map(String)
		: typeof messages === 'string'
			? [messages]
			: [];
	for (const message of list) {
		const match = JOB_ID_PATTERN.exec(message);
		if (match) return match[1];
	}
	return undefined;
}

function missingDirectory(
	ctx: IExecuteFunctions,
	itemIndex: number,
	connectorId: string,
	text: string,
): NodeOperationError {
	const directory = MISSING_DIRECTORY_PATTERN.exec(text)?.[1] ?? '?';
	return new NodeOperationError(
		ctx.getNode(),
		`The sync of connector ${connectorId} cannot run: its user directory ${directory} does not exist`,
		{
			itemIndex,
			description:
				'The directory was deleted. Open User Sync, edit the connector and save it (this creates its directory again), then sync again. The server said: ' +
				text.trim().replace(/\s+/g, ' '),
		},
	);
}

/** Every answer POST .../sync gives (JSON with an id, or plain text "Scheduled with jobid …") as one shape. */
function normalizeSyncAnswer(
	ctx: IExecuteFunctions,
	itemIndex: number,
	connectorId: string,
	response: ApiResponse,
): IDataObject {
	const { json, body } = response;
	if (isRecord(json)) {
		const messages = Array.isArray(json.messages) ? json.messages.map(String).join('\n') : '';
		if (MISSING_DIRECTORY_PATTERN.test(messages))
			throw missingDirectory(ctx, itemIndex, connectorId, messages);
		const { id, syncId, jobId, status, ...rest } = json;
		const sync = syncId ?? id;
		const job = jobId ?? jobIdIn(json.messages);
		return {
			connectorId,
			...(sync !== undefined && sync !== null ? { syncId: String(sync) } : {}),
			...(job ? { jobId: String(job) } : {}),
			status: typeof status === 'string' && status ? status : SCHEDULED_STATUS,
			...rest,
		};
	}
	if (MISSING_DIRECTORY_PATTERN.test(body))
		throw missingDirectory(ctx, itemIndex, connectorId, body);
	const jobId = jobIdIn(body);
	return {
		connectorId,
		...(jobId ? { jobId } : {}),
		// Unrecognised text: the sync may have started, but nothing says so.
		status: jobId ? SCHEDULED_STATUS : 'UNKNOWN',
		message: body.trim(),
	};
}

/** The connector's last sync before ours, so that its status is not taken for ours while the server still shows it. */
async function previousSyncId(
	ctx: IExecuteFunctions,
	itemIndex: number,
	connectorId: string,
): Promise<string | undefined> {
	const response = await apiRequest(
		ctx,
		{ method: 'GET', path: connectorStatusPath(connectorId), acceptStatuses: [404] },
		itemIndex,
	);
	const id = isRecord(response.json) ? response.json.id : undefined;
	return response.statusCode === 404 || id === undefined || id === null ? undefined : String(id);
}

/** Polls the status until it is final or the timeout passes; each wait lets other executions run and stops on cancel. */
async function waitForSync(
	ctx: IExecuteFunctions,
	itemIndex: number,
	started: IDataObject,
	settings: WaitSettings,
): Promise<IDataObject> {
	const { intervalSeconds, timeoutSeconds, previousSyncId } = settings;
	const connectorId = String(started.connectorId);
	const syncId = started.syncId as string | undefined;
	const jobId = started.jobId as string | undefined;
	const startedAt = Date.now();
	let polls = 0;
	let last: IDataObject = started;
	for (;;) {
		const status = await readSyncStatus(ctx, itemIndex, connectorId, syncId);
		polls++;
		// The connector's "last sync" may still be the previous one until ours is recorded: skip it by its id and job id.
		const statusJob = jobIdIn(status.messages);
		const statusId = status.id === undefined || status.id === null ? undefined : String(status.id);
		const previous = previousSyncId !== undefined && statusId === previousSyncId;
		const ours =
			syncId !== undefined || (!previous && (!jobId || !statusJob || statusJob === jobId));
		if (ours) last = status;
		if (ours && isFinalSyncStatus(status.status)) {
			const { id, status: finalStatus, ...counts } = status;
			return {
				connectorId,
				syncId: id !== undefined && id !== null ? String(id) : syncId,
				...(jobId || statusJob ? { jobId: jobId ?? statusJob } : {}),
				status: finalStatus,
				...counts,
				polls,
				waitedSeconds: Math.round((Date.now() - startedAt) / 100) / 10,
			};
		}
		const elapsedMs = Date.now() - startedAt;
		if (elapsedMs + intervalSeconds * 1000 > timeoutSeconds * 1000) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The sync of connector ${connectorId} did not finish within ${timeoutSeconds} seconds (last status: ${String(ours ? (last.status ?? 'unknown') : 'not recorded yet')})`,
				{
					itemIndex,
					description: `The sync goes on on the server. Check it later with Connector → Get Status${syncId ? ` (Sync ID ${syncId})` : ''}, or raise "Timeout (Seconds)". Status reads: ${polls}.`,
				},
			);
		}
		await cancellableSleep(ctx, intervalSeconds * 1000);
	}
}

export const sync: Operation = {
	option: {
		name: 'Sync',
		value: 'sync',
		action: 'Start a sync of a connector',
		description:
			'Start a User Sync of a connector; optionally wait until it has finished and output its result. Changes users in the product: the sync creates, updates and deactivates them.',
	},
	properties: [
		connectorIdProperty,
		mutationOptions(
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description:
					'Whether to poll the sync status until the sync has finished and output the final status with its counts (failedCount, …). Waiting does not block other executions, and stops when the execution is cancelled.',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: POLL_INTERVAL_SECONDS.min, maxValue: POLL_INTERVAL_SECONDS.max },
				default: 5,
				description: 'Seconds between two status reads',
				displayOptions: { show: { waitForCompletion: [true] } },
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: TIMEOUT_SECONDS.min, maxValue: TIMEOUT_SECONDS.max },
				default: 600,
				description:
					'Fail when the sync has not finished after this many seconds (the sync itself goes on)',
				displayOptions: { show: { waitForCompletion: [true] } },
			},
		),
	],
	async execute(itemIndex) {
		const connectorId = requiredString(this, 'connectorId', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const wait = options.waitForCompletion === true;
		const settings: WaitSettings = {
			intervalSeconds: numberParameter(
				this,
				'options.pollIntervalSeconds',
				itemIndex,
				POLL_INTERVAL_SECONDS.default,
				POLL_INTERVAL_SECONDS,
			),
			timeoutSeconds: numberParameter(
				this,
				'options.timeoutSeconds',
				itemIndex,
				TIMEOUT_SECONDS.default,
				TIMEOUT_SECONDS,
			),
		};
		if (wait && !isDryRun(this, itemIndex))
			settings.previousSyncId = await previousSyncId(this, itemIndex, connectorId);
		// Each POST starts another run: never repeated.
		const sent = await sendMutation(this, itemIndex, {
			method: 'POST',
			path: syncPath(connectorId),
			idempotent: false,
		});
		if ('dryRun' in sent) return sent.dryRun;
		const started = normalizeSyncAnswer(this, itemIndex, connectorId, sent.response);
		if (!wait) return started;
		if (started.syncId !== undefined && isFinalSyncStatus(started.status))
			return { ...started, polls: 0, waitedSeconds: 0 };
		return await waitForSync(this, itemIndex, started, settings);
	},
};
