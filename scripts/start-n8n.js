#!/usr/bin/env node
// `npm start`: this package inside a real n8n, on a fresh machine, with no Highload account.
// - provisions the pinned n8n (+ Node 24) into .cache/n8n on first run (about 6 minutes, 3 GB), reuses it after;
// - builds the package, packs it (`npm pack`) and installs the tarball into the n8n user folder's `nodes`
//   directory the way n8n's own community-package installer does (node types `n8n-nodes-highload.*`);
// - starts the sandbox (Highload API simulator + an RSS feed) and creates the credential "Highload Sandbox";
// - imports the example workflows from examples/;
// - starts n8n on http://127.0.0.1:5678 with SQLite. Ctrl-C stops everything.
// n8n's user folder (database, log, installed package) lives outside the repository, in provision-n8n's dataDir()
// (~/.local/share/n8n-nodes-highload/<checkout>/user): a user folder inside the repository would make the package
// load the repository's own node_modules/n8n-workflow, which a user's n8n never does.
// Flags: --no-sandbox (no simulator, no sandbox credential), --port=<n> (default 5678), --verbose (n8n's log and
// npm's provisioning output on the terminal), --reimport-examples (overwrite the imported examples with the shipped ones),
// --queue (n8n's scale-out instead: PostgreSQL and Redis from Debian, a main instance and two workers; see
// scripts/lib/queue-cluster.js), --workers=<n> (with --queue, default 2).
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { provision, dataDir, REPO } = require('./provision-n8n');
const n8n = require('./lib/n8n');
const { killAll } = require('./lib/procs');
const examples = require('./lib/examples');

const SIMULATOR_PORT = 5690;
const FEED_PORT = 5691;

function parseArgs(argv) {
	const args = { sandbox: true, port: Number(process.env.N8N_PORT) || 5678, verbose: false, reimport: false, queue: false, workers: 2 };
	for (const a of argv) {
		if (a === '--no-sandbox') args.sandbox = false;
		else if (a === '--queue') args.queue = true;
		else if (/^--workers=\d+$/.test(a)) args.workers = Math.max(1, Number(a.split('=')[1]));
		else if (a === '--verbose') args.verbose = true;
		else if (a === '--reimport-examples') args.reimport = true;
		else if (/^--port=\d+$/.test(a)) args.port = Number(a.split('=')[1]);
		else if (a === '--help' || a === '-h') {
			console.log('Usage: npm start [-- --no-sandbox] [--port=5678] [--verbose] [--reimport-examples] [--queue [--workers=2]]');
			process.exit(0);
		} else throw new Error(`unknown flag ${a} (try --help)`);
	}
	return args;
}

const os = require('os');
/** A path as the user reads it: relative to the repository when inside it, ~/… under the home folder. */
const shown = (p) => {
	const rel = path.relative(process.cwd(), p);
	if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
	const home = os.homedir();
	return p.startsWith(`${home}${path.sep}`) ? `~${p.slice(home.length)}` : p;
};

/**
 * Earlier versions kept the user folder in the repository's .cache/n8n/user: move it out once (owner, workflows).
 * Only from inside the repository: a cache elsewhere (HIGHLOAD_N8N_CACHE) may be shared and is left alone.
 */
function migrateUserFolder(oldFolder, userFolder) {
	const inRepo = !path.relative(REPO, oldFolder).startsWith('..');
	if (!inRepo || !fs.existsSync(oldFolder) || fs.existsSync(userFolder)) return;
	say(`moving the n8n user folder out of the repository: ${shown(oldFolder)} → ${shown(userFolder)}`);
	fs.mkdirSync(path.dirname(userFolder), { recursive: true });
	try {
		fs.renameSync(oldFolder, userFolder);
	} catch {
		fs.cpSync(oldFolder, userFolder, { recursive: true });
		fs.rmSync(oldFolder, { recursive: true, force: true });
	}
}

/** Whether n8n still waits for its owner account (n8n's public settings say so before anyone signs in). */
async function ownerMissing(inst) {
	try {
		const settings = await n8n.rest(inst, 'GET', '/rest/settings');
		return settings?.userManagement?.showSetupOnFirstLoad === true;
	} catch {
		return undefined;
	}
}

const hash = (v) => crypto.createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);
const say = (m) => console.log(`[start] ${m}`);

async function portFree(port) {
	const net = require('net');
	return new Promise((resolve) => {
		const s = net.createServer();
		s.once('error', () => resolve(false));
		s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
	});
}

/** Refuses to start when a port this start needs is taken on 127.0.0.1, naming what it is for. */
async function requireFreePorts(args, more = []) {
	for (const [port, what] of [
		[args.port, 'n8n'],
		...more,
		...(args.sandbox ? [[SIMULATOR_PORT, 'the Highload sandbox'], [FEED_PORT, "the sandbox's RSS feed"]] : []),
	]) {
		if (!(await portFree(port))) throw new Error(`port ${port} (${what}) is in use on 127.0.0.1; is another \`npm start\` running?`);
	}
}

/** What the last start kept beside its data: hashes of the credential and examples it imported ({} at first). */
function readStartState(statePath) {
	try {
		return JSON.parse(fs.readFileSync(statePath, 'utf8'));
	} catch {
		return {};
	}
}

/** The example workflows as a start imports them: the sandbox's feed, the sample files written for it. */
function exampleWorkflows(sample) {
	return Object.values(examples.loadAll()).map((wf) =>
		examples.prepare(wf, { feedUrl: `http://127.0.0.1:${FEED_PORT}/feed.xml`, fileSelector: sample.glob }),
	);
}

/**
 * Imports into `inst` what changed since the last start (the sandbox's credential, the examples; all examples with
 * --reimport), and saves what was imported to `statePath`.
 */
async function importWhatChanged(inst, { sandbox, workflows, reimport, statePath }) {
	const state = readStartState(statePath);
	if (sandbox) {
		const credential = examples.credentialFor(sandbox.sim);
		if (state.credential !== hash(credential)) {
			say('creating the credential "Highload Sandbox"…');
			await n8n.importCredentials(inst, [credential]);
			state.credential = hash(credential);
		}
	}
	if (reimport || state.examples !== hash(workflows)) {
		say(`importing ${workflows.length} example workflows…`);
		await n8n.importWorkflows(inst, workflows);
		state.examples = hash(workflows);
	}
	fs.writeFileSync(statePath, JSON.stringify(state, null, 2));
}

/**
 * Ctrl-C, termination and hang-up stop everything this start began, once: `stopN8n()`, then every child process
 * and the sandbox. `stop(code)` does the same from code (an n8n process that exited on its own).
 */
function stopOnSignals(stopN8n, sandboxOf) {
	let stopping = false;
	const stop = async (code) => {
		if (stopping) return;
		stopping = true;
		say('stopping…');
		await stopN8n().catch(() => {});
		await killAll();
		const sandbox = sandboxOf();
		if (sandbox) await sandbox.close();
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
	return { stop, isStopping: () => stopping };
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.queue) return mainQueue(args);
	const t0 = Date.now();
	const p = provision({ verbose: args.verbose || undefined });

	await requireFreePorts(args, [[args.port + 1, "n8n's task runner broker"]]);

	say('building and packing the package…');
	const tarball = n8n.buildAndPack(path.join(p.cache, 'pack'));
	const userFolder = path.join(dataDir(), 'user');
	const filesDir = path.join(dataDir(), 'files');
	migrateUserFolder(path.join(p.cache, 'user'), userFolder);
	const inst = await n8n.createInstance({
		userFolder,
		port: args.port,
		brokerPort: args.port + 1,
		filesDir,
		logFile: path.join(userFolder, 'n8n.log'),
	});
	n8n.installPackage(userFolder, tarball);
	say(`installed ${path.basename(tarball)} into ${shown(path.join(userFolder, '.n8n', 'nodes'))}`);

	let sandbox = null;
	const { stop, isStopping } = stopOnSignals(() => n8n.stopServer(inst), () => sandbox);

	const { writeSampleFiles, startSandbox } = require('./lib/local-services');
	const sample = writeSampleFiles(filesDir);
	if (args.sandbox) sandbox = await startSandbox({ simulatorPort: SIMULATOR_PORT, feedPort: FEED_PORT });
	await importWhatChanged(inst, {
		sandbox,
		workflows: exampleWorkflows(sample),
		reimport: args.reimport,
		statePath: path.join(userFolder, 'highload-start.json'),
	});

	say('starting n8n…');
	await n8n.startServer(inst, { echo: args.verbose });
	inst.server.exited.then(({ code }) => {
		if (isStopping()) return;
		console.error(`[start] n8n exited (${code}); its log: ${shown(inst.logFile)}`);
		stop(code || 1);
	});

	const missing = await ownerMissing(inst);
	const open = {
		true: `  1. Open the URL and create the owner account (it stays on this machine, in ${shown(userFolder)}).`,
		false: `  1. Open the URL and sign in with the owner account you created (data in ${shown(userFolder)}).`,
		undefined: `  1. Open the URL (data in ${shown(userFolder)}).`,
	}[String(missing)];
	const lines = [
		'',
		`  n8n is running:  ${inst.url}   (ready in ${Math.round((Date.now() - t0) / 1000)} s)`,
		'',
		'  Next:',
		open,
		'  2. Open a workflow "Highload example 1..4" and click "Execute workflow"; the Highload nodes are under',
		'     "Highload" in the nodes panel (search "Highload"): node types n8n-nodes-highload.highload/.highloadTrigger.',
	];
	if (sandbox) {
		lines.push(
			`  3. The credential "Highload Sandbox" points at the sandbox ${sandbox.sim.url} (login ${sandbox.sim.login}).`,
			`     It is a simulator with sample folders and files; nothing leaves this machine. RSS feed: ${sandbox.feed.url}`,
			`     Files for "Upload from disk" are read from ${shown(sample.dir)}/.`,
		);
	} else {
		lines.push('  3. No sandbox (--no-sandbox): create a "Highload API" credential with your own login and key.');
	}
	lines.push('', `  Log: ${shown(inst.logFile)}    Stop: Ctrl-C`, '');
	console.log(lines.join('\n'));
}

/** `npm start -- --queue`: the same, on n8n's scale-out (queue mode). */
async function mainQueue(args) {
	const t0 = Date.now();
	const p = provision();
	const { startQueueCluster } = require('./lib/queue-cluster');
	const { ensureInstalled } = require('./lib/queue-services');
	ensureInstalled();
	await requireFreePorts(args);
	say('building and packing the package…');
	const tarball = n8n.buildAndPack(path.join(p.cache, 'pack'));
	// User folders outside the repository (lib/n8n.js instancesRoot); database and queue data in the cache.
	const root = n8n.instancesRoot('queue');
	const queueData = path.join(p.cache, 'queue-data');

	let sandbox = null;
	let cluster = null;
	const { stop, isStopping } = stopOnSignals(async () => cluster && (await cluster.stop()), () => sandbox);

	const { writeSampleFiles, startSandbox } = require('./lib/local-services');
	const sample = writeSampleFiles(path.join(root, 'files'));
	if (args.sandbox) sandbox = await startSandbox({ simulatorPort: SIMULATOR_PORT, feedPort: FEED_PORT });
	say(`starting PostgreSQL, Redis, the main instance and ${args.workers} workers…`);
	cluster = await startQueueCluster({
		root,
		dataDir: queueData,
		tarball,
		workers: args.workers,
		mainPort: args.port,
		keepData: true,
		echo: args.verbose,
		beforeMain: async (main) => {
			// The first CLI command creates the database's schema: without a sandbox, one that may import nothing.
			if (!sandbox) await n8n.cli(main, ['list:workflow'], { allowFailure: true });
			await importWhatChanged(main, {
				sandbox,
				workflows: exampleWorkflows(sample),
				reimport: args.reimport,
				statePath: path.join(queueData, 'highload-start.json'),
			});
		},
	});
	for (const proc of [cluster.main.server, ...cluster.workers.map((w) => w.proc)]) {
		proc.exited.then(({ code }) => {
			if (isStopping()) return;
			console.error(`[start] an n8n process exited (${code}); logs in ${root}`);
			stop(code || 1);
		});
	}
	const lines = [
		'',
		`  n8n (queue mode) is running:  ${cluster.main.url}   (ready in ${Math.round((Date.now() - t0) / 1000)} s)`,
		`  Owner login: ${n8n.OWNER.email} / ${n8n.OWNER.password}`,
		`  Main instance: editor, REST, triggers. Workers: ${cluster.workers.map((w) => w.name).join(', ')} (concurrency ${cluster.workerConcurrency} each)`,
		`  run every execution (manual ones too); binary data is kept in PostgreSQL (mode "database").`,
		`  PostgreSQL 127.0.0.1:${cluster.pg.port}, Redis 127.0.0.1:${cluster.redis.port}; data in ${path.relative(process.cwd(), queueData)}`,
		`  Logs: ${root}/{main,worker-1,…}/n8n.log`,
	];
	if (sandbox) lines.push(`  Sandbox: ${sandbox.sim.url} (credential "Highload Sandbox"), RSS feed ${sandbox.feed.url}`);
	lines.push('  Stop: Ctrl-C', '');
	console.log(lines.join('\n'));
}

main().catch(async (e) => {
	console.error(`[start] ${e.message}`);
	await killAll();
	process.exit(1);
});
