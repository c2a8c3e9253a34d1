import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { mutationOptions, isDryRun, sendMutation, requiredString } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { CONTENT_TYPE, configPath } from '../../api';
import { configAfterChange, readConfig } from '../../reads';
import { planOfReplace } from '../../dryRunPlan';
import {
	assertNossoWayIn,
	skipLockoutCheckOption,
	uploadWarnings,
	withoutOwnWarnings,
} from '../../configChecks';
import { withoutCertificateInfo } from '../../certificateInfo';
import {
	assertConfigObject,
	includePreviousOption,
	jsonParameter,
	parseJsonText,
	refuse,
} from '../../parameters';

const UTF8_BOM = '\uFEFF';

/** The configuration to send, as exact JSON text: what came is what is sent, no field dropped or reordered. */
export async function configText(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const source = ctx.getNodeParameter('source', itemIndex, 'inputItem') as string;
	if (source === 'json') {
		const { text, value } = jsonParameter(ctx, 'config', itemIndex);
		assertConfigObject(ctx, itemIndex, value, 'parameter "config"');
		const own = withoutOwnAdditions(value as IDataObject);
		if (own) return JSON.stringify(own);
		return text ?? JSON.stringify(value);
	}
	if (source === 'binary') {
		const property = requiredString(ctx, 'binaryPropertyName', itemIndex);
		const item = ctx.getInputData()[itemIndex];
		if (!item?.binary?.[property]) {
			throw refuse(
				ctx,
				itemIndex,
				`The input item has no binary property "${property}"`,
				'Set "Input Binary Field" to the name of the property that holds saml.json.',
			);
		}
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		// A UTF-8 byte order mark is the only byte removed: JSON parsers on the server reject it.
		let text = buffer.toString('utf8');
		if (text.startsWith(UTF8_BOM)) text = text.slice(1);
		const value = parseJsonText(ctx, itemIndex, text, `file in binary property "${property}"`);
		assertConfigObject(ctx, itemIndex, value, `the file in binary property "${property}"`);
		return text;
	}
	const json = ctx.getInputData()[itemIndex]?.json;
	assertConfigObject(ctx, itemIndex, json, 'the input item');
	// What config.get added beside the certificates, and Replace's warnings, are not the app's: left out.
	return JSON.stringify(withoutOwnAdditions(json as IDataObject) ?? json);
}

/** The configuration without what this node added to it (certificateInfo, warnings), or undefined when it has none. */
function withoutOwnAdditions(config: IDataObject): IDataObject | undefined {
	const withoutInfo = withoutCertificateInfo(config);
	const base = withoutInfo ?? config;
	return withoutOwnWarnings(base) ?? withoutInfo;
}

export const replace: Operation = {
	option: {
		name: 'Replace',
		value: 'replace',
		action: 'Replace the SAML SSO configuration',
		description:
			'Upload a whole SAML SSO configuration (for a clone: its own configuration, saved before the refresh). The app does not reload IdP metadata after an upload: the output warns of each IdP that keeps its uploaded metadata. Replaces the running configuration.',
	},
	serverWide: true,
	properties: [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'inputItem',
			options: [
				{
					name: 'Input Item',
					value: 'inputItem',
					description: "The input item's JSON is the configuration (as Config → Get outputs it)",
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'The configuration in the Configuration (JSON) parameter',
				},
				{
					name: 'Binary File',
					value: 'binary',
					description:
						'A configuration file (as downloaded) in a binary property of the input item',
				},
			],
			description:
				"Where the configuration comes from. It is sent exactly as it is: no field dropped, reordered or renamed (only the IdPs' certificateInfo that Config → Get adds is left out).",
		},
		{
			displayName: 'Configuration (JSON)',
			name: 'config',
			type: 'json',
			default: '',
			placeholder:
				'{ "entityId": "https://jira.example.com/plugins/servlet/samlsso", "idps": [ … ] }',
			required: true,
			description: 'The whole configuration as one JSON object',
			displayOptions: { show: { source: ['json'] } },
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The binary property of the input item that holds the configuration file',
			displayOptions: { show: { source: ['binary'] } },
		},
		mutationOptions(includePreviousOption, skipLockoutCheckOption),
	],
	async execute(itemIndex) {
		const text = await configText(this, itemIndex);
		const sending = JSON.parse(text) as unknown;
		assertNossoWayIn(this, itemIndex, sending);
		// The same whole configuration again leaves the same configuration.
		const request = {
			method: 'PUT' as const,
			path: configPath(),
			rawBody: text,
			contentType: CONTENT_TYPE.config,
			idempotent: true,
		};
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const previous =
			options.includePrevious === true && !isDryRun(this, itemIndex)
				? (await readConfig(this, itemIndex, true)).config
				: undefined;
		const sent = await sendMutation(this, itemIndex, request);
		if ('dryRun' in sent)
			return { ...sent.dryRun, ...(await planOfReplace(this, itemIndex, text)) };
		const current = await configAfterChange(this, itemIndex, sent.response);
		const warnings = uploadWarnings(sending);
		const extra = warnings.length ? { warnings } : {};
		return previous === undefined ? { ...current, ...extra } : { previous, current, ...extra };
	},
};
