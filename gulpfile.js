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

task('clean', clean);
task('build:icons', copyIcons);
