import type { IDataObject } from 'n8n-workflow';

/** What an event's poll found: the items to emit and the state to store once the whole poll succeeded. */
export interface EventResult<State> {
	items: IDataObject[];
	state: State;
}
