import {
	NodeHelpers,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { HarnessNodeTypes, PACKAGE_PREFIX } from './nodeTypes';

/**
 * A node's panel as n8n's editor computes it from the description: n8n-workflow's own display rules
 * (getNodeParameters, displayParameter) for the node's version 1.
 */
const nodeTypes = new HarnessNodeTypes();

/** The node of the package as the editor sees it: its version, for the display rules. */
export const NODE_VERSION = { typeVersion: 1 };

/** The description of the package's node `name` (e.g. kantegaSso), version 1. */
export const descriptionOfNode = (name: string): INodeTypeDescription =>
	nodeTypes.getByNameAndVersion(`${PACKAGE_PREFIX}.${name}`, 1).description;

/** The top-level parameters the panel shows for these values, in the description's order. */
export function shownProperties(
	description: INodeTypeDescription,
	values: Record<string, unknown>,
): INodeProperties[] {
	const all =
		NodeHelpers.getNodeParameters(
			description.properties,
			values as never,
			true,
			false,
			NODE_VERSION,
			description,
		) ?? {};
	return description.properties.filter((p) =>
		NodeHelpers.displayParameter(all, p, NODE_VERSION, description),
	);
}

/** Whether the operation is a change: the options its panel shows hold the dry-run switch. */
export const hasDryRun = (description: INodeTypeDescription, resource: string, operation: string) =>
	shownProperties(description, { resource, operation }).some(
		(p) =>
			p.name === 'options' && (p.options ?? []).some((o) => 'name' in o && o.name === 'dryRun'),
	);

/** The options of the Resource parameter. */
export const resourceOptions = (description: INodeTypeDescription) =>
	(description.properties.find((p) => p.name === 'resource')?.options ??
		[]) as INodePropertyOptions[];

/** The options of the Operation parameter shown for `resource`. */
export const operationOptions = (description: INodeTypeDescription, resource: string) =>
	(description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	)?.options ?? []) as INodePropertyOptions[];
