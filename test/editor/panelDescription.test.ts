import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { NODE_PANELS } from '../browser/panels';
import {
	descriptionOfNode as descriptionOf,
	NODE_VERSION as NODE,
	operationOptions,
	resourceOptions,
	shownProperties,
} from '../harness/displayRules';

/**
 * The panels as n8n's editor computes them from the descriptions (the same display rules), against
 * the table of test/browser/panels.ts that the browser suite checks on screen: every node × resource
 * × operation documented in docs/nodes, its visible parameters in order, its required ones.
 */

/** The panel's parameters below Resource and Operation, each once. */
function visibleProperties(
	description: INodeTypeDescription,
	values: Record<string, unknown>,
): INodeProperties[] {
	const shown = shownProperties(description, values);
	return shown.filter(
		(p, i) =>
			!['resource', 'operation'].includes(p.name) &&
			shown.findIndex((q) => q.name === p.name) === i,
	);
}

const PANELS = NODE_PANELS.flatMap((node) =>
	node.panels.map((panel) => ({ node: node.name, ...panel })),
);

describe.each(NODE_PANELS)('$displayName', ({ name, displayName }) => {
	const description = descriptionOf(name);

	test('its display name is the one the table names', () =>
		expect(description.displayName).toBe(displayName));

	test('the table covers every resource and operation of the node, and nothing else', () => {
		const offered = resourceOptions(description).flatMap((r) =>
			operationOptions(description, String(r.value)).map((o) => `${r.value}.${o.value}`),
		);
		const listed = NODE_PANELS.find((n) => n.name === name)!.panels.map(
			(p) => `${p.resource}.${p.operation}`,
		);
		expect([...offered].sort()).toEqual([...listed].sort());
	});

	test('resource display names match their values (Identity Provider for identityProvider)', () => {
		for (const option of resourceOptions(description)) {
			expect(option.name.replace(/\s+/g, '').toLowerCase()).toBe(
				String(option.value).toLowerCase(),
			);
		}
	});
});

describe.each(PANELS)(
	'$node › $resource › $operation',
	({ node, resource, operation, visible, required }) => {
		const description = descriptionOf(node);
		const shown = visibleProperties(description, { resource, operation });

		test('shows the documented parameters, in order, and no other', () => {
			expect(shown.map((p) => p.name)).toEqual(visible);
		});

		test('marks the required ones', () => {
			expect(shown.filter((p) => p.required).map((p) => p.name)).toEqual(required);
		});

		test('a destructive operation (with Confirm) shows its warning as a notice first, before any input', () => {
			const hasConfirm = shown.some((p) => p.name === 'confirm');
			const notice = shown.find((p) => p.type === 'notice');
			expect(Boolean(notice)).toBe(hasConfirm);
			if (notice) {
				expect(shown[0]).toBe(notice);
				expect(notice.displayName.length).toBeGreaterThan(60);
			}
		});
	},
);

/** Every parameter, option and locator mode of the four nodes, with its path. */
function everyProperty(
	properties: INodeProperties[],
	path = '',
): Array<{ path: string; property: INodeProperties }> {
	return properties.flatMap((property) => {
		const here = [{ path: `${path}${property.name}`, property }];
		if (property.type === 'collection')
			return [
				...here,
				...everyProperty((property.options ?? []) as INodeProperties[], `${path}${property.name}.`),
			];
		if (property.type === 'fixedCollection') {
			const groups = (property.options ?? []) as Array<{ name: string; values: INodeProperties[] }>;
			return [
				...here,
				...groups.flatMap((g) => everyProperty(g.values, `${path}${property.name}.${g.name}.`)),
			];
		}
		return here;
	});
}
const ALL = NODE_PANELS.flatMap(({ name }) =>
	everyProperty(descriptionOf(name).properties).map((entry) => ({ node: name, ...entry })),
);

describe('labels and placeholders', () => {
	test('collections invite in sentence case: "Add option", "Add field", "Add filter"', () => {
		const collections = ALL.filter(
			({ property }) => property.type === 'collection' || property.type === 'fixedCollection',
		);
		expect(collections).toHaveLength(27);
		for (const { node, path, property } of collections)
			expect(`${node} ${path}: ${property.placeholder}`).toMatch(/: Add [a-z]+$/);
	});

	test('text inputs show an example starting with "e.g." (JSON and multi-line inputs show their shape)', () => {
		const texts = ALL.filter(
			({ property }) =>
				property.type === 'string' &&
				!property.typeOptions?.password &&
				typeof property.default === 'string' &&
				property.default === '',
		);
		const missing: string[] = [];
		for (const { node, path, property } of texts) {
			const multiLine = (property.typeOptions?.rows ?? 1) > 1;
			if (multiLine) expect(property.placeholder).toBeTruthy();
			else if (!/^e\.g\. \S/.test(property.placeholder ?? ''))
				missing.push(`${node} ${path}: ${JSON.stringify(property.placeholder)}`);
		}
		expect(missing).toEqual([]);
	});

	test('a resource locator lists first ("From List", the default), then takes an ID with an "e.g." example', () => {
		const locators = ALL.filter(({ property }) => property.type === 'resourceLocator');
		expect(new Set(locators.map(({ node, property }) => `${node}.${property.name}`))).toEqual(
			new Set([
				'kantegaSso.idpId',
				'kantegaSso.group',
				'atlassianDcSso.idpId',
				'adAttributesSync.connection',
			]),
		);
		for (const { property } of locators) {
			expect(property.default).toEqual({ mode: 'list', value: '' });
			expect(property.modes?.[0]).toMatchObject({
				name: 'list',
				type: 'list',
				typeOptions: { searchable: true },
			});
			for (const mode of property.modes!.slice(1)) expect(mode.placeholder).toMatch(/^e\.g\. \S/);
		}
	});

	test('an ID that no app can list is a text field whose hint says where an admin finds it', () => {
		const IDS = ['connectorId', 'directoryId', 'connectionId'];
		const found = ALL.filter(({ property }) => IDS.includes(property.name));
		expect(
			IDS.map((name) => found.filter(({ property }) => property.name === name).length),
		).toEqual([4, 1, 2]);
		for (const { property } of found) {
			expect(property.type).toBe('string');
			expect(property.hint).toMatch(/→/);
		}
	});
});

describe('options appear only where they act', () => {
	const optionsOf = (
		node: string,
		resource: string,
		operation: string,
		values: Record<string, unknown>,
	) => {
		const description = descriptionOf(node);
		const collection = visibleProperties(description, { resource, operation }).find(
			(p) => p.name === 'options',
		)!;
		const root = { resource, operation, options: values };
		return ((collection.options ?? []) as INodeProperties[])
			.filter((option) =>
				NodeHelpers.displayParameterPath(root as never, option, 'options', NODE, description),
			)
			.map((option) => option.name);
	};

	test('resolution sync: poll interval and timeout only with Wait for Completion', () => {
		expect(optionsOf('resolutionSamlSso', 'connector', 'sync', {})).not.toContain(
			'pollIntervalSeconds',
		);
		expect(
			optionsOf('resolutionSamlSso', 'connector', 'sync', { waitForCompletion: false }),
		).not.toContain('timeoutSeconds');
		expect(
			optionsOf('resolutionSamlSso', 'connector', 'sync', { waitForCompletion: true }),
		).toEqual(expect.arrayContaining(['pollIntervalSeconds', 'timeoutSeconds']));
	});

	test('AD user update: Batch Size only with Combine Items', () => {
		expect(optionsOf('adAttributesSync', 'user', 'update', {})).not.toContain('batchSize');
		expect(optionsOf('adAttributesSync', 'user', 'update', { combineItems: true })).toContain(
			'batchSize',
		);
	});

	test('an option that depends on another names an option of the same collection', () => {
		for (const { node, path, property } of ALL) {
			const sibling = path.split('.').slice(0, -1).join('.');
			if (!sibling) continue;
			for (const key of Object.keys(property.displayOptions?.show ?? {})) {
				if (key.startsWith('/')) continue;
				const siblings = ALL.filter((e) => e.node === node && e.path === `${sibling}.${key}`);
				expect(`${node} ${path} depends on ${siblings.length ? key : `missing ${key}`}`).toBe(
					`${node} ${path} depends on ${key}`,
				);
			}
		}
	});
});

describe('what an AI agent reads when a node is a tool', () => {
	const operations = NODE_PANELS.flatMap(({ name }) => {
		const description = descriptionOf(name);
		return resourceOptions(description).flatMap((r) =>
			operationOptions(description, String(r.value)).map((option) => ({
				node: name,
				resource: String(r.value),
				option,
			})),
		);
	});

	test.each(operations.map((o) => [`${o.node} ${o.resource}.${o.option.value}`, o] as const))(
		'%s: says what it does and what it changes',
		(_, { node, resource, option }) => {
			expect(option.action).toMatch(/^[A-Z][a-z]/);
			expect(option.description!.length).toBeGreaterThan(40);
			const shown = visibleProperties(descriptionOf(node), {
				resource,
				operation: String(option.value),
			});
			const mutating = shown.some(
				(p) =>
					p.name === 'options' &&
					((p.options ?? []) as INodeProperties[]).some((o) => o.name === 'dryRun'),
			);
			if (mutating) {
				expect(option.description).not.toMatch(/Changes nothing|only reads/i);
				expect(option.description).toMatch(
					/Change|Replace|Delete|Creat|Add|Remov|Update|Overwrit|Rename|Reset|Stop/,
				);
			} else {
				expect(option.description).toMatch(/Changes nothing\.|only reads$/);
			}
			if (shown.some((p) => p.name === 'confirm'))
				expect(option.description).toMatch(/Needs Confirm\./);
		},
	);
});
