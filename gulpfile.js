// Copies the icons into dist/icons, next to the compiled nodes and credentials: n8n resolves an icon's
// `file:` path relative to the compiled .node.js / .credentials.js file that names it.
const fs = require('fs');
const path = require('path');
const { task, src, dest } = require('gulp');

// A fresh dist/ on every build: a file whose source was deleted must not ship.
async function clean() {
	fs.rmSync(path.resolve('dist'), { recursive: true, force: true });
}

function copyIcons() {
	return src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons')));
}

// n8n looks for a node's output schemas under its exact version (`__schema__/v1.1.0/...` for version 1.1). The
// versions of the Highload node output the same fields, so the schemas written once (v1.0.0) serve every version.
const NODE_VERSIONS = ['1.1.0'];

async function copySchemas() {
	const base = path.resolve('dist', 'nodes', 'Highload', '__schema__');
	for (const version of NODE_VERSIONS) fs.cpSync(path.join(base, 'v1.0.0'), path.join(base, `v${version}`), { recursive: true });
}

task('clean', clean);
task('build:icons', copyIcons);
task('build:schemas', copySchemas);
