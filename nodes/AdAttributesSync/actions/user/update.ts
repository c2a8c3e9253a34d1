import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { mutationOptions } from '../../../shared/commonProperties';
import { failedItem, itemError } from '../../../shared/itemLoop';
import { isDryRun, nothingToUpdate } from '../../../shared/mutation';
import type { Operation } from '../../../shared/operation';
import { requiredString } from '../../../shared/parameters';
import { apiRequest, dryRunOutput, type ApiRequest } from '../../../shared/transport';
import { updatePath, userUpdateBody, type UserData } from '../../api';
import { connectionIdProperty } from '../../parameters';

export const DEFAULT_BATCH_SIZE = 100;

interface Entry {
	itemIndex: number;
	connectionId: string;
	data: UserData;
	dryRun: boolean;
}

/** One input item's update, read and checked before anything is sent. */
function readEntry(ctx: IExecuteFunctions, itemIndex: number): Entry {
	const connectionId = requiredString(ctx, 'connectionId', itemIndex);
	const userKey = requiredString(ctx, 'userKey', itemIndex);
	const pairs = (ctx.getNodeParameter('fields.field', itemIndex, []) as Array<{ name?: string; value?: unknown }>) ?? [];
	const fields = pairs.map(({ name, value }) => {
		const key = String(name ?? '').trim();
		if (!key) {
			throw new NodeOperationError(ctx.getNode(), 'A field has no name', { itemIndex, description: 'Nothing was sent. Give every field a name, or remove it.' });
		}
		return { [key]: value === undefined || value === null ? '' : String(value) };
	});
	if (!fields.length) throw nothingToUpdate(ctx, itemIndex, `no fields given for user ${userKey}`);
	return { itemIndex, connectionId, data: { userKey, fields }, dryRun: isDryRun(ctx, itemIndex) };
}

function options(ctx: IExecuteFunctions): { combine: boolean; batchSize: number } {
	// Whether and how to combine is decided once for the run, from the first item.
	const given = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const size = Math.floor(Number(given.batchSize ?? DEFAULT_BATCH_SIZE));
	return { combine: given.combineItems === true, batchSize: Number.isFinite(size) && size >= 1 ? size : DEFAULT_BATCH_SIZE };
}

/** Consecutive chunks of at most `size` entries per connection (and dry-run setting), in input order. */
function batches(entries: Entry[], combine: boolean, size: number): Entry[][] {
	if (!combine) return entries.map((e) => [e]);
	const groups = new Map<string, Entry[]>();
	for (const entry of entries) {
		const key = `${entry.dryRun ? 'dry' : 'send'}\u0000${entry.connectionId}`;
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	const result: Entry[][] = [];
	for (const group of groups.values()) for (let i = 0; i < group.length; i += size) result.push(group.slice(i, i + size));
	return result.sort((a, b) => a[0].itemIndex - b[0].itemIndex);
}

async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { combine, batchSize } = options(this);
	const outputs = new Map<number, INodeExecutionData>();
	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = itemError(this, error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		outputs.set(itemIndex, failedItem(nodeError, itemIndex));
	};

	const entries: Entry[] = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			entries.push(readEntry(this, itemIndex));
		} catch (error) {
			fail(error, itemIndex);
		}
	}

	for (const batch of batches(entries, combine, batchSize)) {
		const { connectionId, itemIndex: firstIndex, dryRun } = batch[0];
		const request: ApiRequest = { method: 'PUT', path: updatePath(), body: userUpdateBody(connectionId, batch.map((e) => e.data)) };
		try {
			if (dryRun) {
				const output = await dryRunOutput(this, request);
				for (const e of batch) outputs.set(e.itemIndex, { json: { ...output }, pairedItem: { item: e.itemIndex } });
				continue;
			}
			await apiRequest(this, request, firstIndex);
			for (const e of batch) {
				outputs.set(e.itemIndex, {
					json: { connectionId, userKey: e.data.userKey, fields: e.data.fields, updated: true, usersInRequest: batch.length },
					pairedItem: { item: e.itemIndex },
				});
			}
		} catch (error) {
			// A batch fails or succeeds as a whole (the server applies nothing of a rejected body).
			for (const e of batch) fail(error, e.itemIndex);
		}
	}
	return [...outputs.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a user',
		description: "Overwrite AD attribute values of a user in Jira, by user key. Changes the user's attributes until the connection's next synchronisation; nothing is written to AD.",
	},
	properties: [
		connectionIdProperty,
		{
			displayName: 'User Key',
			name: 'userKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. JIRAUSER10119',
			description: 'The Jira user key of the user (not the username)',
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add field',
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. departmentNumber', description: 'The AD attribute name' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The new value' },
					],
				},
			],
		},
		mutationOptions(
			{
				displayName: 'Combine Items',
				name: 'combineItems',
				type: 'boolean',
				default: false,
				description: 'Whether to send the updates of many input items for the same connection in one request (decided by the first item)',
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_BATCH_SIZE,
				description: 'Max number of users per request when combining items',
				displayOptions: { show: { combineItems: [true] } },
			},
		),
	],
	async execute(itemIndex) {
		// Only used when an item is run on its own: executeAll handles the node's items.
		const entry = readEntry(this, itemIndex);
		const request: ApiRequest = { method: 'PUT', path: updatePath(), body: userUpdateBody(entry.connectionId, [entry.data]) };
		if (entry.dryRun) return await dryRunOutput(this, request);
		await apiRequest(this, request, itemIndex);
		return { connectionId: entry.connectionId, userKey: entry.data.userKey, fields: entry.data.fields, updated: true, usersInRequest: 1 };
	},
	executeAll,
};
