/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/** Each mechanism exists once (item loop, dry runs, isRecord, the User-Agent's version), at the cost it should have. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { INode } from 'n8n-workflow';

import { sync } from '../../nodes/ResolutionSamlSso/actions/connector/sync';
import { chunksByKey } from '../../nodes/shared/node';
import { cancellableSleep, PACKAGE_VERSION, USER_AGENT } from '../../nodes/shared/http';
import { run, setTitle, useSimulator } from './helpers';

const ctx = useSimulator();
const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
	});
}
const SOURCES = [
	...sourceFiles(join(ROOT, 'nodes')),
	...sourceFiles(join(ROOT, 'credentials')),
].map((path) => ({
	path: path.slice(ROOT.length + 1),
	text: readFileSync(path, 'utf8'),
}));
const filesMatching = (pattern: RegExp) =>
	SOURCES.filter((f) => pattern.test(f.text)).map((f) => f.path);

describe('AD user.update with Combine Items groups in linear time', () => {
	test('grouping is linear: 200,000 items take about ten times as long as 20,000, not a hundred (the copying version was quadratic)', () => {
		const entriesOf = (n: number) =>
			Array.from({ length: n }, (_, i) => ({ connectionId: String(1 + (i % 2)), itemIndex: i }));
		const small = entriesOf(20_000);
		const large = entriesOf(200_000);
		const time = (entries: typeof small) => {
			const started = performance.now();
			chunksByKey(entries, (e) => e.connectionId, 100);
			return performance.now() - started;
		};
		time(small);
		time(large);
		// Interleaved pairs, median ratio: a pause of the machine or the garbage collector spoils one pair, not the figure.
		const ratios = Array.from({ length: 7 }, () => time(large) / time(small)).sort((a, b) => a - b);
		const ratio = ratios[3];
		const chunks = chunksByKey(entriesOf(50_000), (e) => e.connectionId, 100);
		expect(chunks).toHaveLength(500);
		expect(chunks[0].map((e) => e.itemIndex)).toEqual(Array.from({ length: 100 }, (_, i) => 2 * i));
		expect(chunks[1][0].itemIndex).toBe(1);
		expect(chunks.every((c) => c.every((e) => e.connectionId === c[0].connectionId))).toBe(true);
		expect(ratio).toBeLessThan(40);
	});

	test('1,000 combined items of two connections in the engine: PUTs of 100 per connection, every item paired with its own output', async () => {
		const { sim } = ctx;
		const input = sim.state.deviniti.users
			.slice(0, 1000)
			.map((u) => ({ key: u.userKey, connection: u.connectionId }));
		const puts = ['1', '2'].reduce(
			(sum, c) => sum + Math.ceil(input.filter((i) => i.connection === c).length / 100),
			0,
		);
		const r = await run(
			sim,
			'adAttributesSync',
			{
				resource: 'user',
				operation: 'update',
				connectionId: '={{ $json.connection }}',
				userKey: '={{ $json.key }}',
				fields: { field: [{ name: 'title', value: '={{ $json.key }}' }] },
				options: { combineItems: true, batchSize: 100 },
			},
			{ input },
		);
		expect(r.error).toBeUndefined();
		expect(sim.requests.filter((q) => q.method === 'PUT')).toHaveLength(puts);
		expect(sim.state.deviniti.users[999].fields.title).toBe(input[999].key);
		expect(r.items.map((i) => i.pairedItem)).toEqual(input.map((_, item) => ({ item })));
		expect(r.json.map((j) => j.userKey)).toEqual(input.map((i) => i.key));
	});
});

test('Kantega add with "Succeed If Already Managed" on an unknown IdP: the error names the POST, not the follow-up GET', async () => {
	const { sim } = ctx;
	const r = await run(sim, 'kantegaSso', {
		resource: 'managedGroup',
		operation: 'add',
		idpId: 'no-such-idp',
		group: 'g',
		options: { ignoreIfExists: true },
	});
	expect(r.error?.message).toMatch(
		/\(POST \/rest\/ksso\/api\/idp\/1.0\/managedgroups\/no-such-idp\/groups\/g answered 400\)/,
	);
	expect(r.error?.message).not.toMatch(/GET/);
	expect(sim.requests.map((q) => q.method)).toEqual(['POST', 'GET']);
});

describe('one item loop', () => {
	test('no node reads its input items to loop over them outside nodes/shared/node/itemLoop.ts', () => {
		expect(filesMatching(/\bexecuteAll\b/)).toEqual([]);
		expect(
			filesMatching(/getInputData\(\)\s*\.(forEach|map)|for \(.* of .*getInputData\(\)/),
		).toEqual(['nodes/shared/node/itemLoop.ts']);
	});

	test('AD user.update, combined: a failing batch fails its own items, in place and paired, with continue on fail', async () => {
		const { sim } = ctx;
		sim.setFault({ kind: 'serverError', method: 'PUT', times: 1 });
		const input = [1, 2, 3, 4].map((i) => ({ key: `JIRAUSER${10100 + i}` }));
		const r = await run(
			sim,
			'adAttributesSync',
			{ ...setTitle('={{ $json.key }}'), options: { combineItems: true, batchSize: 2 } },
			{ input, continueOnFail: true },
		);
		expect(r.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(r.json.map((j) => (j.error ? 'error' : j.updated))).toEqual([
			'error',
			'error',
			true,
			true,
		]);
	});
});

test('cancellableSleep clears its timer when the execution is cancelled', async () => {
	jest.useFakeTimers();
	try {
		const controller = new AbortController();
		const node = { name: 'Node' } as INode;
		const waiting = cancellableSleep(
			{ getNode: () => node, getExecutionCancelSignal: () => controller.signal },
			60_000,
		);
		expect(jest.getTimerCount()).toBe(1);
		controller.abort();
		await expect(waiting).rejects.toThrow('The execution was cancelled');
		expect(jest.getTimerCount()).toBe(0);
	} finally {
		jest.useRealTimers();
	}
});

test('the version in the User-Agent is read from package.json, which the build emits beside the code', () => {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		version: string;
		dependencies?: object;
	};
	expect(PACKAGE_VERSION).toBe(pkg.version);
	expect(USER_AGENT).toContain(`/${pkg.version} `);
	expect(filesMatching(/PACKAGE_VERSION\s*=\s*['"`]/)).toEqual([]);
	const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
		include: string[];
		compilerOptions: { resolveJsonModule: boolean };
	};
	expect(tsconfig.include).toContain('package.json');
	expect(tsconfig.compilerOptions.resolveJsonModule).toBe(true);
	expect(pkg.dependencies ?? {}).toEqual({});
});

test('one isRecord and one optionalString', () => {
	expect(filesMatching(/function isRecord\b|const isRecord\s*=/)).toEqual([
		'nodes/shared/json/json.ts',
	]);
	expect(filesMatching(/function optionalString\b|const optionalString\s*=/)).toEqual([
		'nodes/shared/node/parameters.ts',
	]);
});

test('every dry run is made by the shared mutation helper', () => {
	expect(filesMatching(/\bdryRunOutput\(/).sort()).toEqual([
		'nodes/shared/http/transport.ts',
		'nodes/shared/node/mutation.ts',
	]);
	expect(filesMatching(/dryRun:\s*true/)).toEqual(['nodes/shared/http/transport.ts']);
});

describe("Sync's poll interval: the same minimum in code and panel", () => {
	test('the panel says 1 second', () => {
		const options = sync.properties.find((p) => p.name === 'options')!;
		const interval = (
			options.options as Array<{ name: string; typeOptions?: { minValue?: number } }>
		).find((o) => o.name === 'pollIntervalSeconds');
		expect(interval?.typeOptions?.minValue).toBe(1);
	});

	test("an expression giving 0.1 s is refused with the panel's bounds, no sync started", async () => {
		const { sim } = ctx;
		const r = await run(sim, 'resolutionSamlSso', {
			resource: 'connector',
			operation: 'sync',
			connectorId: '1',
			options: { waitForCompletion: true, pollIntervalSeconds: '={{ 0.1 }}' },
		});
		expect(r.error?.message).toBe(
			'The parameter "options.pollIntervalSeconds" must be a number from 1 to 3600, not 0.1',
		);
		expect(sim.requests).toEqual([]);
	});
});
