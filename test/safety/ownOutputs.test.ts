/**
 * resolution's Replace (and Compare, which takes what Replace takes) refuses every output this package
 * produces that is not a configuration: PUT as it is, each would wipe every identity provider.
 */
import { runNode } from '../harness/runNode';
import { useSimulator } from '../support/simulator';
import { OWN_OUTPUTS } from './ownOutputs';
import { basicCredentials } from './run';

const ctx = useSimulator();

describe.each(OWN_OUTPUTS)('$name', ({ make, shape, fix }) => {
	test.each(['replace', 'compare'])(
		'%s refuses it, names the shape and says what to use; nothing sent',
		async (operation) => {
			const { sim } = ctx;
			const output = await make(sim);
			const before = JSON.stringify(sim.state.resolution.configVersions);
			sim.requests.length = 0;
			const r = await runNode({
				node: 'resolutionSamlSso',
				parameters: { resource: 'config', operation },
				credentials: basicCredentials(sim),
				input: [output],
			});
			expect(r.error?.message).toMatch(/^The configuration from the input item is /);
			expect(r.error?.message).toMatch(shape);
			expect(r.error?.description).toMatch(
				/^Nothing was sent\. Replacing the configuration by it would remove every identity provider\./,
			);
			expect(r.error?.description).toMatch(fix);
			expect(sim.requests).toHaveLength(0);
			expect(JSON.stringify(sim.state.resolution.configVersions)).toBe(before);
		},
	);

	test('the same object as the JSON source is refused too', async () => {
		const { sim } = ctx;
		const output = await make(sim);
		sim.requests.length = 0;
		const r = await runNode({
			node: 'resolutionSamlSso',
			parameters: {
				resource: 'config',
				operation: 'replace',
				source: 'json',
				config: JSON.stringify(output),
			},
			credentials: basicCredentials(sim),
		});
		expect(r.error?.message).toMatch(/^The configuration from parameter "config" is /);
		expect(r.error?.message).toMatch(shape);
		expect(sim.requests).toHaveLength(0);
	});
});

test('a configuration that merely has fields of the same names is still sent', async () => {
	const { sim } = ctx;
	const config = {
		...sim.state.resolution.configVersions.at(-1),
		source: 'saml',
		current: 1,
		deleted: false,
	};
	const r = await runNode({
		node: 'resolutionSamlSso',
		parameters: { resource: 'config', operation: 'replace' },
		credentials: basicCredentials(sim),
		input: [config],
	});
	expect(r.error).toBeUndefined();
	expect(sim.state.resolution.configVersions.at(-1)).toEqual(config);
});
