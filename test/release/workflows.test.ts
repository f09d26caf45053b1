import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

/**
 * The release path (.github/workflows, the prepublishOnly guard, package.json's metadata) as far as it can be checked
 * without GitHub: every command a workflow runs names an npm script, file or tool that exists; the publish workflow
 * is the one the guard accepts; the guard refuses every other way of publishing.
 */
const ROOT = join(__dirname, '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	version: string;
	scripts: Record<string, string>;
	homepage: string;
	repository: { url: string };
	bugs: { url: string };
	author: { url: string };
	publishConfig: Record<string, unknown>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const guard = require(join(ROOT, 'scripts', 'check-publish.js')) as {
	publishRefusals: (env: Record<string, string | undefined>, version: string) => string[];
	WORKFLOW: string;
};

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { steps: Step[] }> };

const workflow = (name: string) => parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
const workflowFiles = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));
const stepsOf = (flow: Workflow) => Object.values(flow.jobs).flatMap((job) => job.steps);
const commandsOf = (flow: Workflow) =>
	stepsOf(flow)
		.flatMap((step) => (step.run ?? '').split('\n'))
		.map((line) => line.trim())
		.filter(Boolean);

/** What a shell command line relies on in this repository: npm scripts and files. */
function missingFor(command: string): string[] {
	const missing: string[] = [];
	const npmRun = command.match(/^npm run ([\w:-]+)/);
	if (npmRun && !pkg.scripts[npmRun[1]]) missing.push(`npm script "${npmRun[1]}"`);
	const npmLifecycle = command.match(/^npm (test|start)\b/);
	if (npmLifecycle && !pkg.scripts[npmLifecycle[1]]) missing.push(`npm script "${npmLifecycle[1]}"`);
	if (/^npm ci\b/.test(command) && !existsSync(join(ROOT, 'package-lock.json'))) missing.push('package-lock.json');
	for (const [, file] of command.matchAll(/(?:^|\s)(?:node|bash|sh)\s+([^\s-][^\s]*)/g)) {
		if (!existsSync(join(ROOT, file))) missing.push(`file ${file}`);
	}
	return missing;
}

describe('GitHub workflows', () => {
	test('there are the CI and the publish workflows', () => {
		expect(workflowFiles.sort()).toEqual(['ci.yml', 'publish.yml']);
	});

	test.each(workflowFiles)('every command %s runs names an npm script or file that exists', (name) => {
		const commands = commandsOf(workflow(name));
		expect(commands.length).toBeGreaterThan(0);
		expect(commands.flatMap((command) => missingFor(command).map((what) => `${command}: ${what}`))).toEqual([]);
	});

	test('every file the npm scripts run exists', () => {
		const missing = Object.entries(pkg.scripts).flatMap(([name, script]) =>
			script.split('&&').flatMap((part) => missingFor(part.trim()).map((what) => `${name}: ${what}`)),
		);
		expect(missing).toEqual([]);
	});

	test('CI installs, builds and runs `npm test`, then the end-to-end suite with the Debian packages .ci/run installs', () => {
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(commandsOf(ci)).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm test', 'npm run test:e2e']));
		const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
		const debianPackages = (text: string) => (text.match(/apt-get install[^\n]*/)?.[0] ?? '').split(/\s+/).filter((word) => /^[a-z][\w-]+$/.test(word) && !['apt', 'get', 'install'].includes(word));
		expect(debianPackages(commandsOf(ci).join('\n')).sort()).toEqual(debianPackages(ciRun).sort());
		expect(ciRun).toMatch(/^npm test\b/m);
	});

	test('publish runs on a v* tag and by hand, with an OIDC token, tests first, then publishes with provenance', () => {
		const publish = workflow(guard.WORKFLOW.split('/').pop() as string);
		expect(publish.on).toEqual({ push: { tags: ['v*'] }, workflow_dispatch: null });
		expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		const commands = commandsOf(publish);
		const publishCommand = 'npm publish --provenance --access public --ignore-scripts=false';
		const order = ['npm ci', 'npm run build', 'npm test', publishCommand].map((command) => commands.indexOf(command));
		expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
		expect(commands[commands.length - 1]).toBe(publishCommand);
		const setupNode = stepsOf(publish).find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		// Trusted publishing needs no token. The one exception CONTRIBUTING.md allows is the bootstrap of the very first
		// version (npm configures a trusted publisher only for a package that exists): NODE_AUTH_TOKEN on the publish step.
		const tokenFree = (step: Step & { env?: Record<string, string> }) => {
			const { NODE_AUTH_TOKEN, ...env } = step.env ?? {};
			const bootstrap = NODE_AUTH_TOKEN === undefined || (step.run?.startsWith('npm publish') && NODE_AUTH_TOKEN === '${{ secrets.NPM_TOKEN }}');
			return bootstrap && !/secrets\./.test(JSON.stringify({ ...step, env }));
		};
		expect(stepsOf(publish).filter((step) => !tokenFree(step))).toEqual([]);
		expect(JSON.stringify({ ...publish, jobs: undefined })).not.toMatch(/secrets\./);
	});
});

describe('npm publish guard (prepublishOnly)', () => {
	const version = pkg.version;
	const publishRun = {
		GITHUB_ACTIONS: 'true',
		GITHUB_WORKFLOW: 'Publish',
		GITHUB_WORKFLOW_REF: `highload-n8n/n8n-nodes-highload/.github/workflows/publish.yml@refs/tags/v${version}`,
		GITHUB_REF: `refs/tags/v${version}`,
		ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/oidc',
	};

	test('npm runs the guard before every publish, and the workflow it accepts exists', () => {
		expect(pkg.scripts.prepublishOnly).toBe('node scripts/check-publish.js');
		// The repository's .npmrc skips lifecycle scripts for installs; the publish step must turn them back on, or npm
		// would publish without running the guard.
		const npmrcIgnoresScripts = /^\s*ignore-scripts\s*=\s*true/m.test(readFileSync(join(ROOT, '.npmrc'), 'utf8'));
		const publishStep = commandsOf(workflow('publish.yml')).find((command) => command.startsWith('npm publish')) ?? '';
		if (npmrcIgnoresScripts) expect(publishStep).toContain('--ignore-scripts=false');
		expect(existsSync(join(ROOT, guard.WORKFLOW))).toBe(true);
		expect(pkg.publishConfig).toEqual({ provenance: true, access: 'public' });
	});

	test('the publish workflow on the tag of this version may publish', () => {
		expect(guard.publishRefusals(publishRun, version)).toEqual([]);
	});

	test.each([
		['outside GitHub Actions (a laptop)', { GITHUB_ACTIONS: undefined }, /GitHub Actions/],
		['from another workflow', { GITHUB_WORKFLOW_REF: `highload-n8n/n8n-nodes-highload/.github/workflows/ci.yml@refs/tags/v${version}` }, /publish\.yml/],
		['from a branch', { GITHUB_REF: 'refs/heads/main' }, /tag v/],
		['from the tag of another version', { GITHUB_REF: 'refs/tags/v0.9.9' }, /tag v/],
		['without an OIDC token', { ACTIONS_ID_TOKEN_REQUEST_URL: undefined }, /id-token: write/],
	])('refuses a publish %s', (_label, change, reason) => {
		const refusals = guard.publishRefusals({ ...publishRun, ...change }, version);
		expect(refusals).toHaveLength(1);
		expect(refusals[0]).toMatch(reason);
	});

	test('run as npm runs it on a laptop, it exits 1 and says how to release, before building anything', () => {
		const env: Record<string, string | undefined> = { ...process.env };
		for (const name of Object.keys(publishRun)) delete env[name];
		const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-publish.js')], { cwd: ROOT, env, encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('npm publish refused');
		expect(result.stderr).toContain('CONTRIBUTING.md');
		expect(result.stdout).toBe('');
	});
});

describe('package.json metadata', () => {
	test('repository, homepage, bugs and author name the same GitHub repository and owner', () => {
		const repo = 'https://github.com/highload-n8n/n8n-nodes-highload';
		expect(pkg.repository.url).toBe(`git+${repo}.git`);
		expect(pkg.homepage).toBe(`${repo}#readme`);
		expect(pkg.bugs.url).toBe(`${repo}/issues`);
		expect(repo.startsWith(pkg.author.url)).toBe(true);
	});
});
