import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { HIDDEN_SECRET } from './api';
import { fieldNamed, type Field, type SsoType } from './fieldMapping';
import { FIELD_SCHEMAS } from './fieldValidation';

/**
 * Where the node's camelCase parameters meet the API's kebab-case fields, by the tables of
 * fieldMapping.ts. Create and update build their bodies here; answers are returned unchanged.
 */

/** A parameter's value checked and converted for the API; the error names the parameter, never a secret's value. */
export function apiValue(
	ctx: IExecuteFunctions,
	field: Field,
	value: unknown,
	itemIndex: number,
): unknown {
	const result = FIELD_SCHEMAS[field.kind].safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const shown =
		field.kind === 'secret' || field.kind === 'certificate' || typeof value !== 'string'
			? ''
			: ` ("${value}")`;
	const { displayName, name } = field.property;
	throw new NodeOperationError(
		ctx.getNode(),
		`"${displayName}" (${name})${shown} ${issue.message}`,
		{
			itemIndex,
			description: 'Nothing was sent. Correct the parameter, or the expression that fills it.',
		},
	);
}

/** Sets one converted value at its API place (nested for `jit-configuration`). */
function place(body: IDataObject, field: Field, value: unknown): void {
	if (field.api.length === 1) {
		body[field.api[0]] = value as IDataObject[string];
		return;
	}
	const [outer, inner] = field.api;
	const nested = (body[outer] as IDataObject | undefined) ?? {};
	nested[inner] = value as IDataObject[string];
	body[outer] = nested;
}

/**
 * The API body of the parameters given (camelCase → kebab-case), each value validated.
 * With `ssoType`, fields of the other type are left out (hidden leftovers of a type switch in the editor).
 */
export function toApiBody(
	ctx: IExecuteFunctions,
	table: Field[],
	values: IDataObject,
	itemIndex: number,
	ssoType?: SsoType,
): IDataObject {
	const body: IDataObject = {};
	for (const [parameter, value] of Object.entries(values)) {
		if (value === undefined || value === null) continue;
		const field = fieldNamed(table, parameter);
		if (!field) {
			throw new NodeOperationError(ctx.getNode(), `Unknown field "${parameter}"`, {
				itemIndex,
				description: 'Nothing was sent. This field is not part of the API.',
			});
		}
		if (ssoType && field.only && field.only !== ssoType) continue;
		place(body, field, apiValue(ctx, field, value, itemIndex));
	}
	return body;
}

/** The body as a dry run shows it: the client secret replaced. */
export function maskSecrets(body: IDataObject): IDataObject {
	return 'client-secret' in body ? { ...body, 'client-secret': HIDDEN_SECRET } : body;
}
