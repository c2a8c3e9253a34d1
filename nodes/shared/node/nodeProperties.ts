import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { runOf } from '../http';
import { maxInFlight } from './maxInFlight';
import { runOperation } from './itemLoop';
import type { Operation, Resource } from './operation';
import { secretParameterNames } from '../json';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function showFor(property: INodeProperties, resource: string, operation: string): INodeProperties {
	const show = property.displayOptions?.show ?? {};
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, resource: [resource], operation: [operation] },
		},
	};
}

/** The editor description of a node built from its resources: resource, operation, then each operation's parameters. */
export function nodeProperties(resources: Resource[]): INodeProperties[] {
	const firstResource = String(resources[0].option.value);
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => r.option).sort(byName),
		default: firstResource,
	};
	const perResource = resources.flatMap((resource) => {
		const value = String(resource.option.value);
		const firstOperation = String(resource.operations[0].option.value);
		const operationProperty: INodeProperties = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [value] } },
			options: resource.operations.map((o) => o.option).sort(byName),
			default: firstOperation,
		};
		const parameters = resource.operations.flatMap((operation) =>
			operation.properties.map((p) => showFor(p, value, String(operation.option.value))),
		);
		return [operationProperty, ...parameters];
	});
	return [resourceProperty, ...perResource];
}

function findOperation(ctx: IExecuteFunctions, resources: Resource[]): Operation {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const found = resources
		.find((r) => r.option.value === resource)
		?.operations.find((o) => o.option.value === operation);
	if (!found) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Unknown operation "${operation}" of resource "${resource}"`,
		);
	}
	return found;
}

const secretsOfResources = new WeakMap<Resource[], Set<string>>();

/** The `execute` of every node of this package. */
export async function executeResources(
	ctx: IExecuteFunctions,
	resources: Resource[],
): Promise<INodeExecutionData[][]> {
	let secrets = secretsOfResources.get(resources);
	if (!secrets) {
		secrets = secretParameterNames(
			resources.flatMap((r) => r.operations.flatMap((o) => o.properties)),
		);
		secretsOfResources.set(resources, secrets);
	}
	// Read when the run sends its first request, so that a bad value fails the item that sends it.
	runOf(ctx).maxInFlight = () => maxInFlight(ctx);
	return [await runOperation(ctx, findOperation(ctx, resources), secrets)];
}
