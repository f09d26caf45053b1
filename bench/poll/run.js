#!/usr/bin/env node
// `node bench/poll/run.js [--files=100000] [--runs=3] [--in-process] [--json=<file>]` (a benchmark, not a test; build first:
// `npm run build`). See run.ts.
'use strict';
require('../../scripts/ts-register').register();

require('./run.ts')
	.main(process.argv.slice(2))
	.then(() => process.exit(0))
	.catch((error) => {
		console.error(error instanceof Error ? error.stack : error);
		process.exit(1);
	});
