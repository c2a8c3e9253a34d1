import { X509Certificate } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { appRequests, calls, latestConfig, run, useSimulator } from './helpers';

const ctx = useSimulator();
const CONFIG = '/jira/rest/samlsso-admin/1.0/config';

/** What a certificate is, read by node's X509Certificate (not the node's code). */
function described(base64Der: string) {
	const cert = new X509Certificate(Buffer.from(base64Der, 'base64'));
	return {
		subject: cert.subject.trim().split('\n').join(', '),
		fingerprint: cert.fingerprint256,
		notAfter: new Date(cert.validTo).toISOString(),
	};
}

const idps = (config: IDataObject) => config.idps as IDataObject[];

/** A copy of an object without some keys. */
function omit(object: IDataObject, ...keys: string[]): IDataObject {
	const copy = { ...object };
	for (const key of keys) delete copy[key];
	return copy;
}

describe('config.get: certificateInfo beside each IdP’s certificates', () => {
	test('each IdP gets {subject, fingerprint, notAfter, daysLeft} right after its raw certificates, nothing else changes', async () => {
		const { sim } = ctx;
		const stored = latestConfig(sim);
		const r = await run(sim, { resource: 'config', operation: 'get' });
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json).toHaveLength(1);
		const out = r.json[0];
		// The simulator's three IdPs expire 300, 45 and 800 days after it started: whole days left, rounded down.
		expect(
			idps(out).map((idp) => (idp.certificateInfo as IDataObject[]).map((c) => c.daysLeft)),
		).toEqual([[299], [44], [799]]);
		idps(out).forEach((idp, i) => {
			const raw = idps(stored)[i].certificates as string[];
			expect(idp.certificates).toEqual(raw);
			const info = idp.certificateInfo as IDataObject[];
			expect(info).toEqual([{ ...described(raw[0]), daysLeft: info[0].daysLeft }]);
			const keys = Object.keys(idp);
			expect(keys[keys.indexOf('certificates') + 1]).toBe('certificateInfo');
			expect(omit(idp, 'certificateInfo')).toEqual(idps(stored)[i]);
		});
		expect(idps(out)[1].certificateInfo).toEqual([
			expect.objectContaining({ subject: 'CN=some.idp.com signing' }),
		]);
		expect(omit(out, 'idps')).toEqual(omit(stored, 'idps'));
	});

	test('two certificates in one IdP give two entries; a text that is not a certificate gives an empty list', async () => {
		const { sim } = ctx;
		const config = latestConfig(sim);
		const [first, second] = idps(config);
		const two = [(first.certificates as string[])[0], (second.certificates as string[])[0]];
		first.certificates = two;
		second.certificates = ['not a certificate'];
		const r = await run(sim, { resource: 'config', operation: 'get' });
		const [a, b] = idps(r.json[0]);
		expect((a.certificateInfo as IDataObject[]).map((c) => c.fingerprint)).toEqual(
			two.map((c) => described(c).fingerprint),
		);
		expect(b.certificateInfo).toEqual([]);
		expect(b.certificates).toEqual(['not a certificate']);
	});

	test('the file output stays byte for byte what the server sent (no certificateInfo)', async () => {
		const { sim } = ctx;
		const r = await run(sim, {
			resource: 'config',
			operation: 'get',
			options: { putOutputInFile: true },
		});
		const text = Buffer.from(r.items[0].binary!.data.data, 'base64').toString('utf8');
		expect(text).not.toContain('certificateInfo');
		expect(JSON.parse(text)).toEqual(latestConfig(sim));
	});
});

describe('config.replace and compare leave out the certificateInfo that Get added', () => {
	test('Get → Replace (input item) sends the app exactly its own configuration', async () => {
		const { sim } = ctx;
		const before = JSON.stringify(latestConfig(sim));
		const got = await run(sim, { resource: 'config', operation: 'get' });
		sim.requests.length = 0;
		const r = await run(
			sim,
			{ resource: 'config', operation: 'replace' },
			{ input: [got.json[0]] },
		);
		expect(r.error).toBeUndefined();
		const puts = appRequests(sim).filter((q) => q.method === 'PUT');
		expect(puts).toHaveLength(1);
		expect(puts[0].body).toBe(before);
		expect(JSON.stringify(latestConfig(sim))).toBe(before);
	});

	test('Get → Replace (JSON parameter) sends the app exactly its own configuration', async () => {
		const { sim } = ctx;
		const before = JSON.stringify(latestConfig(sim));
		const got = await run(sim, { resource: 'config', operation: 'get' });
		sim.requests.length = 0;
		const r = await run(sim, {
			resource: 'config',
			operation: 'replace',
			source: 'json',
			config: JSON.stringify(got.json[0], null, 2),
		});
		expect(r.error).toBeUndefined();
		const puts = appRequests(sim).filter((q) => q.method === 'PUT');
		expect(puts.map((q) => q.body)).toEqual([before]);
	});

	test('a certificateInfo that does not name the IdP’s certificates is the author’s field and is sent', async () => {
		const { sim } = ctx;
		const config = JSON.parse(JSON.stringify(latestConfig(sim))) as IDataObject;
		idps(config)[0].certificateInfo = [{ fingerprint: 'AA:BB' }];
		const r = await run(sim, { resource: 'config', operation: 'replace' }, { input: [config] });
		expect(r.error).toBeUndefined();
		const puts = appRequests(sim).filter((q) => q.method === 'PUT');
		expect(puts.map((q) => q.body)).toEqual([JSON.stringify(config)]);
	});

	test('Get → Compare finds no difference', async () => {
		const { sim } = ctx;
		const got = await run(sim, { resource: 'config', operation: 'get' });
		sim.requests.length = 0;
		const r = await run(
			sim,
			{ resource: 'config', operation: 'compare' },
			{ input: [got.json[0]] },
		);
		expect(r.error).toBeUndefined();
		expect(calls(sim)).toEqual([`GET ${CONFIG}`]);
		expect(r.json).toHaveLength(1);
		expect(r.json[0]).toMatchObject({ identical: true });
	});
});
