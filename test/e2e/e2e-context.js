// What every e2e test file needs: the packed tarball (from run-e2e.js, or packed here when a test file is run
// alone), a fresh n8n user folder with the package installed, and cleanup of everything started.
// User folders live outside the repository (provision-n8n's dataDir): Node's module lookup from the installed
// package must not reach the repository's node_modules, as it cannot in a user's n8n.
'use strict';
const fs = require('fs');
const path = require('path');
const n8n = require('../../scripts/lib/n8n');
const { dataDir, isProvisioned } = require('../../scripts/provision-n8n');

function e2eRoot() {
	const dir = process.env.HIGHLOAD_E2E_DIR || path.join(dataDir(), 'e2e');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

function tarball() {
	if (process.env.HIGHLOAD_E2E_TARBALL && fs.existsSync(process.env.HIGHLOAD_E2E_TARBALL)) return process.env.HIGHLOAD_E2E_TARBALL;
	if (!isProvisioned()) throw new Error('real n8n is not provisioned: run `npm run test:e2e` (or `node scripts/provision-n8n.js`)');
	const file = n8n.buildAndPack(path.join(e2eRoot(), 'pack'));
	process.env.HIGHLOAD_E2E_TARBALL = file;
	return file;
}

/**
 * A fresh instance (own user folder, free ports) with the package installed as n8n's installer does it, and the
 * module probe on (which n8n-workflow the package gets: n8n.readModuleProbe). The user folder lies outside the
 * repository (n8n.instancesRoot), so the package finds only n8n's own n8n-workflow. `lane`: '2.x' (default) or '1.x'.
 */
async function freshInstance(name, { lane = '2.x', env = {} } = {}) {
	const userFolder = path.join(n8n.instancesRoot('e2e-users'), `${name}-${Date.now()}`);
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const inst = await n8n.createInstance({ userFolder, filesDir: path.join(userFolder, 'files'), lane, env, probeModules: true });
	n8n.installPackage(userFolder, tarball());
	return inst;
}

function screenshotDirs() {
	const dirs = [path.join(e2eRoot(), 'screenshots')];
	if (process.env.HIGHLOAD_E2E_UPDATE_SCREENSHOTS === '1') dirs.push(path.resolve(__dirname, 'screenshots'));
	for (const d of dirs) fs.mkdirSync(d, { recursive: true });
	return dirs;
}

module.exports = { e2eRoot, tarball, freshInstance, screenshotDirs };
