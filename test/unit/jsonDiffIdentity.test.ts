import fc from 'fast-check';

import { diffJson, summarize, toJsonPatch, type JsonValue } from '../../nodes/shared/json';
import { configPlan } from '../../nodes/ResolutionSamlSso/configPlan';
import { applyJsonPatch as applyInSimulator } from '../simulator/jsonPatch';

const idp = (id: number, name: string, extra: Record<string, JsonValue> = {}) => ({
	id,
	name,
	enabled: true,
	...extra,
});

describe('arrays paired by identity (id, else name, else entityId) in diffs, summaries and Compare', () => {
	test('three IdPs, the middle one removed while the last is edited: the summary names each one right', () => {
		const before = { idps: [idp(1, 'Alpha IdP'), idp(2, 'Bravo IdP'), idp(3, 'Charlie IdP')] };
		const after = { idps: [idp(1, 'Alpha IdP'), idp(3, 'Charlie IdP', { enabled: false })] };
		const plan = configPlan(before, after);
		expect(plan.summary).toEqual([
			"IdP 2 'Bravo IdP' removed",
			"IdP 3 'Charlie IdP': enabled changed: true → false",
		]);
		expect(plan.changes).toEqual([
			{ op: 'remove', path: '/idps/1' },
			{ op: 'replace', path: '/idps/1/enabled', value: false },
		]);
		expect(applyInSimulator(before as never, plan.changes as never)).toEqual(after);
	});

	test('a renamed IdP keeps its id: one name change, not a removal and an addition', () => {
		const before = { idps: [idp(1, 'Alpha IdP'), idp(2, 'Bravo IdP'), idp(3, 'Charlie IdP')] };
		const after = { idps: [idp(1, 'Alpha IdP'), idp(3, 'Charlie IdP (new)')] };
		expect(configPlan(before, after).summary).toEqual([
			"IdP 2 'Bravo IdP' removed",
			"IdP 3 'Charlie IdP': name changed: 'Charlie IdP' → 'Charlie IdP (new)'",
		]);
	});

	test('one removed and another added where it was: each named as itself', () => {
		const before = { idps: [idp(1, 'Alpha'), idp(2, 'Bravo'), idp(3, 'Charlie')] };
		const after = { idps: [idp(1, 'Alpha'), idp(3, 'Charlie'), idp(4, 'Delta')] };
		const plan = configPlan(before, after);
		expect(plan.summary).toEqual(["IdP 2 'Bravo' removed", "IdP 4 'Delta' added"]);
		expect(applyInSimulator(before as never, plan.changes as never)).toEqual(after);
	});

	test('elements without an id are paired by name, then by entityId; scalars by position', () => {
		const byName = diffJson(
			[
				{ name: 'a', v: 1 },
				{ name: 'b', v: 1 },
			],
			[{ name: 'b', v: 2 }],
		);
		expect(toJsonPatch(byName)).toEqual([
			{ op: 'remove', path: '/0' },
			{ op: 'replace', path: '/0/v', value: 2 },
		]);
		const byEntity = diffJson(
			[
				{ entityId: 'x', v: 1 },
				{ entityId: 'y', v: 1 },
			],
			[
				{ entityId: 'y', v: 1 },
				{ entityId: 'x', v: 3 },
			],
		);
		expect(byEntity.map((e) => [e.operation.op, e.at.join('/')])).toEqual([
			['remove', '0'],
			['add', '1'],
		]);
		expect(toJsonPatch(diffJson(['a', 'b', 'c'], ['a', 'c']))).toEqual([
			{ op: 'remove', path: '/1' },
		]);
		// Two elements with the same id: no identity, compared as before (longest common subsequence).
		expect(toJsonPatch(diffJson([{ id: 1 }, { id: 1, v: 2 }], [{ id: 1, v: 2 }]))).toEqual([
			{ op: 'remove', path: '/0' },
		]);
	});

	test("the trigger's summary lines: the changed element by its identity", () => {
		const before = [
			{ id: 'a', name: 'A', x: 1 },
			{ id: 'b', name: 'B', x: 1 },
			{ id: 'c', name: 'C', x: 1 },
		];
		const after = [
			{ id: 'a', name: 'A', x: 1 },
			{ id: 'c', name: 'C', x: 2 },
		];
		const entries = diffJson(before, after);
		expect(summarize(entries, { before, after })).toEqual(['[1] removed', '[2].x changed: 1 → 2']);
	});

	test('property: any removals, additions, edits and reorders of identified elements give a valid RFC 6902 patch', () => {
		const element = fc.record({
			id: fc.integer({ min: 0, max: 12 }),
			v: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constant(null)),
		});
		const list = fc.uniqueArray(element, { selector: (e) => e.id, maxLength: 8 });
		let pairs = 0;
		fc.assert(
			fc.property(list, list, (before, after) => {
				const patch = toJsonPatch(diffJson(before, after));
				expect(applyInSimulator(before as never, patch)).toEqual(after);
				// Kept in the same order: exactly the elements gone are removed, the new ones added, the edited ones replaced.
				const kept = (list: typeof before, other: typeof before) =>
					list.filter((e) => other.some((o) => o.id === e.id)).map((e) => e.id);
				if (JSON.stringify(kept(before, after)) === JSON.stringify(kept(after, before))) {
					const count = (op: string) => patch.filter((operation) => operation.op === op).length;
					expect(count('remove')).toBe(
						before.filter((b) => !after.some((a) => a.id === b.id)).length,
					);
					expect(count('add')).toBe(after.filter((a) => !before.some((b) => b.id === a.id)).length);
					expect(count('replace')).toBe(
						after.filter((a) => before.some((b) => b.id === a.id && b.v !== a.v)).length,
					);
				}
				pairs++;
			}),
			{ numRuns: 500 },
		);
		expect(pairs).toBe(500);
	});
});
