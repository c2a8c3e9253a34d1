import type { INodeParameters, INodeProperties, NodeParameterValueType } from 'n8n-workflow';

export const HIDDEN = '**hidden**';

/** Names of the masked (password) parameters among properties, collections included. */
export function secretParameterNames(properties: INodeProperties[]): Set<string> {
	const names = new Set<string>();
	const visit = (list: unknown[] | undefined) => {
		for (const entry of list ?? []) {
			const property = entry as INodeProperties & { values?: unknown[] };
			if (property.typeOptions?.password) names.add(property.name);
			visit(property.options as unknown[] | undefined);
			visit(property.values);
		}
	};
	visit(properties);
	return names;
}

/** A copy of node parameters with every masked value replaced, at any depth. */
export function redactParameters(
	parameters: INodeParameters,
	secrets: Set<string>,
): INodeParameters {
	const redact = (value: NodeParameterValueType): NodeParameterValueType => {
		if (Array.isArray(value))
			return value.map((v) => redact(v as NodeParameterValueType)) as NodeParameterValueType;
		if (value && typeof value === 'object') {
			return Object.fromEntries(
				Object.entries(value).map(([key, v]) => [
					key,
					secrets.has(key) && v ? HIDDEN : redact(v as NodeParameterValueType),
				]),
			) as NodeParameterValueType;
		}
		return value;
	};
	return redact(parameters) as INodeParameters;
}
