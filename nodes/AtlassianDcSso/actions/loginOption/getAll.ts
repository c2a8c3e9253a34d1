import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../../shared/json';
import type { Operation } from '../../../shared/node';
import { expectArray, expectRecord, apiRequestJson } from '../../../shared/http';
import { loginOptionsPath } from '../../api';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many login options',
		description:
			'List the enabled ways to log in: the login form and each enabled identity provider. Changes nothing.',
	},
	properties: [],
	async execute(itemIndex) {
		const request = { method: 'GET' as const, path: loginOptionsPath() };
		const page = expectRecord(
			this,
			request,
			await apiRequestJson(this, request, itemIndex),
			itemIndex,
			'a page {"results": [...]}',
		);
		return expectArray<IDataObject>(
			this,
			request,
			page.results,
			itemIndex,
			'a list of login options in "results"',
			isRecord,
		);
	},
};
