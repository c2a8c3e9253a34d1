/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { HarnessNodeTypes, PACKAGE_PREFIX } from '../harness/nodeTypes';
import { SEARCH_WORDS } from '../browser/searchWords';

const ROOT = join(__dirname, '..', '..');
const REPO_DOCS =
	'https://github.com/n8n-nodes-atlassian-dc-identity/n8n-nodes-atlassian-dc-identity/blob/main/';
const NODES = {
	resolutionSamlSso: 'ResolutionSamlSso',
	adAttributesSync: 'AdAttributesSync',
	kantegaSso: 'KantegaSso',
	atlassianDcSso: 'AtlassianDcSso',
};

interface Codex {
	node: string;
	alias: string[];
	resources: Record<string, Array<{ url: string }>>;
}
const codexOf = (folder: string) =>
	JSON.parse(readFileSync(join(ROOT, 'nodes', folder, `${folder}.node.json`), 'utf8')) as Codex;
const nodeTypes = new HarnessNodeTypes();

describe.each(Object.entries(NODES))('%s', (name, folder) => {
	const codex = codexOf(folder);
	const { description } = nodeTypes.getByNameAndVersion(`${PACKAGE_PREFIX}.${name}`, 1);

	test('its docs links are pages of this repository without an anchor, so the query n8n appends keeps them working', () => {
		const urls = Object.values(codex.resources)
			.flat()
			.map((r) => r.url);
		expect(urls).toHaveLength(2);
		for (const url of urls) {
			expect(url.startsWith(REPO_DOCS)).toBe(true);
			expect(url).not.toContain('#');
			expect(existsSync(join(ROOT, url.slice(REPO_DOCS.length)))).toBe(true);
		}
	});

	test('its docs page names every operation', () => {
		const page = readFileSync(
			join(ROOT, codex.resources.primaryDocumentation[0].url.slice(REPO_DOCS.length)),
			'utf8',
		);
		const operations = description.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options ?? []) as Array<{ value: string }>);
		for (const { value } of operations) expect(page).toContain(`\`${value}\``);
	});

	test('each word an admin types for it is its display name or one of its aliases', () => {
		const words = Object.entries(SEARCH_WORDS)
			.filter(([, nodes]) => nodes.includes(name))
			.map(([word]) => word.toLowerCase());
		const haystack = [description.displayName, ...codex.alias].map((w) => w.toLowerCase());
		for (const word of words) expect(haystack.some((w) => w.includes(word))).toBe(true);
	});
});

describe('the screenshots the README and the docs pages show', () => {
	/** The README links its picture absolutely (npm's page shows it too); it is this repository's file. */
	const REPOSITORY_FILES =
		'https://raw.githubusercontent.com/n8n-nodes-atlassian-dc-identity/n8n-nodes-atlassian-dc-identity/main/';
	const nodePages = Object.keys(NODES).map((name) =>
		join(
			'docs',
			'nodes',
			codexOf(NODES[name as keyof typeof NODES])
				.resources.primaryDocumentation[0].url.split('/')
				.pop()!,
		),
	);
	const shown: Record<string, number> = {
		'README.md': 3,
		[join('docs', 'examples.md')]: 3,
		[join('docs', 'editor.md')]: 6,
		...Object.fromEntries(nodePages.map((page) => [page, 1])),
	};
	test.each(Object.keys(shown))(
		'%s: every image it shows is in docs/images and is made by the browser suite (or is a picture of an MCP example, which docs/mcp.md shows beside it)',
		(page) => {
			const text = readFileSync(join(ROOT, page), 'utf8');
			const images = [...text.matchAll(/!\[[^\]]+\]\(([^)]+\.png)\)/g)].map((m) =>
				m[1].startsWith(REPOSITORY_FILES)
					? join(ROOT, m[1].slice(REPOSITORY_FILES.length))
					: join(ROOT, dirname(page), m[1]),
			);
			expect(images).toHaveLength(shown[page]);
			const mcpPage = readFileSync(join(ROOT, 'docs', 'mcp.md'), 'utf8');
			const suite = [
				'checks/panels.ts',
				'checks/lists.ts',
				'checks/credential.ts',
				'checks/workflows.ts',
			]
				.map((f) => readFileSync(join(ROOT, 'test', 'browser', f), 'utf8'))
				.join('\n');
			for (const image of images) {
				expect(existsSync(image)).toBe(true);
				const name = image.split('/').pop()!;
				const made =
					suite.includes(`'${name}'`) ||
					(name.endsWith('-panel.png') && suite.includes('-panel.png`')) ||
					(name.startsWith('mcp-') && mcpPage.includes(`(images/${name})`));
				expect(made).toBe(true);
			}
		},
	);
});
