/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { outputOf, PollingWorkflow } from '../harness/pollingWorkflow';
import { startSync, useSimulator } from './helpers';
import { adminBasic } from '../support/credentials';

const example = JSON.parse(
	readFileSync(join(__dirname, '..', '..', 'examples', 'sso-watch.json'), 'utf8'),
);
const SEND = 'Send Alert (e-mail or chat here)';

describe('examples/sso-watch.json: each trigger, polled as in an active workflow, ends in a readable alert text', () => {
	const ctx = useSimulator();
	const watch = (trigger: string) => new PollingWorkflow(example, adminBasic(ctx.sim), trigger);

	const at = () => `[${ctx.sim.url}] `;
	const escaped = () => at().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

	it('an IdP certificate inside 30 days: one alert at the first poll, naming the instance', async () => {
		const workflow = watch('IdP Certificate Expiring');
		await workflow.poll();
		expect(workflow.executions).toHaveLength(1);
		expect(outputOf(workflow.executions[0], SEND)).toEqual([
			{
				event: 'certificateExpiring',
				text: expect.stringMatching(
					new RegExp(
						`^${escaped()}` +
							String.raw`The signing certificate of IdP ADFS customers \(atlassianIdentityProviders\) expires in 19 days, on \d{4}-\d\d-\d\d\. CN=adfs.example.com/adfs signing, SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$`,
					),
				),
			},
		]);
		await workflow.poll();
		expect(workflow.executions).toHaveLength(1);
	});

	it('an SSO setting and an IdP changed by hand: one alert with a line per change', async () => {
		const workflow = watch('SSO Configuration Changed');
		await workflow.poll();
		ctx.sim.state.authconfig.idps[0].enabled = false;
		ctx.sim.state.authconfig.sso['show-login-form'] = false;
		await workflow.poll();
		expect(workflow.executions).toHaveLength(1);
		expect(outputOf(workflow.executions[0], SEND).map((i) => i.text)).toEqual([
			`${at()}SSO configuration changed (atlassianIdentityProviders):\n- IdP 1 'SAML SSO': enabled changed: true → false`,
			`${at()}SSO configuration changed (atlassianSsoSettings):\n- show-login-form changed: true → false`,
		]);
	});

	it('resolution not installed: one alert that its monitoring failed, then one per Atlassian change, naming the instance', async () => {
		ctx.sim.state.installedApps = ['authconfig'];
		const workflow = watch('SSO Configuration Changed');
		await workflow.poll();
		expect(outputOf(workflow.executions[0], SEND)).toEqual([
			{
				event: 'sourceFailed',
				text: expect.stringMatching(
					new RegExp(
						`^${escaped()}Monitoring of resolutionConfig failed: .*GET /rest/samlsso-admin/1.0/config answered 404`,
					),
				),
			},
		]);
		await workflow.poll();
		ctx.sim.state.authconfig.idps[1]['button-text'] = 'Sign in with Okta';
		await workflow.poll();
		await workflow.poll();
		expect(workflow.executions).toHaveLength(2);
		expect(outputOf(workflow.executions[1], SEND)).toEqual([
			{
				event: 'configurationChanged',
				text: `${at()}SSO configuration changed (atlassianIdentityProviders):\n- IdP 2 'Another SAML SSO': button-text changed: 'Log in with another IdP' → 'Sign in with Okta'`,
			},
		]);
	});

	it('a failed User Sync: one alert with its counts and messages; a clean one: none', async () => {
		const connector = ctx.sim.state.resolution.connectors[0];
		connector.statusReadsUntilDone = 0;
		const workflow = watch('User Sync Failed');
		await workflow.poll();
		await startSync(ctx.sim, '1');
		await workflow.poll();
		expect(workflow.executions).toHaveLength(0);
		connector.failWithCount = 4;
		await startSync(ctx.sim, '1');
		await workflow.poll();
		expect(outputOf(workflow.executions[0], SEND).map((i) => i.text)).toEqual([
			expect.stringMatching(
				/^\[http:\/\/127\.0\.0\.1:\d+\/jira\] User Sync of connector 1 finished: FAILED, 4 failed, 0 added, 2 updated, 0 deleted \(sync 101\)\n.*4 users could not be synchronized/s,
			),
		]);
	});
});
