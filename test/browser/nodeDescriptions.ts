import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { AdAttributesSync } from '../../nodes/AdAttributesSync/AdAttributesSync.node';
import { AtlassianDcSso } from '../../nodes/AtlassianDcSso/AtlassianDcSso.node';
import { KantegaSso } from '../../nodes/KantegaSso/KantegaSso.node';
import { ResolutionSamlSso } from '../../nodes/ResolutionSamlSso/ResolutionSamlSso.node';

const DESCRIPTIONS: Record<string, INodeTypeDescription> = Object.fromEntries(
	[new ResolutionSamlSso(), new AdAttributesSync(), new KantegaSso(), new AtlassianDcSso()].map(
		(n) => [n.description.name, n.description],
	),
);

export const description = (node: string) => DESCRIPTIONS[node];

/** The names the editor shows for a resource, an operation, and the operation's action in the node picker. */
export function labels(
	node: string,
	resource: string,
	operation: string,
): { resource: string; operation: string; action: string } {
	const properties = DESCRIPTIONS[node].properties;
	const resourceOption = (
		properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[]
	).find((o) => o.value === resource);
	const operationProperty = properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	) as INodeProperties;
	const operationOption = (operationProperty.options as INodePropertyOptions[]).find(
		(o) => o.value === operation,
	);
	if (!resourceOption || !operationOption)
		throw new Error(`${node} has no ${resource}.${operation}`);
	return {
		resource: resourceOption.name,
		operation: operationOption.name,
		action: operationOption.action ?? operationOption.name,
	};
}

export function operationsOf(node: string, resource: string): string[] {
	const property = DESCRIPTIONS[node].properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return ((property?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
}

export function resourcesOf(node: string): string[] {
	return (
		(DESCRIPTIONS[node].properties.find((p) => p.name === 'resource')?.options ??
			[]) as INodePropertyOptions[]
	).map((o) => String(o.value));
}

/** Whether a parameter of an operation starts empty (no text, no list entry picked). */
export function isEmptyByDefault(
	node: string,
	resource: string,
	operation: string,
	name: string,
): boolean {
	const property = DESCRIPTIONS[node].properties.find(
		(p) =>
			p.name === name &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
	// n8n's editor marks no issue on an empty JSON editor (its required mark is the label's asterisk).
	if (property?.type === 'json') return false;
	const value = property?.default as unknown;
	if (value && typeof value === 'object' && 'value' in value)
		return !(value as { value: unknown }).value;
	return value === '' || value === undefined || (Array.isArray(value) && value.length === 0);
}
