import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { JsonValue } from '../shared/json';
import { applyJsonPatch, applyMergePatch } from '../shared/json';
import { configPlan } from './configPlan';
import { readConfig } from './reads';

/** `{changes, summary}` of a dry run: what the configuration sent would change on the server (one GET). */
export async function planOfReplace(
	ctx: IExecuteFunctions,
	itemIndex: number,
	text: string,
): Promise<IDataObject> {
	const { config } = await readConfig(ctx, itemIndex, true);
	const { changes, summary } = configPlan(
		(config ?? {}) as JsonValue,
		JSON.parse(text) as JsonValue,
	);
	return { changes, summary };
}

/** The configuration a patch would leave, or why it does not apply. */
export function patchResult(current: JsonValue, format: string, patch: unknown) {
	return format === 'jsonPatch'
		? applyJsonPatch(current, patch as Array<Record<string, unknown>>)
		: { ok: true as const, value: applyMergePatch(current, patch as JsonValue) };
}

/** `{changes, summary}` of a patch's dry run on the configuration read; a patch that would not apply fails here. */
export function planOfPatch(
	ctx: IExecuteFunctions,
	itemIndex: number,
	config: IDataObject,
	format: string,
	patch: unknown,
): IDataObject {
	const current = config as JsonValue;
	const patched = patchResult(current, format, patch);
	if (!patched.ok) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The patch does not apply to the current configuration: ${patched.problem}`,
			{
				itemIndex,
				description:
					'Nothing was sent. The server would reject it too (409). Read the configuration with "Config → Get" and fix the paths.',
			},
		);
	}
	const { changes, summary } = configPlan(current, patched.value);
	return { changes, summary };
}
