// Copies the icons into dist/icons, next to the compiled nodes and credentials: n8n resolves an icon's
// `file:` path relative to the compiled .node.js / .credentials.js file that names it.
const path = require('path');
const { task, src, dest } = require('gulp');

function copyIcons() {
	return src(path.resolve('icons', '*.svg')).pipe(dest(path.resolve('dist', 'icons')));
}

task('build:icons', copyIcons);
