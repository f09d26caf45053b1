#!/usr/bin/env node
/**
 * Launcher for sandbox.ts without a build step (TypeScript is transpiled on require).
 * Usage: node scripts/run-simulator.js [--port 5690] [--host 127.0.0.1]  (npm run sandbox -- --port 5690)
 */
'use strict';
require('./ts-register').register();

require('./run-simulator.ts').main(process.argv.slice(2)).catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
