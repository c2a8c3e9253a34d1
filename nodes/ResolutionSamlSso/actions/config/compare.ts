import type { Operation } from '../../../shared/node';
import type { JsonValue } from '../../../shared/json';
import { configPlan } from '../../configPlan';
import { readConfig } from '../../reads';
import { configText, replace } from './replace';

const SOURCE_PARAMETERS = ['source', 'config', 'binaryPropertyName'];

export const compare: Operation = {
	option: {
		name: 'Compare',
		value: 'compare',
		action: 'Compare a configuration with the server',
		description:
			"Compare the server's configuration with a given one (as Replace takes it) and output what would change; only reads",
	},
	properties: replace.properties.filter((property) => SOURCE_PARAMETERS.includes(property.name)),
	async execute(itemIndex) {
		const proposed = JSON.parse(await configText(this, itemIndex)) as JsonValue;
		const { config } = await readConfig(this, itemIndex, true);
		return configPlan((config ?? {}) as JsonValue, proposed);
	},
};
