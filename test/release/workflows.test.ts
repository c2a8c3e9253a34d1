/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * The GitHub Actions workflows (.github/workflows) read as GitHub reads them (YAML), and checked
 * against what n8n's node tooling expects of a release: the publish workflow of @n8n/node-cli's
 * template (`n8n-node release --init-workflow`), npm provenance (`id-token: write`), a `release`
 * script that is `n8n-node release`. No GitHub here: this is what can be checked without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const repo = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
	scripts: Record<string, string>;
	repository?: { url?: string };
	files?: string[];
};

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	steps: Step[];
	'timeout-minutes'?: number;
}
interface Workflow {
	name: string;
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflow = (file: string): Workflow =>
	parse(readFileSync(join(repo, '.github', 'workflows', file), 'utf8')) as Workflow;

/** The template's publish.yml rendered as `n8n-node release --init-workflow` renders it for npm. */
function templatePublish(): Workflow {
	const cli = join(repo, 'node_modules', '@n8n', 'node-cli'); // its exports map hides package.json
	const text = readFileSync(
		join(cli, 'dist/template/templates/shared/default/.github/workflows/publish.yml'),
		'utf8',
	)
		.replace(/\{\{packageManager\.name\}\}/g, 'npm')
		.replace(/\{\{packageManager\.installCommand\}\}/g, 'ci');
	return parse(text) as Workflow;
}

const allSteps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);

describe('GitHub Actions workflows', () => {
	const ci = workflow('ci.yml');
	const publish = workflow('publish.yml');

	it('CI runs the repository CI script on pull requests and pushes to main, read-only', () => {
		expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
		expect((ci.on.push as { branches: string[] }).branches).toContain('main');
		expect(ci.permissions).toEqual({ contents: 'read' });
		const runs = allSteps(ci).map((s) => s.run ?? '');
		expect(runs).toContain('.ci/run');
		expect(allSteps(ci)[0].uses).toMatch(/^actions\/checkout@v\d+$/);
	});

	it('publish runs on the same version tags as the n8n-node template, with its permissions', () => {
		const template = templatePublish();
		expect(publish.on).toEqual(template.on);
		const [job] = Object.values(publish.jobs);
		const [templateJob] = Object.values(template.jobs);
		expect(job.permissions).toEqual(templateJob.permissions);
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('publish installs with npm ci and releases through `npm run release` with the NPM_TOKEN fallback', () => {
		const [job] = Object.values(publish.jobs);
		const runs = job.steps.map((s) => s.run ?? '');
		const install = runs.findIndex((r) => r.trim() === 'npm ci');
		const release = runs.findIndex((r) => /(^|\n)\s*npm run release\s*$/m.test(r));
		expect(install).toBeGreaterThanOrEqual(0);
		expect(release).toBeGreaterThan(install);
		expect(job.steps[release].env).toEqual({ NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
		// The release step is the last step: nothing runs after publishing.
		expect(release).toBe(job.steps.length - 1);
		// Every action the template uses, at the same major version.
		const uses = (w: Workflow) => allSteps(w).flatMap((s) => (s.uses ? [s.uses] : []));
		expect(uses(publish)).toEqual(uses(templatePublish()));
	});

	it('publish refuses a tag that is not the package version', () => {
		const runs = allSteps(publish).map((s) => s.run ?? '');
		expect(
			runs.some(
				(r) => r.includes('GITHUB_REF_NAME') && r.includes('require("./package.json").version'),
			),
		).toBe(true);
	});

	it('every action is pinned to a major version', () => {
		for (const step of [...allSteps(ci), ...allSteps(publish)]) {
			if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
		}
	});
});

describe('package.json for a release with provenance', () => {
	it('`npm run release` is n8n-node release (local: version, tag, push; in GitHub Actions: publish with provenance)', () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
	});

	it('names a public GitHub repository (npm checks provenance against it) and publishes only dist', () => {
		expect(pkg.repository?.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
		// n8n-node build copies every PNG of the repository into dist (the README's screenshots too), and tsc leaves its
		// build info there: both are left out of the tarball, nothing outside dist is in.
		expect(pkg.files).toEqual(['dist', '!dist/docs', '!dist/tsconfig.tsbuildinfo']);
	});
});
