/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { HarnessNodeTypes, PACKAGE_PREFIX } from '../harness/nodeTypes';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const { description } = new HarnessNodeTypes().getByNameAndVersion(
	`${PACKAGE_PREFIX}.atlassianSsoTrigger`,
	1,
);

/** The output fields of each event. */
const OUTPUT_FIELDS = [
	'connectorId',
	'syncId',
	'status',
	'source',
	'changes',
	'summary',
	'current',
	'idpId',
	'idpName',
	'subject',
	'fingerprint',
	'notAfter',
	'daysLeft',
];

describe.each(['docs/nodes/atlassian-sso-trigger.md'])('%s documents the trigger', (file) => {
	const page = read(file);

	test('every event, parameter and source value, and every output field', () => {
		const values = description.properties.flatMap((p) => [
			p.name,
			...((p.options ?? []) as Array<{ value?: unknown }>).map((o) => o.value),
		]);
		for (const value of [...new Set(values)].filter((v) => typeof v === 'string'))
			expect(page).toContain(`\`${String(value)}\``);
		for (const field of OUTPUT_FIELDS) expect(page).toContain(field);
	});

	test('state in static data, queue mode, baseline, failing polls, manual mode, secrets, certificates, where the alert goes', () => {
		for (const words of [
			/static data/,
			/queue mode/,
			/[Bb]aseline/,
			/poll that fails moves nothing/,
			/Fetch Test Event/,
			/[Ss]ecrets are never/,
			/token-endpoint/,
			/fingerprint/,
			/Where the alert goes/,
			/\$json\.text/,
		]) {
			expect(page).toMatch(words);
		}
	});
});
