import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { jsonEqual, type JsonValue } from '../shared/jsonDiff';
import { sharedMethods } from '../shared/nodeClass';
import { certificateExpiring } from './events/certificateExpiring';
import { configurationChanged } from './events/configurationChanged';
import type { EventResult } from './events/eventResult';
import { userSyncFinished } from './events/userSyncFinished';
import { triggerProperties, type TriggerEvent } from './properties';

type EventPoll = (ctx: IPollFunctions, stored: never, manual: boolean) => Promise<EventResult<unknown>>;

const POLLS: Record<TriggerEvent, EventPoll> = { userSyncFinished, configurationChanged, certificateExpiring };

export class AtlassianSsoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Atlassian SSO Trigger',
		name: 'atlassianSsoTrigger',
		icon: { light: 'file:atlassianSsoTrigger.svg', dark: 'file:atlassianSsoTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts a workflow when a User Sync run finishes, the SSO configuration changes, or an IdP certificate nears its expiry',
		defaults: { name: 'Atlassian SSO Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'atlassianDataCenterApi', required: true, testedBy: 'atlassianDataCenterApiTest' }],
		properties: triggerProperties,
	};

	methods = sharedMethods;

	/**
	 * State lives only in the workflow's static data (node scope), never in files or module variables, so any
	 * instance that polls continues from it (queue mode). It is written once the whole poll succeeded and only
	 * when it changed: a failed poll moves nothing, and "Fetch Test Event" (manual mode) never writes it.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		// A plain copy: n8n's static data is an observed proxy, and the event must not change it before the end.
		const storedJson = staticData[event] === undefined ? undefined : JSON.stringify(staticData[event]);
		const stored = (storedJson === undefined ? undefined : JSON.parse(storedJson)) as never;
		const { items, state } = await POLLS[event](this, stored, manual);
		// Written only when it changed: n8n saves the workflow's static data after a poll only if something set it.
		if (!manual && !jsonEqual(state as JsonValue, stored)) staticData[event] = state as IDataObject;
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
