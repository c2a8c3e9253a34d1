import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
} from 'n8n-workflow';

import { apiRequest, MANIFEST_PATH, PRODUCT_LABELS, productKey } from '../shared/http';
import type { ItemBatching, Operation, Resource } from '../shared/node';

/** The product's type from the applinks manifest (JSON, or the XML older versions answer). */
function productType(body: string, json: unknown): string | undefined {
	if (json && typeof json === 'object' && typeof (json as IDataObject).typeId === 'string') {
		return (json as IDataObject).typeId as string;
	}
	return /<typeId>\s*([\w-]+)\s*<\/typeId>/.exec(body)?.[1];
}

function isMissingApp(error: unknown): boolean {
	return error instanceof NodeApiError && /^Endpoint not found/.test(error.message);
}

/**
 * When the app's endpoint is missing, asks the instance which product it is (one read of the applinks
 * manifest): on Confluence or Bitbucket the error says that the app exists only for Jira.
 */
async function productAware(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: unknown,
): Promise<never> {
	if (!isMissingApp(error)) throw error;
	let product: string | undefined;
	try {
		const answer = await apiRequest(
			ctx,
			{ method: 'GET', path: MANIFEST_PATH, acceptStatuses: [404] },
			itemIndex,
		);
		const key =
			answer.statusCode === 200 ? productKey(productType(answer.body, answer.json)) : undefined;
		// Deviniti's Active Directory Attributes Sync exists for Jira only (its REST API page names Jira alone).
		product = key && key !== 'jira' ? PRODUCT_LABELS[key] : undefined;
	} catch {
		product = undefined;
	}
	if (!product) throw error;
	throw new NodeOperationError(
		ctx.getNode(),
		`AD Attributes Sync exists only for Jira: this instance is ${product}`,
		{
			itemIndex,
			description: `Deviniti's Active Directory Attributes Sync is a Jira Data Center app; there is no version for ${product}. Use this node with the credential of a Jira instance.`,
		},
	);
}

function wrapped(operation: Operation): Operation {
	if (operation.batching) {
		const { prepare, group, send } = operation.batching;
		const batching: ItemBatching<unknown> = {
			prepare,
			group,
			async send(batch) {
				try {
					return await send.call(this, batch);
				} catch (error) {
					return await productAware(this, batch[0]?.itemIndex ?? 0, error);
				}
			},
		};
		return { ...operation, batching };
	}
	const execute = operation.execute;
	return {
		...operation,
		async execute(itemIndex) {
			try {
				return await execute.call(this, itemIndex);
			} catch (error) {
				return await productAware(this, itemIndex, error);
			}
		},
	};
}

/** Every operation of the node, with the product-aware error when the app's endpoint is missing. */
export function jiraOnly(resources: Resource[]): Resource[] {
	return resources.map((resource) => ({
		...resource,
		operations: resource.operations.map(wrapped),
	}));
}
