import {
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
		properties: triggerProperties(EVENTS),
	};

	methods = sharedMethods;

	/**
	 * State lives only in the workflow's static data (node scope), never in files or module variables, so any
	 * instance that polls continues from it (queue mode). It is written once the whole poll succeeded and only
	 * when it changed: a failed poll moves nothing, and "Fetch Test Event" (manual mode) never writes it.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const name = this.getNodeParameter('event') as string;
		const event = EVENTS.find((e) => e.option.value === name);
		if (!event) throw new NodeOperationError(this.getNode(), `Unknown event "${name}"`);
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		// A plain copy: n8n's static data is an observed proxy, and the event must not change it before the end.
		const storedJson =
			staticData[name] === undefined ? undefined : JSON.stringify(staticData[name]);
		const stored: unknown = storedJson === undefined ? undefined : JSON.parse(storedJson);
		const { items, state } = await event.poll(this, stored, manual);
		// Written only when it changed: n8n saves the workflow's static data after a poll only if something set it.
		if (!manual && !jsonEqual(state as JsonValue, stored as JsonValue))
			staticData[name] = state as IDataObject;
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
