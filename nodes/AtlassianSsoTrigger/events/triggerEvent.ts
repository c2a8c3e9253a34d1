import type { SourceRead } from '../health';
import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';

/**
 * What an event's poll found: the items to emit, the state to store (a source that failed keeps its
 * stored part) and each source it tried, with its error when it failed.
 */
export interface EventResult<State> {
	items: IDataObject[];
	state: State;
	reads: SourceRead[];
}

/** One event of the trigger: its option in the editor, its parameters, and its poll. */
export interface TriggerEvent<State = unknown> {
	option: INodePropertyOptions;
	/** Parameters of this event; the trigger shows them for this event only. */
	properties: INodeProperties[];
	/** `stored`: this event's state after the last successful poll (a manual one stores none). */
	poll(
		ctx: IPollFunctions,
		stored: State | undefined,
		manual: boolean,
	): Promise<EventResult<State>>;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function showFor(property: INodeProperties, event: string): INodeProperties {
	const show = { event: [event], ...property.displayOptions?.show };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}

/** The trigger's editor description from its events: the event, then each one's parameters. */
export function triggerProperties(events: TriggerEvent[]): INodeProperties[] {
	const eventProperty: INodeProperties = {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: String(events[0].option.value),
		options: events.map((event) => event.option).sort(byName),
	};
	const parameters = events.flatMap((event) =>
		event.properties.map((property) => showFor(property, String(event.option.value))),
	);
	return [eventProperty, ...parameters];
}
