import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

import { emptyParameterError } from './parameters';

export interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	/** The `listSearch` method of the node that lists the values. */
	searchListMethod: string;
	required?: boolean;
	/** The second mode, for values typed in: "By ID" unless told (for example "By Name"). */
	idMode?: { displayName?: string; placeholder: string; regex?: string; errorMessage?: string };
	/** A third mode for an app page URL that carries the id; `extractRegex` has one group: the id. */
	urlMode?: { placeholder: string; extractRegex: string };
}

/* eslint-disable n8n-nodes-base/node-param-default-missing -- the modes of a resource locator are not parameters: they have no default */

/** A `resourceLocator` parameter with "From list" first (the default), then "By ID" and optionally "By URL". */
export function resourceLocator(spec: LocatorSpec): INodeProperties {
	const { idMode, urlMode } = spec;
	const modes: INodePropertyMode[] = [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
		},
		{
			displayName: idMode?.displayName ?? 'By ID',
			name: 'id',
			type: 'string',
			placeholder: idMode?.placeholder,
			...(idMode?.regex
				? {
						validation: [
							{
								type: 'regex',
								properties: {
									regex: idMode.regex,
									errorMessage: idMode.errorMessage ?? 'Not a valid ID',
								},
							},
						],
					}
				: {}),
		},
	];
	if (urlMode) {
		modes.push({
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: urlMode.placeholder,
			validation: [
				{
					type: 'regex',
					properties: { regex: urlMode.extractRegex, errorMessage: 'Not a URL of this app page' },
				},
			],
			extractValue: { type: 'regex', regex: urlMode.extractRegex },
		});
	}
	/* eslint-enable n8n-nodes-base/node-param-default-missing */
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes,
	};
}

/** What a resource locator, or a plain value (an expression, `$fromAI`, a workflow saved before it was a locator), holds. */
export function locatorText(value: unknown): string {
	const inner =
		typeof value === 'object' && value !== null && 'value' in value
			? (value as { value: unknown }).value
			: value;
	return typeof inner === 'number' ? String(inner) : typeof inner === 'string' ? inner.trim() : '';
}

/** A locator parameter of an operation, as text ('' when empty); a URL is reduced to its id. */
export function locatorValue(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	name: string,
	itemIndex = 0,
): string {
	const value =
		'getInputData' in ctx
			? ctx.getNodeParameter(name, itemIndex, '', { extractValue: true })
			: ctx.getNodeParameter(name, '', { extractValue: true });
	return locatorText(value);
}

/** A locator parameter that must not be empty: fails before anything is sent, naming the parameter. */
export function requiredLocator(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const text = locatorValue(ctx, name, itemIndex);
	if (!text) throw emptyParameterError(ctx, name, itemIndex);
	return text;
}

/** A list search's answer: the entries whose name or value contains the search text (any case). */
export function searchResults(
	entries: INodeListSearchItems[],
	filter?: string,
	paginationToken?: string,
): INodeListSearchResult {
	const wanted = filter?.trim().toLowerCase();
	const results = wanted
		? entries.filter(
				(e) =>
					e.name.toLowerCase().includes(wanted) || String(e.value).toLowerCase().includes(wanted),
			)
		: entries;
	return paginationToken ? { results, paginationToken } : { results };
}
