/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
	NodeHelpers,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { baseNodeTypes } from './baseNodes';

export const PACKAGE_PREFIX = 'n8n-nodes-atlassian-dc-identity';

/** The package's node folders (each node lives in nodes/<Name>/<Name>.node.ts). */
const PACKAGE_NODES = [
	'KantegaSso',
	'ResolutionSamlSso',
	'AdAttributesSync',
	'AtlassianDcSso',
	'AtlassianSsoTrigger',
];

/** Loads a package node on first use (`kantegaSso` from nodes/KantegaSso/KantegaSso.node.ts). */
function loadPackageNode(shortName: string): INodeType | undefined {
	const folder = PACKAGE_NODES.find(
		(name) => name.charAt(0).toLowerCase() + name.slice(1) === shortName,
	);
	if (!folder) return undefined;
	const file = join(__dirname, '..', '..', 'nodes', folder, `${folder}.node.ts`);
	if (!existsSync(file)) return undefined;
	const NodeClass = (require(file) as Record<string, new () => INodeType>)[folder];
	return new NodeClass();
}

/** The package's nodes under the type names n8n gives an installed community package, plus n8n's own nodes the examples use. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = baseNodeTypes();

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		if (!this.types[nodeType] && nodeType.startsWith(`${PACKAGE_PREFIX}.`)) {
			const node = loadPackageNode(nodeType.slice(PACKAGE_PREFIX.length + 1));
			if (node) this.types[nodeType] = node;
		}
		const type = this.types[nodeType];
		if (!type) throw new Error(`Unknown node type in the harness: ${nodeType}`);
		return type;
	}

	/** Adds a node type of a test or benchmark (e.g. a bare node that only calls n8n's request helper). */
	add(nodeType: string, type: INodeType): void {
		this.types[nodeType] = type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}
}
