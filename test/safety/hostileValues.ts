/** fast-check arbitraries: random and adversarial values for ids, texts and JSON parameters. */
import fc from 'fast-check';

/** Strings that have broken path building, query building or parsing somewhere. */
export const ADVERSARIAL = [
	'../',
	'..',
	'.',
	'/',
	'?',
	'#',
	'&',
	'%',
	'%%',
	'%zz',
	'%2e%2e',
	'%2E%2E%2F',
	'..%2f',
	'%2F',
	'%00',
	'\\',
	'..\\..\\',
	'a/b',
	'/../../rest/api/2/user',
	'../../../../etc/passwd',
	'./x',
	'x/..',
	'?os_authType=basic',
	'#top',
	';jsessionid=1',
	'a?b=c#d',
	' ',
	'',
	'  padded  ',
	'\u0000',
	'\r\n',
	'\t',
	'\u001b[31m',
	'\u007f',
	'\u2028',
	'\u202e',
	'\ufeff',
	'Zürich',
	'Développeurs Zürich',
	'日本語',
	'👍🏽',
	'e\u0301',
	'💥'.repeat(600),
	'x'.repeat(9000),
	'{{ $json.x }}',
	'null',
	'undefined',
	'true',
	'0',
	'-1',
	'1e309',
	'NaN',
	'__proto__',
	'constructor',
	'<script>alert(1)</script>',
	"' OR 1=1 --",
];

/** Values of a type a string parameter should not hold (an expression can produce any). */
export const WRONG_TYPES: unknown[] = [
	42,
	-1,
	0,
	1.5,
	true,
	false,
	null,
	[],
	{},
	['a', 'b'],
	{ a: 1 },
];

const controlCharacters = fc.string({
	unit: fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)),
	maxLength: 8,
});

/** A string from the adversarial list, random unicode, control characters, or a mix of them. */
export const hostileString: fc.Arbitrary<string> = fc
	.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...ADVERSARIAL) },
		{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
		{ weight: 1, arbitrary: controlCharacters },
		{
			weight: 3,
			arbitrary: fc
				.tuple(
					fc.constantFrom(...ADVERSARIAL.filter((s) => s.length < 100)),
					fc.string({ maxLength: 12 }),
					fc.constantFrom(...ADVERSARIAL.filter((s) => s.length < 100)),
				)
				.map(([a, b, c]) => `${a}${b}${c}`),
		},
	)
	// A leading "=" makes n8n read the value as an expression: that is n8n's, not the node's.
	.filter((s) => !s.startsWith('='));

/** What an id or name parameter may hold: mostly hostile strings, sometimes another type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 5, arbitrary: hostileString },
	{ weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) },
);

/** A resource locator's value in each of its modes, or a plain value (expressions, AI tools, older workflows). */
export const hostileLocator: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 3, arbitrary: hostileValue.map((value) => ({ __rl: true, mode: 'id', value })) },
	{ weight: 2, arbitrary: hostileValue },
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom('list', 'url'), hostileValue)
			.map(([mode, value]) => ({ __rl: true, mode, value })),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			{ __rl: true },
			{ mode: 'id' },
			{ __rl: true, mode: 'id', value: { nested: true } },
		),
	},
);

const brokenJsonText = fc.constantFrom(
	'',
	' ',
	'{',
	'{"a":',
	'[',
	'null',
	'true',
	'42',
	'"text"',
	'<html><body>Log in</body></html>',
	'{"a":1}}',
	'\ufeff{}',
	'{"a":NaN}',
	'{\u0000}',
);

const jsonText = fc.oneof(fc.json({ maxDepth: 3 }), brokenJsonText);

/** A JSON Patch of random operations on random (often adversarial) paths. */
const randomPatch = fc.array(
	fc.record(
		{
			op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus', ''),
			path: fc.oneof(
				fc.constantFrom(
					'/redirectToSso',
					'/idps/0/name',
					'/idps/-',
					'',
					'/',
					'/../x',
					'/~2',
					'/idps/99/name',
					'noSlash',
				),
				hostileString,
			),
			from: fc.constantFrom('/entityId', '/idps/0', '/nothing'),
			value: fc.jsonValue({ maxDepth: 2 }),
		},
		{ requiredKeys: ['op', 'path'] },
	),
	{ maxLength: 12 },
);

/** A JSON Patch far larger than any a person writes: thousands of operations. */
const hugePatch = fc.integer({ min: 2000, max: 8000 }).map((n) =>
	Array.from({ length: n }, (_, i) => ({
		op: i % 3 ? 'add' : 'test',
		path: `/x${i}`,
		value: i % 3 ? 'v'.repeat(i % 50) : null,
	})),
);

/** What a JSON parameter may hold: JSON text (valid, broken or of the wrong shape) or a value itself. */
export function hostileJson(kind: 'config' | 'mergePatch' | 'jsonPatch'): fc.Arbitrary<unknown> {
	const shaped =
		kind === 'jsonPatch'
			? fc.oneof(randomPatch, hugePatch)
			: fc.oneof(
					fc.dictionary(hostileString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
					fc.integer({ min: 1000, max: 5000 }).map((n) => ({ big: 'x'.repeat(n * 50) })),
				);
	return fc.oneof(
		{ weight: 3, arbitrary: jsonText },
		{ weight: 3, arbitrary: shaped.map((value) => JSON.stringify(value)) },
		{ weight: 1, arbitrary: shaped },
		{ weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) },
	);
}
