// Lets plain Node.js scripts (npm start, the e2e runner, the benchmark) require the TypeScript simulator
// (test/simulator/*.ts) without a build step: .ts files are transpiled on load with the repo's own `typescript`.
'use strict';
const fs = require('fs');
const path = require('path');

let registered = false;
function register() {
	// Under jest, modules go through jest's own transform (ts-jest) and require.extensions is not used.
	if (registered || !require.extensions || require.extensions['.ts'] || process.env.JEST_WORKER_ID) return;
	registered = true;
	const ts = require(require.resolve('typescript', { paths: [path.resolve(__dirname, '..')] }));
	require.extensions['.ts'] = function (module, filename) {
		const source = fs.readFileSync(filename, 'utf8');
		const { outputText } = ts.transpileModule(source, {
			fileName: filename,
			compilerOptions: {
				module: ts.ModuleKind.CommonJS,
				target: ts.ScriptTarget.ES2022,
				esModuleInterop: true,
				resolveJsonModule: true,
				sourceMap: false,
				inlineSourceMap: true,
			},
		});
		module._compile(outputText, filename);
	};
}

module.exports = { register };
