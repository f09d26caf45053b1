#!/usr/bin/env node
// `npm run test:e2e`: the end-to-end suite in a real n8n.
// 1. provisions the pinned n8n (+ Node 24, playwright-core) into .cache/n8n and the newest n8n 1.x (+ Node 22) into
//    .cache/n8n-1x (both reused after the first run), and installs PostgreSQL and Redis from Debian for the
//    queue-mode part when they are missing;
// 2. builds this package and packs it with `npm pack` (the tests install the tarball the way n8n does);
// 3. runs jest with test/e2e/jest.config.js (test/e2e/*.e2e.ts) in its own process group;
// 4. whatever happens (failure, timeout, Ctrl-C), stops every process group the run started.
// Flags: --update-screenshots (also write the editor screenshots into test/e2e/screenshots/),
//        --timeout=<seconds> (whole jest run, default 1200), --verbose (npm's provisioning output on the terminal,
//        and jest's list of every test); anything else is passed to jest.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { provision, dataDir, REPO } = require('./provision-n8n');
const { buildAndPack, instancesRoot } = require('./lib/n8n');
const { killFromPidFile, killGroup, alive } = require('./lib/procs');
const { CHROMIUM } = require('../test/e2e/browser');
const { ensureInstalled } = require('./lib/queue-services');

const t0 = Date.now();
const secs = () => `${Math.round((Date.now() - t0) / 1000)} s`;
const log = (m) => console.log(`[e2e ${secs()}] ${m}`);

async function main() {
	const argv = process.argv.slice(2);
	const jestArgs = argv.filter((a) => !a.startsWith('--update-screenshots') && !a.startsWith('--timeout='));
	const timeoutArg = argv.find((a) => a.startsWith('--timeout='));
	const timeoutMs = (timeoutArg ? Number(timeoutArg.split('=')[1]) : 1200) * 1000;

	if (!fs.existsSync(CHROMIUM)) {
		console.error(`${CHROMIUM} is missing: install Debian's chromium first (apt-get update && apt-get install -y chromium).`);
		process.exit(2);
	}
	// --verbose also goes to jest (its list of every test).
	const p = provision({ verbose: argv.includes('--verbose') || undefined });
	log(`real n8n ready (${path.relative(REPO, p.n8nBin)})`);
	const p1 = provision({ lane: '1.x' });
	log(`n8n 1.x ready (${path.relative(REPO, p1.n8nBin)})`);
	ensureInstalled();
	log('PostgreSQL and Redis installed (queue mode)');

	// Outside the repository (see provision-n8n's dataDir); HIGHLOAD_E2E_DIR sets another place (several checkouts
	// sharing one n8n cache). Old runs' folders go; one run's folders are kept until the next for post-mortems.
	const e2eDir = process.env.HIGHLOAD_E2E_DIR || path.join(dataDir(), 'e2e');
	fs.rmSync(e2eDir, { recursive: true, force: true });
	fs.mkdirSync(e2eDir, { recursive: true });
	// The n8n user folders of the suite, also outside the repository (lib/n8n.js instancesRoot), go too.
	fs.rmSync(instancesRoot('e2e-users'), { recursive: true, force: true });
	const tarball = buildAndPack(path.join(e2eDir, 'pack'));
	log(`built and packed ${path.relative(REPO, tarball)}`);

	const pidFile = path.join(e2eDir, 'pids');
	fs.writeFileSync(pidFile, '');
	const env = {
		...process.env,
		HIGHLOAD_E2E_TARBALL: tarball,
		HIGHLOAD_E2E_DIR: e2eDir,
		HIGHLOAD_E2E_PIDFILE: pidFile,
		HIGHLOAD_E2E_UPDATE_SCREENSHOTS: argv.includes('--update-screenshots') ? '1' : process.env.HIGHLOAD_E2E_UPDATE_SCREENSHOTS || '',
	};
	const jestBin = require.resolve('jest/bin/jest', { paths: [REPO] });
	const jest = spawn(process.execPath, [jestBin, '-c', path.join(REPO, 'test', 'e2e', 'jest.config.js'), '--runInBand', ...jestArgs], {
		cwd: REPO,
		env,
		stdio: 'inherit',
		detached: true,
	});
	fs.appendFileSync(pidFile, `${jest.pid}\n`);

	let stopping = false;
	const stopAll = async (why) => {
		if (stopping) return;
		stopping = true;
		if (why) log(`stopping: ${why}`);
		await killGroup(jest.pid, 5000);
		await killFromPidFile(pidFile);
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(sig, () => {
			stopAll(sig).then(() => process.exit(130));
		});
	}
	const timer = setTimeout(() => stopAll(`timed out after ${timeoutMs / 1000} s`), timeoutMs);
	const code = await new Promise((resolve) => jest.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
	clearTimeout(timer);
	stopping = false;
	await stopAll();

	// Nothing may be left behind.
	const pids = [...new Set(fs.readFileSync(pidFile, 'utf8').split(/\s+/).filter(Boolean).map(Number))];
	const left = pids.filter((pid) => alive(pid));
	if (left.length) {
		console.error(`process groups still alive after the run: ${left.join(', ')}`);
		process.exit(1);
	}
	log(`done, jest exit ${code}; ${pids.length} process groups started and all stopped`);
	process.exit(code);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
