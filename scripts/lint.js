#!/usr/bin/env node
// `npm run lint`: n8n's linter as n8n runs it — `n8n-node lint` from @n8n/node-cli in strict mode (the root
// eslint.config.mjs must be n8n's template, unchanged) — held to zero warnings, then `n8n-node cloud-support`, which
// must report the package eligible. ESLint looks up the config from each file (the default from ESLint 10 on, a flag
// in the 9.x n8n pins): nodes/, credentials/ and package.json get the template; test/, scripts/ and bench/ get their
// own eslint.config.mjs (general rules, no node rules). Why: CONTRIBUTING.md, "Lint".
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'node_modules', '.bin', 'n8n-node');
const LOOKUP_FLAG = 'unstable_config_lookup_from_file';

const flags = (process.env.ESLINT_FLAGS ?? '').split(',').map((flag) => flag.trim()).filter(Boolean);
const env = { ...process.env, ESLINT_FLAGS: [...new Set([...flags, LOOKUP_FLAG])].join(',') };
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

function run(args) {
	const result = spawnSync(bin, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	process.stdout.write(result.stdout ?? '');
	process.stderr.write(result.stderr ?? '');
	if (result.error) throw result.error;
	return { status: result.status, output: plain(`${result.stdout}\n${result.stderr}`) };
}

const lint = run(['lint']);
// `n8n-node lint` fails on errors only; ESLint's summary line ("✖ 3 problems (0 errors, 3 warnings)") shows warnings.
const summary = lint.output.match(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
if (lint.status !== 0 || summary) {
	console.error(`lint: n8n-node lint ${lint.status !== 0 ? `exited ${lint.status}` : `reported ${summary[0].slice(2)}`}; zero errors and zero warnings are required`);
	process.exit(1);
}
const cloud = run(['cloud-support']);
if (cloud.status !== 0 || !/Status: eligible for n8n Cloud verification/.test(cloud.output)) {
	console.error('lint: `n8n-node cloud-support` does not report the package eligible (strict mode and the template eslint.config.mjs are required)');
	process.exit(1);
}
console.log('lint: n8n-node lint (strict) clean, no warnings; n8n-node cloud-support: eligible');
