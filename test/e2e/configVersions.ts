/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The e2e checks of the examples that keep configuration versions in n8n's data table
 * sso_config_history (run by scripts/e2e/configVersions.ts): the clone refresh in two workflows
 * (save the clone's own configuration; after the refresh upload it again, reset the entity ID,
 * Compare must say identical) and the history (daily versions with a hash, a chosen one planned,
 * then restored).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import {
	assertSuccess,
	latestConfig,
	readJson,
	RESOLUTION,
	runError,
	scenario,
	type Item,
	type Scenario,
} from './scenario';

/** The running configuration in the simulator's seed (it keeps two versions; the last one runs). */
const RUNNING = '/resolution/configVersions/1';

/** The clone's own configuration, made once in its UI: the entity ID of its base URL, its own IdP. */
export const CLONE_OWN_CONFIG_PATCH = (
	simUrl: string,
	entityId = `${simUrl}/plugins/servlet/samlsso`,
) => [
	{ op: 'replace', path: `${RUNNING}/entityId`, value: entityId },
	{
		op: 'replace',
		path: `${RUNNING}/idps/0/entityId`,
		value: 'https://idp.staging.example.com/identifier/',
	},
	{
		op: 'replace',
		path: `${RUNNING}/idps/0/metadataurl`,
		value: 'https://idp.staging.example.com/identifier/metadata',
	},
	{
		op: 'replace',
		path: `${RUNNING}/lastModified`,
		value: '2026-11-30T08:00:00Z',
	},
];
/** A clone configuration saved with an entity ID that the reset will not give (another base URL). */
export const CLONE_WITH_OTHER_ENTITY_ID_PATCH = (simUrl: string) =>
	CLONE_OWN_CONFIG_PATCH(simUrl, 'https://jira.staging.example.com/plugins/servlet/samlsso');

export const HISTORY_DAILY_TRIGGER = 'Every Day at 02:00';
/** Before each daily run: nothing (the seed), then a change, then another. */
export const HISTORY_CHANGES: unknown[] = [
	undefined,
	[{ op: 'replace', path: `${RUNNING}/sessionTimeoutInMinutes`, value: 480 }],
	[{ op: 'replace', path: `${RUNNING}/idps/1/name`, value: 'TIDP (renamed)' }],
];

interface Row {
	id: number;
	capturedAt: string;
	kind: string;
	hash: string;
	config: string;
}
const rows = (dir: string, name: string) => readJson<Row[]>(join(dir, name, 'rows.json'));
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const GET_CONFIG = `GET ${RESOLUTION}/config`;
const PUT_CONFIG = `PUT ${RESOLUTION}/config`;

/** The one row a run added: its kind, its hash the SHA-256 of its text, its text the configuration BEFORE. */
function assertStoredVersion(added: Row[], kind: string, config: unknown) {
	assert.equal(added.length, 1, `rows added: ${JSON.stringify(added.map((r) => r.kind))}`);
	const [row] = added;
	assert.equal(row.kind, kind);
	assert.equal(row.hash, sha256(row.config), 'hash is the SHA-256 of the stored text');
	assert.ok(!Number.isNaN(Date.parse(row.capturedAt)), `capturedAt ${row.capturedAt}`);
	assert.deepEqual(JSON.parse(row.config), config, 'the stored text is the configuration');
}

/**
 * The one PUT sent TEXT as its body, the server then holds it, the Compare node said identical and
 * the run ended in the DONE node.
 */
function assertUploadedAndCompared(s: Scenario, text: string, compare: string, done: string) {
	const puts = s.requests.filter((r) => r.method === 'PUT');
	assert.equal(puts.length, 1, 'PUT requests');
	assert.equal(puts[0].body, text, 'the PUT body is the stored text');
	assert.deepEqual(latestConfig(s.after), JSON.parse(text));
	assert.deepEqual(
		(s.output(compare) ?? []).map((i) => i.identical),
		[true],
	);
	assert.equal(s.output(done)?.length, 1);
}

const addedBy = (dir: string, name: string, before: string | undefined) => {
	const known = new Set(before ? rows(dir, before).map((r) => r.id) : []);
	return rows(dir, name).filter((r) => !known.has(r.id));
};

export function cloneRefreshChecks(dir: string): Array<[string, () => void]> {
	return [
		[
			"example clone-refresh-save: the clone's own configuration read as the server's file and stored with kind clone and its SHA-256",
			() => {
				const s = scenario(dir, 'clone-refresh-save');
				assertSuccess(s);
				assert.deepEqual(s.calls, [GET_CONFIG]);
				assertStoredVersion(
					addedBy(dir, 'clone-refresh-save', undefined),
					'clone',
					latestConfig(s.before),
				);
			},
		],
		[
			"example clone-refresh: production's copy stored, the clone's own configuration uploaded byte for byte, entity ID reset, Compare identical",
			() => {
				const s = scenario(dir, 'clone-refresh');
				assertSuccess(s);
				assert.deepEqual(s.calls, [
					GET_CONFIG, // production's configuration, as the refresh copied it: kept in the table
					PUT_CONFIG,
					GET_CONFIG, // Reset Entity ID reads the entity ID before and after
					`POST ${RESOLUTION}/reset/entityid`,
					GET_CONFIG,
					GET_CONFIG, // Compare
				]);
				const [saved] = rows(dir, 'clone-refresh-save').filter((r) => r.kind === 'clone');
				assertUploadedAndCompared(
					s,
					saved.config,
					'Compare With the Saved Config',
					'Clone Refreshed',
				);
				assertStoredVersion(
					addedBy(dir, 'clone-refresh', 'clone-refresh-save'),
					'before clone refresh',
					latestConfig(s.before),
				);
			},
		],
		[
			'example clone-refresh: a saved entity ID the reset cannot give back fails the execution, naming entityId',
			() => {
				const s = scenario(dir, 'clone-refresh-entity-id-differs');
				assert.equal(s.status, 'error', runError(s));
				assert.equal(s.error?.node?.name, 'Fail: Clone Differs');
				assert.match(
					String(s.error?.message),
					/^After the upload and the entity ID reset, the clone's configuration differs from the one saved before the refresh: .*entityId/,
				);
				assert.equal(s.calls.length, 6, s.calls.join(', '));
				assert.equal(s.output('Clone Refreshed'), undefined);
			},
		],
	];
}

export function historyChecks(dir: string): Array<[string, () => void]> {
	const daily = ['history-daily-1', 'history-daily-2', 'history-daily-3'];
	return [
		[
			'example sso-config-history unedited: no version chosen, the execution fails saying what to set, nothing sent',
			() => {
				const s = scenario(dir, 'history-unedited');
				assert.equal(s.status, 'error', runError(s));
				assert.equal(s.error?.node?.name, 'Fail: No Such Version');
				assert.match(
					String(s.error?.message),
					/^No version in the data table sso_config_history has the hash "". Copy a hash/,
				);
				assert.deepEqual(s.calls, []);
			},
		],
		[
			'example sso-config-history daily: three runs with a change between store three versions, each with its own hash',
			() => {
				const hashes = daily.map((name, index) => {
					const s = scenario(dir, name);
					assertSuccess(s);
					assert.deepEqual(s.calls, [GET_CONFIG]);
					const added = addedBy(dir, name, index ? daily[index - 1] : 'history-unedited');
					assertStoredVersion(added, 'daily', latestConfig(s.before));
					return added[0].hash;
				});
				assert.equal(new Set(hashes).size, 3);
			},
		],
		[
			'example sso-config-history restore switched off: the plan of the first version only, nothing changed',
			() => {
				const s = scenario(dir, 'history-plan');
				assertSuccess(s);
				assert.deepEqual(s.calls, [GET_CONFIG]);
				assert.deepEqual(s.after.resolution.configVersions, s.before.resolution.configVersions);
				const [plan] = (s.output('Plan the Restore') ?? []) as Item[];
				assert.equal(plan?.dryRun, true);
				assert.equal((plan?.summary as string[]).length, 2, JSON.stringify(plan?.summary));
				assert.equal(s.output('Plan Only')?.length, 1);
				assert.equal(s.output('Restore the Version'), undefined);
			},
		],
		[
			'example sso-config-history restore: the current version stored, the first one uploaded byte for byte, Compare identical',
			() => {
				const s = scenario(dir, 'history-restore');
				assertSuccess(s);
				assert.deepEqual(s.calls, [GET_CONFIG, GET_CONFIG, PUT_CONFIG, GET_CONFIG]);
				const chosen = readJson<Row>(join(dir, 'history-chosen.json'));
				assert.equal(chosen.hash, addedBy(dir, daily[0], 'history-unedited')[0].hash);
				assertUploadedAndCompared(s, chosen.config, 'Compare With the Chosen Version', 'Restored');
				assertStoredVersion(
					addedBy(dir, 'history-restore', 'history-plan'),
					'before restore',
					latestConfig(s.before),
				);
			},
		],
	];
}
