/**
 * No password, token or OIDC client secret in any output, error or dry run: every operation with Basic auth
 * and with a personal access token, as a dry run, failing with "continue on fail" (the error becomes an
 * output item), and with a wrong password or token. The fault and hostile-input suites check every one of
 * their runs the same way (`leakedSecrets` in checks.ts).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { NodeRun } from '../harness/runNode';
import { startSimulator, type Simulator } from '../simulator';
import { CATALOGUE, labelOf, type CatalogueEntry } from './catalogue';
import { leakedSecrets, serializedRun } from './checks';
import { adminToken } from '../support/credentials';
import { basicCredentials, runEntry } from './run';

const CANARY_LOGIN = 'wrong-Passw0rd-c4n4ry-77a1';
const CANARY_BEARER = 'wrong-T0ken-c4n4ry-5e02';

interface Variant {
	name: string;
	applies: (entry: CatalogueEntry) => boolean;
	run: (entry: CatalogueEntry, sim: Simulator) => Promise<NodeRun>;
	/** Whether the run must fail (a variant that cannot fail proves nothing about errors). */
	fails: boolean;
}

const withCredentials =
	(credentials: (sim: Simulator) => ICredentialDataDecryptedObject) =>
	async (entry: CatalogueEntry, sim: Simulator) =>
		await runEntry(entry, sim, { credentials: credentials(sim) });

const VARIANTS: Variant[] = [
	{ name: 'Basic auth', applies: () => true, run: withCredentials(basicCredentials), fails: false },
	{
		name: 'personal access token',
		applies: () => true,
		run: withCredentials(adminToken),
		fails: false,
	},
	{
		name: 'dry run',
		applies: (entry) => entry.method !== 'GET',
		run: async (entry, sim) =>
			await runEntry(entry, sim, { parameters: { options: { dryRun: true } } }),
		fails: false,
	},
	{
		name: 'continue on fail (server error)',
		applies: () => true,
		run: async (entry, sim) => {
			sim.setFault({ kind: 'serverError', method: entry.method, times: 1 });
			return await runEntry(entry, sim, { credentials: adminToken(sim), continueOnFail: true });
		},
		fails: false,
	},
	{
		name: 'wrong password',
		applies: () => true,
		run: withCredentials((sim) => ({ ...basicCredentials(sim), password: CANARY_LOGIN })),
		fails: true,
	},
	{
		name: 'wrong token',
		applies: () => true,
		run: withCredentials((sim) => ({ ...adminToken(sim), personalAccessToken: CANARY_BEARER })),
		fails: true,
	},
];

const sims = new Map<CatalogueEntry, Simulator>();
beforeAll(async () => {
	for (const entry of CATALOGUE) sims.set(entry, await startSimulator());
});
afterAll(async () => await Promise.all([...sims.values()].map(async (sim) => await sim.close())));

describe.each(VARIANTS)(`no secret in outputs, errors or dry runs: $name`, (variant) => {
	const entries = CATALOGUE.filter(variant.applies);
	test(`${entries.length} operations`, async () => {
		const problems = await Promise.all(
			entries.map(async (entry) => {
				const sim = sims.get(entry)!;
				sim.reset();
				const run = await variant.run(entry, sim);
				const found = leakedSecrets(run);
				const text = serializedRun(run);
				const wrongBasic = Buffer.from(`admin:${CANARY_LOGIN}`).toString('base64');
				for (const wrong of [CANARY_LOGIN, CANARY_BEARER, wrongBasic])
					if (text.includes(wrong)) found.push('the wrong secret');
				if (variant.fails && !run.error) found.push('did not fail');
				if (variant.name === 'dry run' && run.json[0]?.dryRun !== true)
					found.push(`no dry run output: ${JSON.stringify(run.json).slice(0, 200)}`);
				if (
					variant.name.startsWith('continue') &&
					!run.json.some((item) => typeof item.error === 'string')
				)
					found.push('no error item');
				if (variant.name === 'dry run' && sim.requests.some((r) => r.method !== 'GET'))
					found.push('a dry run sent a change');
				return found.map((p) => `${labelOf(entry)}: ${p}`);
			}),
		);
		expect(problems.flat()).toEqual([]);
	});
});
