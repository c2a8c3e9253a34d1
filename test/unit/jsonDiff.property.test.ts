/* eslint-disable no-console */
import fc from 'fast-check';

import { summarize, applyJsonPatch as applyInNode } from '../../nodes/shared/json';
import { diffJson, toJsonPatch, type JsonValue } from '../../nodes/shared/json';
import { seedConfig } from '../simulator/data/resolution-config';
import { applyJsonPatch as applyInSimulator } from '../simulator/jsonPatch';

/** Generated pairs per property; the run's total is printed for the record. */
const RUNS = 1000;
let checkedPairs = 0;

/** The simulator's patch (an implementation independent of the node's) applied to `before` must give `after`. */
function patchGivesNew(before: JsonValue, after: JsonValue): boolean {
	checkedPairs++;
	const patch = toJsonPatch(diffJson(before, after));
	expect(applyInSimulator(before as never, patch)).toEqual(after);
	expect(applyInNode(before, patch as never)).toEqual({ ok: true, value: after });
	return true;
}

// "__proto__" as a key would make the simulator's plain assignment set a prototype; the node's apply handles it (tested below).
const key = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__');
const json = fc.letrec((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		fc.constantFrom<JsonValue>(null, true, false, 0, 1, 'a', 'b'),
		fc.string({ maxLength: 4 }),
		fc.integer({ min: -3, max: 3 }),
		fc.array(tie('value'), { maxLength: 5 }),
		fc.dictionary(key, tie('value'), { maxKeys: 5 }),
	),
})).value as fc.Arbitrary<JsonValue>;

/** Lists drawn from a small pool, so that pairs share elements in shifted positions (the interesting case for arrays). */
const pooled = fc.array(
	fc.constantFrom<JsonValue>('a', 'b', 'c', { id: 1 }, { id: 2, x: [1] }, [1, 2], null),
	{ maxLength: 12 },
);

/** A SAML SSO configuration and a variant: fields changed, removed and added, IdPs removed, reordered and edited. */
const configPair = fc
	.record({
		drop: fc.array(
			fc.constantFrom('redirectToSso', 'excludedUrls', 'nossoEnabled', 'lastModified'),
			{ maxLength: 3 },
		),
		set: fc.dictionary(
			fc.constantFrom('redirectToSso', 'sessionTimeoutInMinutes', 'newField', 'idpSelectionMode'),
			json,
			{ maxKeys: 3 },
		),
		idpOrder: fc.shuffledSubarray([0, 1, 2]),
		idpEdits: fc.array(
			fc.tuple(
				fc.integer({ min: 0, max: 2 }),
				fc.constantFrom('name', 'entityId', 'certificates', 'groupsForNewUsers', 'extra'),
				json,
			),
			{ maxLength: 4 },
		),
	})
	.map(({ drop, set, idpOrder, idpEdits }) => {
		const before = seedConfig() as unknown as Record<string, JsonValue> & {
			idps: Array<Record<string, JsonValue>>;
		};
		const after = JSON.parse(JSON.stringify(before)) as typeof before;
		for (const field of drop) delete after[field];
		Object.assign(after, set);
		for (const [index, field, value] of idpEdits) after.idps[index][field] = value;
		after.idps = idpOrder.map((i) => after.idps[i]);
		return [before, after] as [JsonValue, JsonValue];
	});

describe('jsonDiff: the patch applied to the old value gives the new one', () => {
	afterAll(() => console.log(`jsonDiff property: ${checkedPairs} generated pairs checked`));

	it('for unrelated pairs of JSON values', () => {
		fc.assert(fc.property(json, json, patchGivesNew), { numRuns: RUNS });
	});

	it('for pairs of lists sharing elements', () => {
		fc.assert(fc.property(pooled, pooled, patchGivesNew), { numRuns: RUNS });
	});

	it('for a value and a variant of it (a nested change)', () => {
		fc.assert(
			fc.property(
				json,
				fc.array(key, { minLength: 1, maxLength: 3 }),
				json,
				(before, path, value) => {
					const after = {
						root: before,
						[path.join('/')]: value,
						nested: { list: [before, value] },
					};
					return patchGivesNew({ root: before, nested: { list: [before] } }, after);
				},
			),
			{ numRuns: RUNS },
		);
	});

	it('for pairs of SAML SSO configurations', () => {
		fc.assert(
			fc.property(configPair, ([before, after]) => patchGivesNew(before, after)),
			{ numRuns: RUNS / 2 },
		);
	});

	it('the summary of a pair of configurations: lines exactly when there are changes, at most 25, never a secret', () => {
		const SECRET = 'generated-secret-value';
		fc.assert(
			fc.property(configPair, fc.boolean(), ([before, after], secretChanged) => {
				// The secret is the first field, so its line is the first one and never among those cut after 25.
				const b = { clientSecret: SECRET, ...(before as Record<string, JsonValue>) };
				const a = {
					clientSecret: secretChanged ? `${SECRET}-2` : SECRET,
					...(after as Record<string, JsonValue>),
				};
				const entries = diffJson(b, a);
				const lines = summarize(entries, { before: b, after: a });
				expect(lines.length > 0).toBe(entries.length > 0);
				expect(lines.length).toBeLessThanOrEqual(25);
				expect(lines.join('\n')).not.toContain(SECRET);
				expect(lines.indexOf('clientSecret changed')).toBe(secretChanged ? 0 : -1);
			}),
			{ numRuns: RUNS / 2 },
		);
	});

	it('equal values give an empty patch', () => {
		fc.assert(
			fc.property(
				json,
				(value) => diffJson(value, JSON.parse(JSON.stringify(value)) as JsonValue).length === 0,
			),
			{ numRuns: RUNS },
		);
	});

	it('keys that need escaping in a JSON pointer, and "__proto__" as data', () => {
		const before = JSON.parse('{"a/b": 1, "m~n": [1], "__proto__": {"x": 1}}') as JsonValue;
		const after = JSON.parse('{"a/b": 2, "m~n": [1, 2], "__proto__": {"x": 2}}') as JsonValue;
		const patch = toJsonPatch(diffJson(before, after));
		expect(patch).toEqual([
			{ op: 'replace', path: '/a~1b', value: 2 },
			{ op: 'add', path: '/m~0n/1', value: 2 },
			{ op: 'replace', path: '/__proto__/x', value: 2 },
		]);
		expect(applyInNode(before, patch as never)).toEqual({ ok: true, value: after });
	});
});
