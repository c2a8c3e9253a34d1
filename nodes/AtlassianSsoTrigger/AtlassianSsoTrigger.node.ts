import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { jsonEqual, type JsonValue } from '../shared/json';
import { sharedMethods } from '../shared/node';
import { certificateExpiring } from './events/certificateExpiring';
import { configurationChanged } from './events/configurationChanged';
import { triggerProperties, type TriggerEvent } from './events/triggerEvent';
import { userSyncFinished } from './events/userSyncFinished';
import { healthItems, instanceOf, type Failing } from './health';

/** The first is the default. */
const EVENTS: TriggerEvent[] = [userSyncFinished, configurationChanged, certificateExpiring];

export class AtlassianSsoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Atlassian SSO Trigger',
		name: 'atlassianSsoTrigger',
		icon: { light: 'file:atlassianSsoTrigger.svg', dark: 'file:atlassianSsoTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts a workflow when a User Sync run finishes, the SSO configuration changes, or an IdP certificate nears its expiry',
		defaults: { name: 'Atlassian SSO Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' },
		],
		properties: [
			...triggerProperties(EVENTS),
			{
				displayName: 'Report Source Failures',
				name: 'reportSourceFailures',
				type: 'boolean',
				default: true,
				description:
					'Whether to emit one item when a source starts failing (sourceFailed) and one when it answers again (sourceRecovered). Off: a poll fails only when no source could be read.',
			},
		],
	};

	methods = sharedMethods;

	/**
	 * State lives only in the workflow's static data (node scope), never in files or module variables, so any
	 * instance that polls continues from it (queue mode). Each source is read on its own: one that fails keeps
	 * its stored state (a change made meanwhile is reported once it answers again) and the others go on.
	 * The event's state and the sources failing (`<event>:health`) are written only when they changed;
	 * "Fetch Test Event" (manual mode) never writes them.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const name = this.getNodeParameter('event') as string;
		const event = EVENTS.find((e) => e.option.value === name);
		if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${name}"`);
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const healthKey = `${name}:health`;
		// Plain copies: n8n's static data is an observed proxy, and the event must not change it before the end.
		const stored = plainCopy(staticData[name]);
		const storedHealth = (plainCopy(staticData[healthKey]) ?? {}) as Health;
		const { items, state, reads } = await event.poll(this, stored, manual);
		const instance = await instanceOf(this);
		const failures = reads.filter((read) => read.error);
		const nothingRead = reads.length > 0 && failures.length === reads.length;
		const named = items.map((item) => ({ ...item, instance }));
		// Nothing could be read because of the node's own settings (a refused Base URL, nothing sent): a
		// mistake to fix, not an outage to report once.
		if (nothingRead && failures.every((read) => read.error instanceof NodeOperationError))
			throw failures[0].error as NodeOperationError;
		if (manual) {
			if (nothingRead) throw failures[0].error as NodeApiError;
			const failed = healthItems({}, failures, instance).items;
			return named.length + failed.length
				? [this.helpers.returnJsonArray([...named, ...failed])]
				: null;
		}
		const report = this.getNodeParameter('reportSourceFailures', true) !== false;
		const health = healthItems(storedHealth.failing ?? {}, reads, instance);
		const nextHealth: Health = nothingRead
			? { failing: health.failing, outage: true }
			: { failing: health.failing };
		// Written only when it changed: n8n saves the workflow's static data after a poll only if something set it.
		if (!jsonEqual(state as JsonValue, stored as JsonValue))
			staticData[name] = state as IDataObject;
		if (!jsonEqual(nextHealth as unknown as JsonValue, storedHealth as unknown as JsonValue))
			staticData[healthKey] = nextHealth as unknown as IDataObject;
		// Nothing could be read and no item reports it: fail the poll, once per outage.
		if (nothingRead && !report) {
			if (storedHealth.outage) return null;
			throw failures[0].error as NodeApiError;
		}
		const out = report ? [...named, ...health.items] : named;
		return out.length ? [this.helpers.returnJsonArray(out)] : null;
	}
}

/** The sources failing since an earlier poll, and whether none could be read at the last one. */
interface Health {
	failing?: Failing;
	outage?: boolean;
}

function plainCopy(value: unknown): unknown {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
