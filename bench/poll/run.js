#!/usr/bin/env node
// `node bench/poll/run.js [--files=100000] [--runs=3] [--json=<file>]` (a benchmark, not a test; build first:
// `npm run build`). See run.ts.
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, {
		fileName: filename,
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
	});
	module._compile(outputText, filename);
};

require('./run.ts')
	.main(process.argv.slice(2))
	.then(() => process.exit(0))
	.catch((error) => {
		console.error(error instanceof Error ? error.stack : error);
		process.exit(1);
	});
