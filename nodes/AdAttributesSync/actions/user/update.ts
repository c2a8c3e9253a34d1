import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	chunksByKey,
	mutationOptions,
	itemParameter,
	isDryRun,
	nothingToUpdate,
	sendMutation,
	numberParameter,
	requiredString,
} from '../../../shared/node';
import type { ItemBatching, Operation, Prepared } from '../../../shared/node';
import { updatePath, userUpdateBody, type UserData } from '../../api';
import { resolveUserKey } from '../../userKeys';
import { mapConcurrent } from '../../../shared/http';
import { connectionIdProperty } from '../../parameters';

export const DEFAULT_BATCH_SIZE = 100;
const MAX_BATCH_SIZE = 10_000;
/** User look-ups of one combined request in flight at once. */
const RESOLVE_CONCURRENCY = 8;

interface Entry {
	connectionId: string;
	data: UserData;
	dryRun: boolean;
}

/** One input item's update, read and checked before anything is sent. */
function prepare(this: IExecuteFunctions, itemIndex: number): Entry {
	const connectionId = requiredString(this, 'connectionId', itemIndex);
	const userKey = requiredString(this, 'userKey', itemIndex);
	const pairs =
		(itemParameter(this, 'fields.field', itemIndex, []) as Array<{
			name?: string;
			value?: unknown;
		}>) ?? [];
	const fields = pairs.map(({ name, value }) => {
		const key = String(name ?? '').trim();
		if (!key) {
			throw new NodeOperationError(this.getNode(), 'A field has no name', {
				itemIndex,
				description: 'Nothing was sent. Give every field a name, or remove it.',
			});
		}
		return { [key]: value === undefined || value === null ? '' : String(value) };
	});
	if (!fields.length) throw nothingToUpdate(this, itemIndex, `no fields given for user ${userKey}`);
	return { connectionId, data: { userKey, fields }, dryRun: isDryRun(this, itemIndex) };
}

/** Whether and how to combine is decided once for the run, from the first item. */
function combining(ctx: IExecuteFunctions): { combine: boolean; batchSize: number } {
	const given = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (given.combineItems !== true) return { combine: false, batchSize: 1 };
	const batchSize = numberParameter(ctx, 'options.batchSize', 0, DEFAULT_BATCH_SIZE, {
		min: 1,
		max: MAX_BATCH_SIZE,
		integer: true,
	});
	return { combine: true, batchSize };
}

/** Consecutive chunks of at most the batch size per connection (and dry-run setting), in input order. */
function group(
	this: IExecuteFunctions,
	prepared: Array<Prepared<Entry>>,
): Array<Array<Prepared<Entry>>> {
	const { combine, batchSize } = combining(this);
	if (!combine) return prepared.map((p) => [p]);
	return chunksByKey(
		prepared,
		({ entry }) => `${entry.dryRun ? 'dry' : 'send'}\u0000${entry.connectionId}`,
		batchSize,
	);
}

/** Resolves each item's user (a username becomes its key, once per run), a few at a time. */
async function resolved(ctx: IExecuteFunctions, batch: Array<Prepared<Entry>>) {
	return await mapConcurrent(batch, RESOLVE_CONCURRENCY, async ({ itemIndex, entry }) => ({
		...(await resolveUserKey(ctx, itemIndex, entry.data.userKey)),
		fields: entry.data.fields,
	}));
}

async function send(
	this: IExecuteFunctions,
	batch: Array<Prepared<Entry>>,
): Promise<IDataObject[]> {
	const { connectionId } = batch[0].entry;
	const users = await resolved(this, batch);
	const sent = await sendMutation(this, batch[0].itemIndex, {
		method: 'PUT',
		path: updatePath(),
		body: userUpdateBody(
			connectionId,
			users.map(({ userKey, fields }) => ({ userKey, fields })),
		),
		// Sets the same values again: repeating it changes nothing more.
		idempotent: true,
	});
	if ('dryRun' in sent) return batch.map(() => ({ ...sent.dryRun }));
	return users.map(({ userKey, username, fields }) => ({
		connectionId,
		userKey,
		...(username === undefined ? {} : { username }),
		fields,
		updated: true,
		usersInRequest: batch.length,
	}));
}

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a user',
		description:
			"Overwrite AD attribute values of a user in Jira, by user key or username. Changes the user's attributes until the connection's next synchronisation; nothing is written to AD.",
	},
	properties: [
		connectionIdProperty,
		{
			displayName: 'User Key or Username',
			name: 'userKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. JIRAUSER10119 or jsmith',
			description:
				"The Jira user key of the user, or the username: a value that is not a Jira-made key (JIRAUSER…) is looked up with Jira's GET /rest/api/2/user?username= (once per name in a run)",
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
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. departmentNumber',
							description: 'The AD attribute name',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. 4711',
							description: 'The new value',
						},
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
				description:
					'Whether to send the updates of many input items for the same connection in one request (decided by the first item)',
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
				default: DEFAULT_BATCH_SIZE,
				description: 'Max number of users per request when combining items',
				displayOptions: { show: { combineItems: [true] } },
			},
		),
	],
	batching: { prepare, group, send } as ItemBatching<Entry> as ItemBatching<unknown>,
};
