/** Control endpoints under <url>/__simulator/ (not recorded, no auth) for out-of-process tests. */
import { FAULT_KINDS, type FaultList } from './faults';
import type { JsonValue, SimResponse } from './http';
import { isObject, json, noContent } from './http';
import { applyJsonPatch, applyMergePatch, patchErrorResponse } from './jsonPatch';
import type { Fault, FaultKind, RecordedRequest, SimulatorState } from './types';

export interface ControlTarget {
	state: SimulatorState;
	requests: RecordedRequest[];
	faults: FaultList;
	/** What workflows posted to `__simulator/inbox`: a stand-in for a chat or e-mail webhook. */
	inbox: JsonValue[];
	reset(): void;
	setLatency(ms: number): void;
}

function parse(body: string): JsonValue | undefined {
	try {
		return JSON.parse(body) as JsonValue;
	} catch {
		return undefined;
	}
}

export function toFault(value: JsonValue | undefined): Fault | string {
	if (
		!isObject(value) ||
		typeof value.kind !== 'string' ||
		!FAULT_KINDS.includes(value.kind as FaultKind)
	) {
		return `body must be a Fault with kind one of ${FAULT_KINDS.join(', ')}`;
	}
	const fault: Fault = { kind: value.kind as FaultKind };
	for (const key of ['times', 'skip', 'retryAfterSeconds', 'ms'] as const) {
		if (typeof value[key] === 'number') fault[key] = value[key] as number;
	}
	for (const key of ['pathIncludes', 'method'] as const) {
		if (typeof value[key] === 'string') fault[key] = value[key] as string;
	}
	return fault;
}

export function handleControl(
	target: ControlTarget,
	method: string,
	action: string,
	body: string,
): SimResponse {
	const route = `${method} ${action.replace(/\/$/, '')}`;
	switch (route) {
		case 'GET requests':
			return json(200, target.requests);
		case 'DELETE requests':
			target.requests.length = 0;
			return noContent();
		case 'POST reset':
			target.reset();
			return noContent();
		case 'GET faults':
			return json(200, target.faults.list());
		case 'POST faults': {
			const fault = toFault(parse(body));
			if (typeof fault === 'string') return json(400, { message: fault });
			target.faults.add(fault);
			return noContent();
		}
		case 'DELETE faults':
			target.faults.clear();
			return noContent();
		case 'GET state':
			return json(200, target.state);
		case 'POST state': {
			// JSON Merge Patch onto the live state, e.g. {"deviniti":{"pagingChurn":{"insertPerPage":3}}}.
			const patch = parse(body);
			if (!isObject(patch)) return json(400, { message: 'body must be a JSON merge patch object' });
			const next = applyMergePatch(target.state as unknown as JsonValue, patch);
			Object.assign(target.state, next);
			return json(200, target.state);
		}
		case 'PATCH state': {
			// RFC 6902 JSON Patch onto the live state, e.g. [{"op":"replace","path":"/resolution/connectors/0/failWithCount","value":2}].
			try {
				const next = applyJsonPatch(target.state as unknown as JsonValue, parse(body));
				Object.assign(target.state, next);
				return json(200, target.state);
			} catch (error) {
				return patchErrorResponse(error);
			}
		}
		case 'GET inbox':
			return json(200, target.inbox);
		case 'POST inbox':
			target.inbox.push(parse(body) ?? body);
			return json(200, { received: target.inbox.length });
		case 'DELETE inbox':
			target.inbox.length = 0;
			return noContent();
		case 'POST latency': {
			const value = parse(body);
			if (!isObject(value) || typeof value.ms !== 'number' || value.ms < 0)
				return json(400, { message: 'body must be {"ms": <number>}' });
			target.setLatency(value.ms);
			return noContent();
		}
		default:
			return json(404, { message: `Unknown control endpoint ${route}` });
	}
}
