import { X509Certificate } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { useSimulator } from '../support/simulator';
import { pem, PREFIX, received, run } from './helpers';

const ctx = useSimulator();
const P = `/jira${PREFIX}`;

/** What one PEM or base64 DER certificate is, read by node's X509Certificate (not the node's code). */
function described(text: string) {
	const body = text.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
	const cert = new X509Certificate(Buffer.from(body, 'base64'));
	return {
		subject: cert.subject.trim().split('\n').join(', '),
		fingerprint: cert.fingerprint256,
		notAfter: new Date(cert.validTo).toISOString(),
	};
}

/** A copy of an object without some keys. */
function omit(object: IDataObject, ...keys: string[]): IDataObject {
	const copy = { ...object };
	for (const key of keys) delete copy[key];
	return copy;
}

describe('identityProvider.getAll / get: certificateInfo beside a SAML certificate', () => {
	test('getAll: each SAML IdP gets it right after its raw certificate; OIDC IdPs are unchanged', async () => {
		const { sim } = ctx;
		const stored = sim.state.authconfig.idps.map((idp) => ({ ...idp }));
		const r = await run(sim, {
			resource: 'identityProvider',
			operation: 'getAll',
			returnAll: true,
		});
		expect(r.error).toBeUndefined();
		expect(received(sim).map((q) => `${q.method} ${q.rawPath}`)).toEqual([`GET ${P}/idps`]);
		expect(r.json).toHaveLength(6);
		const saml = r.json.filter((idp) => idp['sso-type'] === 'SAML');
		const oidc = r.json.filter((idp) => idp['sso-type'] === 'OIDC');
		expect(saml.map((idp) => idp.id)).toEqual([1, 2, 4, 6]);
		// The simulator's SAML certificates expire 400, 700, 1000 and 20 days after it started.
		expect(
			saml.map((idp) => (idp.certificateInfo as IDataObject[]).map((c) => c.daysLeft)),
		).toEqual([[399], [699], [999], [19]]);
		for (const idp of saml) {
			const info = idp.certificateInfo as IDataObject[];
			expect(info).toEqual([
				{ ...described(idp.certificate as string), daysLeft: info[0].daysLeft },
			]);
			const keys = Object.keys(idp);
			expect(keys[keys.indexOf('certificate') + 1]).toBe('certificateInfo');
		}
		expect(oidc).toHaveLength(2);
		for (const idp of oidc) expect(idp).not.toHaveProperty('certificateInfo');
		r.json.forEach((idp, i) => {
			expect(omit(idp, 'certificateInfo')).toEqual(omit(stored[i], 'client-secret'));
		});
	});

	test('get: a PEM bundle gives one entry per certificate; an expired one has negative days left', async () => {
		const { sim } = ctx;
		const idp = sim.state.authconfig.idps.find((i) => i.id === 1)!;
		idp.certificate = `${pem('idp-signing-a')}\n${pem('expired')}`;
		const r = await run(sim, { resource: 'identityProvider', operation: 'get', idpId: '1' });
		expect(r.error).toBeUndefined();
		expect(received(sim).map((q) => `${q.method} ${q.rawPath}`)).toEqual([`GET ${P}/idps/1`]);
		const info = r.json[0].certificateInfo as IDataObject[];
		expect(info.map((c) => omit(c, 'daysLeft'))).toEqual([
			described(pem('idp-signing-a')),
			described(pem('expired')),
		]);
		const expired = info[1];
		expect(expired.notAfter).toBe('2021-01-01T00:00:00.000Z');
		expect(expired.daysLeft).toBeLessThan(0);
		expect(r.json[0].certificate).toBe(`${pem('idp-signing-a')}\n${pem('expired')}`);
	});

	test('get: a certificate that does not parse gives an empty list, the raw value as it is', async () => {
		const { sim } = ctx;
		sim.state.authconfig.idps.find((i) => i.id === 2)!.certificate = 'garbled';
		const r = await run(sim, { resource: 'identityProvider', operation: 'get', idpId: '2' });
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ certificate: 'garbled', certificateInfo: [] });
	});

	test('get of an OIDC IdP has no certificateInfo', async () => {
		const { sim } = ctx;
		const r = await run(sim, { resource: 'identityProvider', operation: 'get', idpId: '5' });
		expect(r.json[0]['sso-type']).toBe('OIDC');
		expect(r.json[0]).not.toHaveProperty('certificateInfo');
	});
});
