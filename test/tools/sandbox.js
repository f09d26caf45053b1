#!/usr/bin/env node
/**
 * Launcher for sandbox.ts without a build step: .ts files are transpiled on require with the
 * `typescript` dev dependency (no type checking). Usage: node test/tools/sandbox.js [--port N] [--host 127.0.0.1]
 */
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

require('./sandbox.ts').main(process.argv.slice(2)).catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
