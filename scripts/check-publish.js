#!/usr/bin/env node
// npm's `prepublishOnly`: a publish happens only from .github/workflows/publish.yml, for a tag v<version of
// package.json>, with GitHub's OIDC token at hand (npm's provenance statement and Trusted Publishing need it; n8n
// refuses community packages published without provenance). Anything else — `npm publish` on a laptop, from another
// workflow, a branch, a tag of another version — is refused before npm packs anything. Then it runs the package
// checks once more on what is about to be packed: build, n8n's linter, n8n's scanner and the tarball's contents.
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const WORKFLOW = '.github/workflows/publish.yml';

/** Why this environment may not publish `version` (empty when it may). */
function publishRefusals(env, version) {
	const refusals = [];
	if (env.GITHUB_ACTIONS !== 'true') {
		return [`publish only from GitHub Actions (${WORKFLOW}): push the tag v${version}; GITHUB_ACTIONS is not "true" here`];
	}
	const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
	if (!workflowRef.includes(`/${WORKFLOW}@`)) {
		refusals.push(`publish only from ${WORKFLOW}; this run is ${workflowRef || env.GITHUB_WORKFLOW || 'an unnamed workflow'}`);
	}
	if (env.GITHUB_REF !== `refs/tags/v${version}`) {
		refusals.push(`publish only from the tag v${version} (the version in package.json); this run is on ${env.GITHUB_REF || 'no ref'}`);
	}
	if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
		refusals.push('no OIDC token for the provenance statement: the workflow needs `permissions: id-token: write`');
	}
	return refusals;
}

function main() {
	const { version } = require(path.join(root, 'package.json'));
	const refusals = publishRefusals(process.env, version);
	if (refusals.length > 0) {
		console.error(`npm publish refused:\n${refusals.map((reason) => `  - ${reason}`).join('\n')}`);
		console.error('Releasing: CONTRIBUTING.md, "Releasing".');
		process.exit(1);
	}
	for (const script of ['build', 'lint', 'lint:scan']) {
		execFileSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
	}
}

if (require.main === module) main();

module.exports = { publishRefusals, WORKFLOW };
