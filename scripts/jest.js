#!/usr/bin/env node
// The last step of `npm test`: jest, quiet by default. n8n's engine logs every node error the tests provoke on
// purpose (about ninety lines); the harness keeps that log for the tests that inspect it (test/harness/n8nLog.ts)
// and prints it only with `npm test -- --verbose` (also jest's per-test listing) or HIGHLOAD_TEST_LOG=1.
// Every other argument goes to jest as it is (`npm test -- test/node/upload.test.ts`).
'use strict';
const { spawnSync } = require('child_process');

const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes('--verbose')) env.HIGHLOAD_TEST_LOG = '1';
const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
