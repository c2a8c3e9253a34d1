/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { signingCertificates } from '../../nodes/AtlassianSsoTrigger/metadata';
import { certificateExpiringIn } from '../simulator/certificates';
import { activeTrigger, json, useSimulator } from './helpers';

const base64Of = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');

/** A SAML metadata document with these certificates, each in a KeyDescriptor of the given use. */
const metadata = (keys: Array<{ use?: 'signing' | 'encryption'; pem: string }>) =>
	`<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com"><md:IDPSSODescriptor>${keys
		.map(
			(k) =>
				`<md:KeyDescriptor${k.use ? ` use="${k.use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n${base64Of(k.pem).replace(/(.{64})/g, '$1\n')}\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
		)
		.join('')}</md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('certificateExpiring with checkMetadataUrls: the certificates IdPs publish in their metadata', () => {
	const ctx = useSimulator();
	const documents = new Map<string, string>();
	const served: string[] = [];
	let server: Server;
	let origin = '';
	beforeAll(async () => {
		server = createServer((req, res) => {
			served.push(req.url ?? '');
			const body = documents.get(req.url ?? '');
			res.writeHead(body ? 200 : 404, {
				'Content-Type': body ? 'application/samlmetadata+xml' : 'text/plain',
			});
			res.end(body ?? 'not found');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => {
		documents.clear();
		served.length = 0;
	});

	it('only signing certificates of a document (or those for any use), each once', () => {
		const signing = certificateExpiringIn('signing.idp.example.com', 10);
		const any = certificateExpiringIn('any.idp.example.com', 20);
		const encryption = certificateExpiringIn('encryption.idp.example.com', 5);
		const views = signingCertificates(
			metadata([
				{ use: 'signing', pem: signing },
				{ pem: any },
				{ use: 'encryption', pem: encryption },
				{ use: 'signing', pem: signing },
			]),
		);
		expect(views.map((v) => v.subject)).toEqual([
			'CN=signing.idp.example.com',
			'CN=any.idp.example.com',
		]);
	});

	it('a metadata-only certificate is reported with its IdP and URL; one also in the configuration once; a failing document is a failing source of its own', async () => {
		const config = ctx.sim.state.resolution.configVersions.at(-1) as {
			idps: Array<Record<string, unknown>>;
		};
		const metadataOnly = certificateExpiringIn('rollover.login.example.com', 5);
		documents.set('/azure', metadata([{ use: 'signing', pem: metadataOnly }]));
		// TIDP publishes the certificate it also has in the configuration (45 days left).
		documents.set(
			'/tidp',
			metadata([{ use: 'signing', pem: (config.idps[1].certificates as string[])[0] }]),
		);
		config.idps[0].metadataurl = `${origin}/azure`;
		config.idps[1].metadataurl = `${origin}/tidp`;
		config.idps[2].metadataurl = `${origin}/gone`;
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['resolutionConfig'],
			reminderDays: '60,7',
			checkMetadataUrls: true,
		});
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(json(first)).toEqual([
			expect.objectContaining({
				source: 'resolutionConfig',
				idpId: '2',
				idpName: 'TIDP',
				subject: 'CN=some.idp.com signing',
				reminder: 60,
			}),
			expect.objectContaining({
				source: 'resolutionConfig',
				idpId: '1',
				idpName: 'Azure AD',
				metadataUrl: `${origin}/azure`,
				subject: 'CN=rollover.login.example.com',
				daysLeft: 4,
				reminder: 7,
			}),
			{
				event: 'sourceFailed',
				source: 'idpMetadata',
				idpId: '3',
				metadataUrl: `${origin}/gone`,
				instance: { baseUrl: ctx.sim.url },
				error: { message: expect.stringMatching(/404/) },
			},
		]);
		expect(served.sort()).toEqual(['/azure', '/gone', '/tidp']);
		expect((await trigger.poll()).emitted).toBeNull();
	});

	it('off (the default): no metadata document is read', async () => {
		const config = ctx.sim.state.resolution.configVersions.at(-1) as {
			idps: Array<Record<string, unknown>>;
		};
		config.idps[0].metadataurl = `${origin}/azure`;
		const trigger = activeTrigger(ctx.sim, {
			event: 'certificateExpiring',
			sources: ['resolutionConfig'],
		});
		await trigger.poll();
		expect(served).toEqual([]);
	});
});
