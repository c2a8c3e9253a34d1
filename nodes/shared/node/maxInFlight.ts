import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../http';
import { numberParameter } from './parameters';

const MAX_IN_FLIGHT = 64;

export const maxInFlightOption: INodeProperties = {
	displayName: 'Max Requests in Flight',
	name: 'maxInFlight',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_IN_FLIGHT },
	default: DEFAULT_CONCURRENCY,
	description:
		'The most requests this node keeps open at once, for all its items and pages together (decided by the first item). Lower it for a gentler job; when Data Center rate-limits the user, its token bucket is followed in any case, whatever this allows.',
};

/** The run's cap on requests in flight: the operation's `options.maxInFlight` of the first item, or the default. */
export function maxInFlight(ctx: IExecuteFunctions): number {
	return numberParameter(ctx, 'options.maxInFlight', 0, DEFAULT_CONCURRENCY, {
		min: 1,
		max: MAX_IN_FLIGHT,
		integer: true,
	});
}
