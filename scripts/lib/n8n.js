// Driving a real n8n (provisioned by scripts/provision-n8n.js) from plain Node.js: a user folder with this package
// installed the way n8n's own installer does it, CLI imports and executions, the server and its REST API.
'use strict';
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawnSync } = require('child_process');
const { spawnGroup, runGroup } = require('./procs');
const { paths, dataDir, assertIsolatedUserFolder, REPO } = require('../provision-n8n');

const PACKAGE_NAME = 'n8n-nodes-highload';
const NODE_TYPE = `${PACKAGE_NAME}.highload`;
const TRIGGER_TYPE = `${PACKAGE_NAME}.highloadTrigger`;
const CREDENTIAL_TYPE = 'highloadApi';
const ENCRYPTION_KEY = 'highload-local-dev-encryption-key';
const OWNER = { email: 'owner@example.com', firstName: 'Local', lastName: 'Owner', password: 'Highload-Sandbox-1' };

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Builds the package (tsc + gulp) and packs it with `npm pack`; returns the tarball's absolute path. */
function buildAndPack(destDir, { build = true } = {}) {
	fs.mkdirSync(destDir, { recursive: true });
	const env = { ...process.env };
	if (build) {
		const b = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env });
		if (b.status !== 0) throw new Error(`npm run build failed:\n${b.stdout}\n${b.stderr}`);
	}
	for (const f of fs.readdirSync(destDir)) if (f.endsWith('.tgz')) fs.rmSync(path.join(destDir, f));
	const p = spawnSync('npm', ['pack', '--json', '--pack-destination', destDir], {
		cwd: REPO,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		env,
	});
	if (p.status !== 0) throw new Error(`npm pack failed:\n${p.stdout}\n${p.stderr}`);
	const [info] = JSON.parse(p.stdout);
	return path.join(destDir, info.filename);
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` exactly as n8n's community-package installer does
 * (n8n 2.41.1, CommunityPackagesService.downloadPackage): unpack into node_modules/<name>, drop dev, peer and
 * optional dependencies from its package.json, `npm install` inside it (shallow, no scripts, no lock), and list
 * it in nodes/package.json. So no second n8n-workflow is ever installed next to n8n's own. `name`: the tarball's
 * package (another than this one only for the benchmark's anchor node, bench/bulk/anchor.js).
 */
function installPackage(userFolder, tarball, name = PACKAGE_NAME) {
	assertIsolatedUserFolder(userFolder);
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { encoding: 'utf8' });
	if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
	const pkgJsonPath = path.join(pkgDir, 'package.json');
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8'));
	fs.writeFileSync(pkgJsonPath, JSON.stringify(pkg, null, 2));
	const env = { ...process.env };
	for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
	const i = spawnSync(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'],
		{ cwd: pkgDir, encoding: 'utf8', env },
	);
	if (i.status !== 0) throw new Error(`npm install in ${pkgDir} failed:\n${i.stdout}\n${i.stderr}`);
	const nodesPkgPath = path.join(nodesDir, 'package.json');
	let nodesPkg = { name: 'installed-nodes', private: true, dependencies: {} };
	try {
		nodesPkg = JSON.parse(fs.readFileSync(nodesPkgPath, 'utf8'));
		nodesPkg.dependencies ??= {};
	} catch {}
	nodesPkg.dependencies[name] = pkg.version;
	fs.writeFileSync(nodesPkgPath, JSON.stringify(nodesPkg, null, 2));
	if (fs.existsSync(path.join(pkgDir, 'node_modules', 'n8n-workflow'))) {
		throw new Error('a second n8n-workflow was installed next to the package');
	}
	// Node's own lookup from the package must not reach any n8n-workflow (n8n supplies its own): a user folder
	// inside a project with node_modules would hand the package that project's copy (GUIDE §6).
	let stray = null;
	try {
		stray = require.resolve('n8n-workflow', { paths: [path.join(pkgDir, 'dist')] });
	} catch {}
	if (stray) throw new Error(`the package would load ${stray} instead of n8n's own n8n-workflow: keep n8n user folders outside any project`);
	return pkgDir;
}

/**
 * A folder for n8n user folders (`name`: e2e, queue, instances), outside this repository: n8n does not isolate a
 * community package's `require`, so a user folder inside the repository would let the package resolve the
 * repository's own node_modules/n8n-workflow (a second copy users never have). Under provision-n8n's dataDir();
 * HIGHLOAD_N8N_USERS sets another base (several checkouts sharing one machine).
 */
function instancesRoot(name) {
	const dir = path.join(process.env.HIGHLOAD_N8N_USERS || dataDir(), name);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

/**
 * A real-n8n instance description: its user folder (outside the repository), ports and environment. `lane` picks the
 * provisioned n8n ('2.x', the default, or '1.x'; see provision-n8n.js). `probeModules: true` preloads
 * scripts/lib/module-probe.js, which records in `inst.moduleProbeFile` the `n8n-workflow` file this package's code
 * gets inside n8n (read it with readModuleProbe).
 */
async function createInstance({ userFolder, port, brokerPort, filesDir, logFile, env = {}, lane = '2.x', probeModules = false } = {}) {
	const dist = paths(lane);
	userFolder ??= fs.mkdtempSync(path.join(instancesRoot('instances'), 'user-'));
	fs.mkdirSync(userFolder, { recursive: true });
	assertIsolatedUserFolder(userFolder);
	port ??= await freePort();
	brokerPort ??= await freePort();
	filesDir ??= path.join(userFolder, 'files');
	fs.mkdirSync(filesDir, { recursive: true });
	const p = dist;
	const instanceEnv = {
		PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH}`,
		HOME: process.env.HOME || os.homedir(),
		LANG: process.env.LANG || 'C.UTF-8',
		TZ: process.env.TZ || 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'sqlite',
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		NODE_ENV: 'production',
		...env,
	};
	const moduleProbeFile = probeModules ? path.join(userFolder, 'module-probe.jsonl') : null;
	if (moduleProbeFile) {
		fs.rmSync(moduleProbeFile, { force: true });
		instanceEnv.HIGHLOAD_MODULE_PROBE = moduleProbeFile;
		instanceEnv.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--require=${path.join(__dirname, 'module-probe.js')}`].filter(Boolean).join(' ');
	}
	const inst = {
		lane,
		dist,
		userFolder,
		port,
		brokerPort,
		filesDir,
		logFile: logFile ?? path.join(userFolder, 'n8n.log'),
		env: instanceEnv,
		moduleProbeFile,
		url: `http://127.0.0.1:${port}`,
		server: null,
		cookie: null,
	};
	return inst;
}

/** What module-probe.js recorded: [{request, from, resolved, pid}], one entry per distinct resolution. */
function readModuleProbe(inst) {
	if (!inst.moduleProbeFile || !fs.existsSync(inst.moduleProbeFile)) return [];
	return fs
		.readFileSync(inst.moduleProbeFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}

/** The folder of the package a file belongs to (the nearest package.json named `name` above it), real path. */
function packageRootOf(file, name) {
	for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
		try {
			if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === name) return fs.realpathSync(dir);
		} catch {}
	}
	return null;
}

/** n8n's own n8n-workflow: the copy n8n itself loads (resolved from the n8n package's folder). */
function n8nOwnWorkflowRoot() {
	const n8nDir = path.dirname(path.dirname(paths().n8nBin));
	return packageRootOf(require.resolve('n8n-workflow/package.json', { paths: [n8nDir] }), 'n8n-workflow');
}

/** Runs one n8n CLI command to completion. */
async function cli(inst, args, { timeoutMs = 180000, allowFailure = false } = {}) {
	const p = inst.dist;
	const started = Date.now();
	const stdoutFile = path.join(inst.userFolder, `cli-${process.pid}-${started}.out`);
	const r = await runGroup(p.nodeBin, [p.n8nBin, ...args], { env: inst.env, cwd: inst.userFolder, timeoutMs, stdoutFile });
	fs.rmSync(stdoutFile, { force: true });
	fs.appendFileSync(inst.logFile, `\n$ n8n ${args.join(' ')}  (${Date.now() - started} ms, exit ${r.code})\n${r.stdout}\n${r.stderr}\n`);
	if (r.code !== 0 && !allowFailure) {
		throw new Error(`n8n ${args.join(' ')} exited ${r.code}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
	}
	return r;
}

function writeTemp(inst, name, data) {
	const dir = path.join(inst.userFolder, 'imports');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${name}`);
	fs.writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

/** `n8n import:credentials` with plain data: [{id, name, type, data}] (encrypted with the instance key on import). */
async function importCredentials(inst, credentials) {
	const file = writeTemp(inst, 'credentials.json', credentials);
	return cli(inst, ['import:credentials', `--input=${file}`]);
}

/** `n8n import:workflow` of one or several workflows (an array is imported in one go). */
async function importWorkflows(inst, workflows) {
	const list = Array.isArray(workflows) ? workflows : [workflows];
	const file = writeTemp(inst, 'workflows.json', list);
	return cli(inst, ['import:workflow', `--input=${file}`]);
}

/** Finds the run JSON that `n8n execute --rawOutput` prints (log lines may precede or follow it). */
function parseRunOutput(text) {
	const starts = [];
	const re = /^\{$/gm;
	let m;
	while ((m = re.exec(text))) starts.push(m.index);
	for (let i = starts.length - 1; i >= 0; i--) {
		const rest = text.slice(starts[i]);
		const end = rest.search(/^\}$/m);
		if (end < 0) continue;
		try {
			const v = JSON.parse(rest.slice(0, end + 1));
			if (v && v.data && v.data.resultData) return v;
		} catch {}
	}
	return null;
}

/** `n8n execute --id` → { code, run, items(nodeName), error }. */
async function execute(inst, workflowId, { timeoutMs = 180000 } = {}) {
	const r = await cli(inst, ['execute', `--id=${workflowId}`, '--rawOutput'], { timeoutMs, allowFailure: true });
	const run = parseRunOutput(r.stdout) || parseRunOutput(`${r.stdout}\n${r.stderr}`);
	return {
		code: r.code,
		stdout: r.stdout,
		stderr: r.stderr,
		run,
		error: run?.data?.resultData?.error,
		items: (nodeName, output = 0) => nodeItems(run, nodeName, output),
	};
}

/** The JSON of the items a node emitted (last run, given output). */
function nodeItems(run, nodeName, output = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	if (!runs || runs.length === 0) return undefined;
	const last = runs[runs.length - 1];
	if (last.error) return undefined;
	const main = last.data?.main?.[output] ?? [];
	return main.map((i) => i.json);
}

/** Starts `n8n start` and resolves once the editor (and its REST routes) are up. */
async function startServer(inst, { timeoutMs = 180000, echo = false } = {}) {
	const p = inst.dist;
	const server = spawnGroup(p.nodeBin, [p.n8nBin, 'start'], { env: inst.env, cwd: inst.userFolder, logFile: inst.logFile, echo });
	inst.server = server;
	await server.waitFor(/Editor is now accessible via/, timeoutMs);
	// The REST routes are registered just before that line; make sure they answer.
	const deadline = Date.now() + 30000;
	for (;;) {
		try {
			const r = await fetch(`${inst.url}/rest/settings`);
			if (r.status < 500) break;
		} catch {}
		if (Date.now() > deadline) throw new Error('n8n REST API did not come up');
		await new Promise((r) => setTimeout(r, 250));
	}
	return server;
}

async function stopServer(inst) {
	if (inst.server) await inst.server.stop(10000);
	inst.server = null;
}

function cookieFrom(res) {
	const set = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [res.headers.get('set-cookie')];
	for (const c of set) {
		const m = /n8n-auth=([^;]+)/.exec(c || '');
		if (m) return m[1];
	}
	return null;
}

/** REST call with the owner's cookie; returns parsed JSON (`data` unwrapped) or throws with the body. */
async function rest(inst, method, route, body, { raw = false } = {}) {
	const headers = { accept: 'application/json' };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (inst.cookie) headers.cookie = `n8n-auth=${inst.cookie}`;
	const res = await fetch(`${inst.url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	if (raw) return { status: res.status, text, headers: res.headers };
	if (!res.ok) throw new Error(`${method} ${route} → ${res.status}: ${text.slice(0, 2000)}`);
	const json = text ? JSON.parse(text) : null;
	return json && typeof json === 'object' && 'data' in json ? json.data : json;
}

/** Creates the owner (POST /rest/owner/setup, without a browser-id header) or logs in; keeps the cookie. */
async function ensureOwner(inst) {
	let res = await fetch(`${inst.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	let cookie = cookieFrom(res);
	if (!res.ok || !cookie) {
		res = await fetch(`${inst.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password }),
		});
		cookie = cookieFrom(res);
		if (!res.ok || !cookie) throw new Error(`owner setup and login failed: ${res.status} ${await res.text()}`);
	}
	inst.cookie = cookie;
	return cookie;
}

/** "Fetch test event" of a trigger node: POST /rest/workflows/:id/run from that trigger, then poll the execution. */
async function runTriggerTestEvent(inst, workflowId, triggerName, { timeoutMs = 60000, destination = triggerName } = {}) {
	const workflow = await rest(inst, 'GET', `/rest/workflows/${workflowId}`);
	const started = await rest(inst, 'POST', `/rest/workflows/${workflowId}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: triggerName },
		destinationNode: { nodeName: destination, mode: 'inclusive' },
	});
	const executionId = started.executionId;
	if (!executionId) throw new Error(`no executionId in ${JSON.stringify(started)}`);
	return waitExecution(inst, executionId, { timeoutMs, requireNode: destination });
}

/**
 * Starts a whole workflow the way the editor's "Execute workflow" does (POST /rest/workflows/:id/run from the
 * given trigger node); resolves the execution id without waiting for it. In queue mode with
 * OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS the execution runs on a worker.
 */
async function startWorkflowRun(inst, workflowId, triggerName) {
	const workflow = await rest(inst, 'GET', `/rest/workflows/${workflowId}`);
	const started = await rest(inst, 'POST', `/rest/workflows/${workflowId}/run`, {
		workflowData: workflow,
		triggerToStartFrom: { name: triggerName },
	});
	if (!started || !started.executionId) throw new Error(`no executionId in ${JSON.stringify(started)}`);
	return String(started.executionId);
}

/** Publishes (activates) a workflow: POST /rest/workflows/:id/activate with its current versionId. */
async function activateWorkflow(inst, workflowId) {
	const wf = await rest(inst, 'GET', `/rest/workflows/${workflowId}`);
	return rest(inst, 'POST', `/rest/workflows/${workflowId}/activate`, { versionId: wf.versionId });
}

/** Ids of a workflow's executions (newest first as n8n lists them), all statuses. */
async function listExecutions(inst, workflowId, { limit = 100 } = {}) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await rest(inst, 'GET', `/rest/executions?filter=${filter}&limit=${limit}`);
	const results = Array.isArray(res) ? res : (res?.results ?? []);
	return results;
}

async function waitExecution(inst, executionId, { timeoutMs = 60000, requireNode } = {}) {
	const { parse } = require('./flatted');
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const ex = await rest(inst, 'GET', `/rest/executions/${executionId}`);
		if (ex && ex.finished !== undefined && ex.status && !['new', 'running', 'waiting'].includes(ex.status)) {
			const data = typeof ex.data === 'string' ? parse(ex.data) : ex.data;
			const run = { ...ex, data };
			// n8n 1.x can report a manual run's status before its data is saved ("Found successful execution where
			// data is empty stringified array"): wait for the data too.
			const runData = data && data.resultData && data.resultData.runData;
			const saved = data && data.resultData && (data.resultData.error || (runData && (!requireNode || runData[requireNode])));
			if (saved || Date.now() > deadline) {
				return { execution: ex, run, error: data?.resultData?.error, items: (nodeName, output = 0) => nodeItems(run, nodeName, output) };
			}
		}
		if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish: ${JSON.stringify(ex).slice(0, 500)}`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

module.exports = {
	PACKAGE_NAME,
	instancesRoot,
	NODE_TYPE,
	TRIGGER_TYPE,
	CREDENTIAL_TYPE,
	OWNER,
	freePort,
	buildAndPack,
	installPackage,
	createInstance,
	readModuleProbe,
	packageRootOf,
	n8nOwnWorkflowRoot,
	cli,
	importCredentials,
	importWorkflows,
	execute,
	parseRunOutput,
	nodeItems,
	startServer,
	stopServer,
	rest,
	ensureOwner,
	runTriggerTestEvent,
	startWorkflowRun,
	activateWorkflow,
	listExecutions,
	waitExecution,
};
