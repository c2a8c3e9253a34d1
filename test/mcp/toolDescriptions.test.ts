import { NodeHelpers } from 'n8n-workflow';

import {
	descriptionOfNode,
	hasDryRun,
	operationOptions,
	resourceOptions,
} from '../harness/displayRules';
import { PACKAGE_PREFIX } from '../harness/nodeTypes';

/**
 * The description n8n gives a model for each of the package's tools when the workflow's author leaves
 * "Tool Description" on "Set Automatically": n8n-workflow's own getToolDescriptionForNode (what n8n
 * 2.41.1 calls when it turns a node into a tool), for every node × resource × operation.
 */
const APPS: Record<string, string> = {
	resolutionSamlSso: 'resolution SAML SSO',
	atlassianDcSso: 'Atlassian DC SSO',
	kantegaSso: 'Kantega SSO',
	adAttributesSync: 'AD Attributes Sync',
};
/** The first word of an action that changes the instance, and of one that only reads. */
const CHANGE_VERBS = [
	'Add',
	'Create',
	'Delete',
	'Patch',
	'Remove',
	'Replace',
	'Reset',
	'Start',
	'Sync',
	'Update',
];
const READ_VERBS = ['Check', 'Compare', 'Get'];

const cases = Object.keys(APPS).flatMap((node) => {
	const description = descriptionOfNode(node);
	return resourceOptions(description).flatMap((resource) =>
		operationOptions(description, String(resource.value)).map((operation) => ({
			node,
			description,
			resource: String(resource.value),
			operation: String(operation.value),
		})),
	);
});

test('every node is usable as a tool and every operation is covered (31)', () => {
	for (const node of Object.keys(APPS)) expect(descriptionOfNode(node).usableAsTool).toBe(true);
	expect(cases).toHaveLength(31);
});

test.each(cases.map((c) => [`${c.node}.${c.resource}.${c.operation}`, c] as const))(
	'%s: the tool text names the app and the action, and says whether it changes the instance',
	(_name, { node, description, resource, operation }) => {
		const option = operationOptions(description, resource).find((o) => o.value === operation)!;
		const workflowNode = {
			id: 'n',
			name: 'Tool',
			type: `${PACKAGE_PREFIX}.${node}Tool`,
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: { descriptionType: 'auto', resource, operation },
		};
		const text = NodeHelpers.getToolDescriptionForNode(workflowNode, { description } as never);
		expect(option.action).toBeTruthy();
		expect(text).toBe(`${option.action} in ${APPS[node]}`);
		const verb = String(option.action).split(' ')[0];
		if (hasDryRun(description, resource, operation)) expect(CHANGE_VERBS).toContain(verb);
		else expect(READ_VERBS).toContain(verb);
		// The operation's own description, which the panel shows, says the same.
		if (READ_VERBS.includes(verb))
			expect(option.description).toMatch(/Changes nothing\.$|only reads$/);
	},
);
