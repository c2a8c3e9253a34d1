/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NodeHelpers, type INodeType, type INodeTypes, type IVersionedNodeType } from 'n8n-workflow';

import { baseNodeTypes } from './baseNodes';

/** The package's node classes, by folder name (each node lives in nodes/<Name>/<Name>.node.ts). */
const PACKAGE_NODES = ['KantegaSso', 'ResolutionSamlSso', 'AdAttributesSync', 'AtlassianDcSso'];

export const PACKAGE_PREFIX = 'n8n-nodes-atlassian-dc-identity';

/** The package's nodes under the type names n8n gives an installed community package, plus n8n's own nodes the examples use. */
export function packageNodeTypes(): Record<string, INodeType | IVersionedNodeType> {
	const types: Record<string, INodeType | IVersionedNodeType> = baseNodeTypes();
	for (const name of PACKAGE_NODES) {
		const file = join(__dirname, '..', '..', 'nodes', name, `${name}.node.ts`);
		if (!existsSync(file)) continue;
		const NodeClass = (require(file) as Record<string, new () => INodeType>)[name];
		const node = new NodeClass();
		types[`${PACKAGE_PREFIX}.${node.description.name}`] = node;
	}
	return types;
}

export class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type in the harness: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}
