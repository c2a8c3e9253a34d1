/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/** The product's import graph: no file of nodes/ or credentials/ reaches itself through its imports, and a room of nodes/shared is entered through its index. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
	});
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveImport(file: string, spec: string): string | undefined {
	const base = normalize(join(dirname(file), spec));
	return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const files = [...sourceFiles(join(ROOT, 'nodes')), ...sourceFiles(join(ROOT, 'credentials'))];
const imports = new Map(
	files.map((file) => [
		file,
		[...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({
			spec: m[1],
			target: resolveImport(file, m[1]),
		})),
	]),
);

/** The import cycles, each as the files on it (strongly connected components of more than one file, or a file importing itself). */
function cycles(): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const found: string[][] = [];
	const visit = (file: string) => {
		index.set(file, index.size);
		low.set(file, index.get(file)!);
		stack.push(file);
		for (const { target } of imports.get(file) ?? []) {
			if (!target) continue;
			if (!index.has(target)) {
				visit(target);
				low.set(file, Math.min(low.get(file)!, low.get(target)!));
			} else if (stack.includes(target))
				low.set(file, Math.min(low.get(file)!, index.get(target)!));
		}
		if (low.get(file) === index.get(file)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				component.push(relative(ROOT, member));
			} while (member !== file);
			if (component.length > 1 || (imports.get(file) ?? []).some((i) => i.target === file))
				found.push(component.sort());
		}
	};
	for (const file of files) if (!index.has(file)) visit(file);
	return found;
}

test(`no import cycle among the ${files.length} files of nodes/ and credentials/`, () => {
	expect(cycles()).toEqual([]);
});

test('every relative import of the product resolves to a file', () => {
	const unresolved = [...imports].flatMap(([file, list]) =>
		list
			.filter((i) => !i.target && !i.spec.endsWith('.json'))
			.map((i) => `${relative(ROOT, file)}: ${i.spec}`),
	);
	expect(unresolved).toEqual([]);
});

test('code outside a room of nodes/shared (http, node, json) imports it through its index only', () => {
	const rooms = ['http', 'node', 'json'].map((room) => join(ROOT, 'nodes', 'shared', room));
	const deep = [...imports].flatMap(([file, list]) =>
		list
			.filter(
				({ target }) =>
					target &&
					rooms.some(
						(room) =>
							dirname(target) === room &&
							!file.startsWith(`${room}/`) &&
							!target.endsWith('index.ts'),
					),
			)
			.map(({ spec }) => `${relative(ROOT, file)}: ${spec}`),
	);
	expect(deep).toEqual([]);
});
