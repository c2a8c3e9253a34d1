/**
 * `itemParameter`'s fast path (`={{ $json.field }}` read from the item without n8n's expression engine) answers
 * exactly what n8n's `getNodeParameter` answers, for generated expressions and items: run in n8n's engine, a probe
 * node reads each generated parameter both ways for every item.
 */
import fc from 'fast-check';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { itemParameter } from '../../nodes/shared/node';
import { ITEMS_NODE_TYPE } from '../harness/baseNodes';
import { nodeTypes, runWorkflow } from '../harness/engine';

const PROBE = 'test.itemParameterProbe';

class ItemParameterProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Item Parameter Probe',
		name: 'itemParameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameters through itemParameter and through getNodeParameter',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Inner', name: 'inner', type: 'string', default: '' }],
			},
		],
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_, itemIndex) => {
				const read = (name: string) => {
					const outcome = (f: () => unknown) => {
						try {
							return { value: f() };
						} catch (error) {
							return { error: (error as Error).message };
						}
					};
					return {
						fast: outcome(() => itemParameter(this, name, itemIndex, '')),
						n8n: outcome(() => this.getNodeParameter(name, itemIndex, '')),
					};
				};
				return {
					json: { value: read('value'), options: read('options') } as unknown as IDataObject,
					pairedItem: { item: itemIndex },
				};
			}),
		];
	}
}
nodeTypes.add(PROBE, new ItemParameterProbe());

const KEYS = ['a', 'b', 'user name', 'x.y', 'é', '$k', '_1', 'constructor', '0'];
const identifier = /^[A-Za-z_$][\w$]*$/;
const key = fc.constantFrom(...KEYS);
const accessor = (k: string) =>
	fc.constantFrom(
		...(identifier.test(k) ? [`.${k}`, `["${k}"]`, `['${k}']`] : [`["${k}"]`, `['${k}']`]),
	);
const space = fc.constantFrom('', ' ', '  ');
/** `={{ $json<path> }}` with varied spacing, sometimes with a tail that makes it another expression. */
const expression = fc
	.tuple(
		fc.array(key.chain(accessor), { minLength: 1, maxLength: 3 }),
		space,
		space,
		fc.constantFrom('', '', '', ' + ""', '.length', ' || "x"'),
	)
	.map(([path, before, after, tail]) => `={{${before}$json${path.join('')}${tail}${after}}}`);
const leaf = fc.oneof(
	fc.string({ maxLength: 6 }),
	fc.integer(),
	fc.double({ noNaN: true }),
	fc.boolean(),
	fc.constant(null),
	fc.constant('=literal'),
);
const json: fc.Arbitrary<IDataObject> = fc.letrec<{ node: IDataObject }>((tie) => ({
	node: fc.dictionary(
		key,
		fc.oneof({ depthSize: 'small' }, leaf, tie('node'), fc.array(leaf, { maxLength: 2 })),
		{ maxKeys: 4 },
	) as fc.Arbitrary<IDataObject>,
})).node;

test('the fast path answers what getNodeParameter answers, item by item (200 generated runs)', async () => {
	let compared = 0;
	let expected = 0;
	await fc.assert(
		fc.asyncProperty(
			expression,
			expression,
			fc.array(json, { minLength: 1, maxLength: 3 }),
			async (value, inner, items) => {
				const run = await runWorkflow(
					{
						nodes: [
							{
								id: 'i',
								name: 'Input',
								type: ITEMS_NODE_TYPE,
								typeVersion: 1,
								position: [0, 0],
								parameters: { items: JSON.stringify(items.map((j) => ({ json: j }))) },
							},
							{
								id: 'p',
								name: 'Probe',
								type: PROBE,
								typeVersion: 1,
								position: [200, 0],
								parameters: { value, options: { inner } },
							},
						],
						connections: { Input: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
					},
					{},
				);
				expected += 2 * items.length;
				expect(run.error).toBeUndefined();
				const output = run
					.output('Probe')
					.map((i) => i.json as unknown as Record<string, { fast: unknown; n8n: unknown }>);
				expect(output).toHaveLength(items.length);
				for (const read of output.flatMap((o) => [o.value, o.options])) {
					expect(read.fast).toEqual(read.n8n);
					compared++;
				}
			},
		),
		{ numRuns: 200 },
	);
	expect(compared).toBe(expected);
});
