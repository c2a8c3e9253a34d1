import type { IDataObject } from 'n8n-workflow';

import { mutationOptions, isDryRun, sendMutation } from '../../../shared/node';
import type { Operation } from '../../../shared/node';
import { CONTENT_TYPE, configPath } from '../../api';
import { configAfterChange, readConfig } from '../../reads';
import { patchResult, planOfPatch } from '../../dryRunPlan';
import { assertNossoWayIn, patchTouchesLogin, skipLockoutCheckOption } from '../../configChecks';
import type { JsonValue } from '../../../shared/json';
import {
	assertJsonPatch,
	assertMergePatch,
	includePreviousOption,
	jsonParameter,
} from '../../parameters';

export const patch: Operation = {
	option: {
		name: 'Patch',
		value: 'patch',
		action: 'Patch the SAML SSO configuration',
		description:
			'Change parts of the SAML SSO configuration with a JSON Merge Patch or a JSON Patch. Changes only the fields the patch names.',
	},
	serverWide: true,
	properties: [
		{
			displayName: 'Patch Format',
			name: 'patchFormat',
			type: 'options',
			default: 'mergePatch',
			options: [
				{
					name: 'JSON Merge Patch (RFC 7386)',
					value: 'mergePatch',
					description: 'The fragment of the configuration to change',
				},
				{
					name: 'JSON Patch (RFC 6902)',
					value: 'jsonPatch',
					description: 'A list of operations (add, remove, replace, move, copy, test)',
				},
			],
		},
		{
			displayName: 'Merge Patch',
			name: 'mergePatch',
			type: 'json',
			// No default change: an unedited node must change nothing; the example is only a placeholder.
			default: '',
			placeholder: '{\n  "redirectToSso": false\n}',
			required: true,
			description:
				'The fields to change; null removes a field. Sent with the merge patch content type.',
			displayOptions: { show: { patchFormat: ['mergePatch'] } },
		},
		{
			displayName: 'JSON Patch',
			name: 'jsonPatch',
			type: 'json',
			default: '',
			placeholder: '[\n  { "op": "replace", "path": "/redirectToSso", "value": false }\n]',
			required: true,
			description:
				'The operations, applied in order; a failed "test" stops the whole patch. Sent with the JSON Patch content type.',
			displayOptions: { show: { patchFormat: ['jsonPatch'] } },
		},
		mutationOptions(includePreviousOption, skipLockoutCheckOption),
	],
	async execute(itemIndex) {
		const format = this.getNodeParameter('patchFormat', itemIndex, 'mergePatch') as string;
		const body =
			format === 'jsonPatch'
				? assertJsonPatch(this, itemIndex, jsonParameter(this, 'jsonPatch', itemIndex).value)
				: assertMergePatch(this, itemIndex, jsonParameter(this, 'mergePatch', itemIndex).value);
		const contentType = format === 'jsonPatch' ? CONTENT_TYPE.jsonPatch : CONTENT_TYPE.mergePatch;
		// A merge patch sets values (twice = once); a JSON Patch may "add" to a list or "move", so it is not repeated.
		const request = {
			method: 'PATCH' as const,
			path: configPath(),
			body,
			contentType,
			idempotent: format !== 'jsonPatch',
		};
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const dryRun = isDryRun(this, itemIndex);
		const checked = options.skipLockoutCheck !== true && patchTouchesLogin(format, body);
		// One read serves the lockout check, the previous configuration and the dry run's plan.
		const before =
			checked || dryRun || options.includePrevious === true
				? (await readConfig(this, itemIndex)).config
				: undefined;
		if (checked && before) {
			const result = patchResult(before as JsonValue, format, body);
			if (result.ok) assertNossoWayIn(this, itemIndex, result.value);
		}
		const previous = options.includePrevious === true && !dryRun ? before : undefined;
		const sent = await sendMutation(this, itemIndex, request);
		if ('dryRun' in sent)
			return {
				...sent.dryRun,
				...planOfPatch(this, itemIndex, before as IDataObject, format, body),
			};
		const current = await configAfterChange(this, itemIndex, sent.response);
		return previous === undefined ? current : { previous, current };
	},
};
