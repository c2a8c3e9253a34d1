/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { adminBasic } from '../support/credentials';
import { runNode, type NodeRun } from '../harness/runNode';
import type { Simulator } from '../simulator';

export const PREFIX = '/rest/authconfig/1.0';

/** PEM fixtures made with openssl: two valid for 20 years (from 2026), one expired on 2021-01-01. */
export const pem = (name: 'idp-signing-a' | 'idp-signing-b' | 'expired') =>
	readFileSync(join(__dirname, 'fixtures', `${name}.pem`), 'utf8');

/** The bare base64 DER of a PEM: what the node sends and the app shows. */
export const der = (text: string) =>
	text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

export async function run(
	sim: Simulator,
	parameters: INodeParameters,
	extra: { input?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	return await runNode({
		node: 'atlassianDcSso',
		parameters,
		credentials: adminBasic(sim),
		...extra,
	});
}

/** What the simulator received, parsed. */
export function received(sim: Simulator) {
	return sim.requests.map((r) => ({
		method: r.method,
		rawPath: r.rawPath,
		query: r.query,
		body: r.body ? (JSON.parse(r.body) as unknown) : undefined,
	}));
}
