import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { isRecord } from '../shared/json';

export const connectorIdProperty: INodeProperties = {
	displayName: 'Connector ID',
	name: 'connectorId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1',
	description: 'The ID of the User Sync connector: a number or a UUID',
	hint: 'In SAML SSO → User Sync, edit the connector: its ID is at the bottom of the page',
};

export const includePreviousOption: INodeProperties = {
	displayName: 'Include Previous Configuration',
	name: 'includePrevious',
	type: 'boolean',
	default: false,
	description:
		'Whether to read the configuration before changing it and output {previous, current}, so the workflow keeps what it overwrote',
};

const WRAPPER_KEYS = new Set(['json', 'binary', 'pairedItem']);
const HTML_START = /^\s*<(!doctype\s+html|html|head|body)[\s>]/i;

export function refuse(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description: `Nothing was sent. ${fix}`,
	});
}

const GET_CONFIG = 'Use the output of "Config → Get"';
const onlyKeys = (value: IDataObject, allowed: string[], required: string[]) =>
	required.every((key) => key in value) && Object.keys(value).every((key) => allowed.includes(key));

/**
 * The outputs this package produces that are not a configuration, each with the field that holds
 * one (if any). Given to Replace, each would be PUT as it is and wipe every IdP.
 */
export function ownOutputShape(value: IDataObject): { shape: string; fix: string } | undefined {
	if (onlyKeys(value, ['previous', 'current', 'warnings', 'instance'], ['current'])) {
		return {
			shape:
				'the output of a Replace or Patch with "Include Previous Configuration" ({previous, current})',
			fix: 'The configuration is in "current" (what the server runs now) or "previous" (what it ran before): use {{ $json.current }} or {{ $json.previous }} with the JSON source.',
		};
	}
	if (typeof value.identical === 'boolean' && 'changes' in value && 'summary' in value) {
		return {
			shape: 'the output of a Compare ({identical, changes, summary})',
			fix: `It holds no configuration, only what would change. ${GET_CONFIG}, or the configuration Compare was given.`,
		};
	}
	if (onlyKeys(value, ['deleted', 'directoryId', 'instance'], ['deleted'])) {
		return {
			shape: 'the output of a Delete ({deleted})',
			fix: `It holds no configuration. ${GET_CONFIG} from before the delete.`,
		};
	}
	if (
		onlyKeys(value, ['previousEntityId', 'entityId', 'instance'], ['previousEntityId']) ||
		onlyKeys(value, ['entityIdReset', 'instance'], ['entityIdReset'])
	) {
		return {
			shape: 'the output of a Reset Entity ID ({previousEntityId, entityId})',
			fix: `It holds only the entity IDs. ${GET_CONFIG}.`,
		};
	}
	if (typeof value.source === 'string' && 'changes' in value && 'summary' in value) {
		return {
			shape: 'an event of the Atlassian SSO Trigger ({source, changes, summary, current})',
			fix: 'The configuration the trigger saw is in "current": use {{ $json.current }} with the JSON source.',
		};
	}
	if (typeof value.event === 'string' && typeof value.source === 'string') {
		return {
			shape: `an event of the Atlassian SSO Trigger ({event: "${value.event}", source, …})`,
			fix: `It holds no configuration. ${GET_CONFIG}.`,
		};
	}
	if ('fingerprint' in value && 'notAfter' in value && 'daysLeft' in value) {
		return {
			shape:
				'a certificate event of the Atlassian SSO Trigger ({fingerprint, notAfter, daysLeft, …})',
			fix: `It describes one certificate, not the configuration. ${GET_CONFIG}.`,
		};
	}
	return undefined;
}

/**
 * Checks that a value is a plausible SAML SSO configuration before it replaces the running one:
 * a non-empty JSON object, not an HTML page, not a wrapped n8n item, not a dry-run or error output,
 * not another output of this package (a Compare, a Replace with its previous configuration, a trigger event…).
 * A PUT of the wrong thing can lock every user out of SSO.
 */
export function assertConfigObject(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	origin: string,
): IDataObject {
	if (typeof value === 'string' && HTML_START.test(value)) {
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} is an HTML page, not JSON`,
			'It is probably a login page answered instead of the configuration: download it again with a working credential.',
		);
	}
	if (!isRecord(value)) {
		const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} must be a JSON object, got ${kind}`,
			'Give the whole configuration as one JSON object, as "Config → Get" outputs it.',
		);
	}
	const keys = Object.keys(value);
	if (keys.length === 0) {
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} is an empty object`,
			'Replacing the configuration by {} would remove every identity provider. If it is in a file, choose the "Binary File" source.',
		);
	}
	const own = ownOutputShape(value);
	if (own) {
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} is ${own.shape}, not a configuration`,
			`Replacing the configuration by it would remove every identity provider. ${own.fix}`,
		);
	}
	if (keys.includes('json') && keys.every((key) => WRAPPER_KEYS.has(key))) {
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} is a wrapped n8n item ({json, binary, pairedItem}), not a configuration`,
			'Use the configuration inside "json" (for example the expression {{ $json.json }}).',
		);
	}
	if (value.dryRun === true && 'method' in value && 'url' in value) {
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} is the output of a dry run`,
			'Use the output of "Config → Get", or the "body" of the dry run.',
		);
	}
	if (keys.every((key) => key === 'error' || key === 'description')) {
		throw refuse(
			ctx,
			itemIndex,
			`The configuration from ${origin} is the error output of a failed node`,
			'Fix the node before this one.',
		);
	}
	for (const key of keys) {
		const field = value[key];
		if (typeof field === 'string' && HTML_START.test(field)) {
			throw refuse(
				ctx,
				itemIndex,
				`The configuration from ${origin} holds an HTML page in "${key}", not a configuration`,
				'It is probably a login page answered instead of the configuration: download it again with a working credential.',
			);
		}
	}
	return value;
}

/** Parses JSON text given by the user; HTML and invalid JSON fail with what to fix. */
export function parseJsonText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	text: string,
	origin: string,
): unknown {
	if (HTML_START.test(text)) {
		throw refuse(
			ctx,
			itemIndex,
			`The ${origin} is an HTML page, not JSON`,
			'It is probably a login page answered instead of the configuration: download it again with a working credential.',
		);
	}
	if (!text.trim())
		throw refuse(ctx, itemIndex, `The ${origin} is empty`, 'Give the JSON to send.');
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw refuse(
			ctx,
			itemIndex,
			`The ${origin} is not valid JSON: ${(error as Error).message}`,
			'Check the JSON text (a file cut off, or an expression that did not resolve).',
		);
	}
}

/** A `json` parameter as text (exactly as typed) or as a value (when an expression resolved to an object). */
export function jsonParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): { text?: string; value: unknown } {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	if (typeof raw === 'string')
		return { text: raw, value: parseJsonText(ctx, itemIndex, raw, `parameter "${name}"`) };
	return { value: raw };
}

const OPS_WITH_VALUE = ['add', 'replace', 'test'];
const OPS_WITH_FROM = ['move', 'copy'];
const ALL_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

/** RFC 6901: empty, or "/" segments where "~" is only "~0" or "~1". */
function isJsonPointer(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		(value === '' || (value.startsWith('/') && !/~(?![01])/.test(value)))
	);
}

/** RFC 6902 validation; the error names the index of the bad operation. Nothing is sent on error. */
export function assertJsonPatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	patch: unknown,
): IDataObject[] {
	const fix =
		'A JSON Patch is an array of operations like [{"op": "replace", "path": "/redirectToSso", "value": false}] (RFC 6902).';
	if (!Array.isArray(patch))
		throw refuse(ctx, itemIndex, 'The JSON Patch must be an array of operations', fix);
	if (patch.length === 0)
		throw refuse(ctx, itemIndex, 'The JSON Patch is empty: it would change nothing', fix);
	patch.forEach((operation: unknown, index) => {
		const bad = (problem: string) =>
			refuse(ctx, itemIndex, `JSON Patch operation at index ${index}: ${problem}`, fix);
		if (!isRecord(operation)) throw bad('must be an object');
		const { op, path, from } = operation;
		if (typeof op !== 'string' || !ALL_OPS.includes(op))
			throw bad(
				`"op" must be one of ${ALL_OPS.join(', ')}, got ${JSON.stringify(op) ?? 'nothing'}`,
			);
		if (!isJsonPointer(path))
			throw bad(
				`"path" must be a JSON pointer such as "/redirectToSso", got ${JSON.stringify(path) ?? 'nothing'}`,
			);
		if (OPS_WITH_VALUE.includes(op) && !('value' in operation))
			throw bad(`"${op}" needs a "value"`);
		if (OPS_WITH_FROM.includes(op)) {
			if (!isJsonPointer(from))
				throw bad(`"${op}" needs "from", a JSON pointer, got ${JSON.stringify(from) ?? 'nothing'}`);
			if (op === 'move' && path !== from && path.startsWith(`${from}/`))
				throw bad('"move" cannot move a value into one of its own children');
		}
	});
	return patch as IDataObject[];
}

/** RFC 7386 patch of a configuration: a non-empty object. */
export function assertMergePatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	patch: unknown,
): IDataObject {
	const fix =
		'A merge patch is the JSON fragment to change, for example {"redirectToSso": false} (RFC 7386); null removes a field.';
	if (!isRecord(patch)) throw refuse(ctx, itemIndex, 'The merge patch must be a JSON object', fix);
	if (Object.keys(patch).length === 0)
		throw refuse(ctx, itemIndex, 'The merge patch is empty: it would change nothing', fix);
	return patch;
}
