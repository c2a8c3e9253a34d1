import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { cancellableSleep } from '../../../shared/cancellableSleep';
import { mutationOptions } from '../../../shared/commonProperties';
import { sendMutation } from '../../../shared/mutation';
import type { Operation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { apiRequestJson, type ApiResponse } from '../../../shared/transport';
import {
	JOB_ID_PATTERN,
	MISSING_DIRECTORY_PATTERN,
	SCHEDULED_STATUS,
	connectorStatusPath,
	isFinalSyncStatus,
	syncPath,
	syncStatusPath,
} from '../../api';
import { connectorIdProperty } from '../../parameters';

const DEFAULT_POLL_INTERVAL_SECONDS = 5;
const DEFAULT_TIMEOUT_SECONDS = 600;
/** Lower bound of the poll interval, so a mistyped 0 cannot hammer the server. */
const MIN_POLL_INTERVAL_SECONDS = 0.1;

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jobIdIn(messages: unknown): string | undefined {
	const list = Array.isArray(messages) ? messages.map(String) : typeof messages === 'string' ? [messages] : [];
	for (const message of list) {
		const match = JOB_ID_PATTERN.exec(message);
		if (match) return match[1];
	}
	return undefined;
}

function missingDirectory(ctx: IExecuteFunctions, itemIndex: number, connectorId: string, text: string): NodeOperationError {
	const directory = MISSING_DIRECTORY_PATTERN.exec(text)?.[1] ?? '?';
	return new NodeOperationError(ctx.getNode(), `The sync of connector ${connectorId} cannot run: its user directory ${directory} does not exist`, {
		itemIndex,
		description:
			'The directory was deleted. Open User Sync, edit the connector and save it (this creates its directory again), then sync again. The server said: ' +
			text.trim().replace(/\s+/g, ' '),
	});
}

/** Every answer POST .../sync gives (JSON with an id, or plain text "Scheduled with jobid …") as one shape. */
function normalizeSyncAnswer(ctx: IExecuteFunctions, itemIndex: number, connectorId: string, response: ApiResponse): IDataObject {
	const { json, body } = response;
	if (isRecord(json)) {
		const messages = Array.isArray(json.messages) ? json.messages.map(String).join('\n') : '';
		if (MISSING_DIRECTORY_PATTERN.test(messages)) throw missingDirectory(ctx, itemIndex, connectorId, messages);
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
	if (MISSING_DIRECTORY_PATTERN.test(body)) throw missingDirectory(ctx, itemIndex, connectorId, body);
	const jobId = jobIdIn(body);
	return {
		connectorId,
		...(jobId ? { jobId } : {}),
		// Unrecognised text: the sync may have started, but nothing says so.
		status: jobId ? SCHEDULED_STATUS : 'UNKNOWN',
		message: body.trim(),
	};
}

/** Polls the status until it is final or the timeout passes; each wait lets other executions run and stops on cancel. */
async function waitForSync(ctx: IExecuteFunctions, itemIndex: number, started: IDataObject, options: IDataObject): Promise<IDataObject> {
	const connectorId = String(started.connectorId);
	const syncId = started.syncId as string | undefined;
	const jobId = started.jobId as string | undefined;
	const intervalSeconds = Math.max(MIN_POLL_INTERVAL_SECONDS, Number(options.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS) || DEFAULT_POLL_INTERVAL_SECONDS);
	const timeoutSeconds = Math.max(0, Number(options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS));
	const startedAt = Date.now();
	const path = syncId ? syncStatusPath(syncId) : connectorStatusPath(connectorId);
	let polls = 0;
	let last: IDataObject = started;
	for (;;) {
		const status = await apiRequestJson<IDataObject>(ctx, { method: 'GET', path }, itemIndex);
		polls++;
		// The connector's "last sync" may still be an older one until ours is recorded: match its job id.
		const statusJob = jobIdIn(status.messages);
		const ours = syncId !== undefined || !jobId || !statusJob || statusJob === jobId;
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
				`The sync of connector ${connectorId} did not finish within ${timeoutSeconds} seconds (last status: ${String(last.status ?? 'unknown')})`,
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
		description: 'Start a User Sync of a connector, which creates, updates and deactivates users in the product; optionally wait until it has finished and output its result',
	},
	properties: [
		connectorIdProperty,
		mutationOptions(
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description: 'Whether to poll the sync status until the sync has finished and output the final status with its counts (failedCount, …). Waiting does not block other executions, and stops when the execution is cancelled.',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description: 'Seconds between two status reads',
				displayOptions: { show: { waitForCompletion: [true] } },
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 600,
				description: 'Fail when the sync has not finished after this many seconds (the sync itself goes on)',
				displayOptions: { show: { waitForCompletion: [true] } },
			},
		),
	],
	async execute(itemIndex) {
		const connectorId = requiredString(this, 'connectorId', itemIndex);
		const sent = await sendMutation(this, itemIndex, { method: 'POST', path: syncPath(connectorId) });
		if ('dryRun' in sent) return sent.dryRun;
		const started = normalizeSyncAnswer(this, itemIndex, connectorId, sent.response);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		if (options.waitForCompletion !== true) return started;
		if (started.syncId !== undefined && isFinalSyncStatus(started.status)) return { ...started, polls: 0, waitedSeconds: 0 };
		return await waitForSync(this, itemIndex, started, options);
	},
};
