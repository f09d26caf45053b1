// n8n's scale-out ("queue mode") on one machine, from the project's own parts: PostgreSQL and Redis as children
// (queue-services.js), one n8n main instance (`n8n start`: editor, REST, triggers; EXECUTIONS_MODE=queue) and
// N `n8n worker` processes, manual executions offloaded to the workers, binary data mode `database`.
// Every instance has its own user folder (outside the repository) with this package installed in its nodes
// folder the way n8n's installer does it (n8n's queue-mode docs: community packages must be on every instance).
// Everything runs in its own process group and stops with `stop()` (or procs.killAll on exit).
'use strict';
const fs = require('fs');
const path = require('path');
const n8n = require('./n8n');
const { startPostgres, startRedis } = require('./queue-services');

/** The settings n8n's docs and GUIDE §6 give for queue mode, for every instance of one cluster. */
function queueEnv({ pg, redis, filesDir, extra = {} }) {
	return {
		EXECUTIONS_MODE: 'queue',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: pg.host,
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: pg.password,
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		// Executions are kept so that the tests can read who ran what.
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_PRUNE: 'false',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		...extra,
	};
}

/**
 * Starts a cluster. Options:
 * - `root`: folder for the instances' user folders (must lie outside the repository; see n8n.instancesRoot);
 * - `dataDir`: folder for PostgreSQL's and Redis's data (kept between runs when `keepData`);
 * - `tarball`: the packed package, installed into every instance;
 * - `workers` (2), `workerConcurrency` (10), `env` (extra settings for every instance), `mainPort`, `echo`;
 * - `beforeMain(main)`: runs after the database exists and before `n8n start` (CLI imports through the main's
 *   settings: they write to the shared database).
 * Returns the cluster: { pg, redis, main, workers: [{name, inst, proc}], filesDir, restartMain(), stop(), ... }.
 */
async function startQueueCluster({
	root,
	dataDir,
	tarball,
	workers = 2,
	workerConcurrency = 10,
	env = {},
	mainPort,
	echo = false,
	keepData = false,
	beforeMain,
} = {}) {
	fs.mkdirSync(root, { recursive: true });
	if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(dataDir, { recursive: true });
	const filesDir = path.join(root, 'files');
	fs.mkdirSync(filesDir, { recursive: true });

	const cluster = { root, dataDir, filesDir, pg: null, redis: null, main: null, workers: [], env: null, log: [] };
	const say = (m) => {
		cluster.log.push(`${new Date().toISOString()} ${m}`);
		if (echo) console.log(`[queue] ${m}`);
	};
	cluster.stop = async () => {
		await Promise.allSettled(cluster.workers.map((w) => w.proc && w.proc.stop(15000)));
		if (cluster.main) await n8n.stopServer(cluster.main).catch(() => {});
		await Promise.allSettled([cluster.redis && cluster.redis.stop(), cluster.pg && cluster.pg.stop()]);
	};
	try {
		const [pgPort, redisPort] = [await n8n.freePort(), await n8n.freePort()];
		cluster.pg = await startPostgres({ dataDir: path.join(dataDir, 'postgres'), port: pgPort, logFile: path.join(root, 'postgres.log'), keep: keepData });
		say(`PostgreSQL on 127.0.0.1:${pgPort}`);
		cluster.redis = await startRedis({ port: redisPort, dir: path.join(dataDir, 'redis'), logFile: path.join(root, 'redis.log') });
		say(`Redis on 127.0.0.1:${redisPort}`);
		cluster.env = queueEnv({ pg: cluster.pg, redis: cluster.redis, filesDir, extra: env });

		const makeInstance = async (name, extra = {}) => {
			const userFolder = path.join(root, name);
			fs.mkdirSync(userFolder, { recursive: true });
			const inst = await n8n.createInstance({ userFolder, filesDir, env: { ...cluster.env, ...extra }, port: name === 'main' ? mainPort : undefined });
			n8n.installPackage(userFolder, tarball);
			return inst;
		};
		cluster.main = await makeInstance('main');
		for (let i = 1; i <= workers; i++) {
			const healthPort = await n8n.freePort();
			const inst = await makeInstance(`worker-${i}`, { QUEUE_HEALTH_CHECK_PORT: String(healthPort) });
			cluster.workers.push({ name: `worker-${i}`, inst, healthPort, proc: null });
		}
		say(`package installed on the main instance and ${workers} workers`);
		// The first CLI command creates the schema; the instances then start on a migrated database.
		if (beforeMain) await beforeMain(cluster.main, cluster);
		else await n8n.cli(cluster.main, ['list:workflow'], { allowFailure: true });
		await n8n.startServer(cluster.main, { echo });
		say(`main instance on ${cluster.main.url}`);
		await Promise.all(cluster.workers.map((w) => startWorker(w, workerConcurrency)));
		say(`${workers} workers ready (concurrency ${workerConcurrency} each)`);
		await n8n.ensureOwner(cluster.main);
	} catch (e) {
		await cluster.stop();
		throw e;
	}
	cluster.workerConcurrency = workerConcurrency;
	cluster.startWorker = (w) => startWorker(w, workerConcurrency);
	/** SIGTERM to the main instance (its whole group), wait for it to exit; then `n8n start` again. */
	cluster.stopMain = async () => n8n.stopServer(cluster.main);
	cluster.startMain = async () => {
		await n8n.startServer(cluster.main, { echo });
		await n8n.ensureOwner(cluster.main);
	};
	/** Which worker ran an execution, from the workers' logs ("Worker started execution <id> (job <n>)"). */
	cluster.workerOf = (executionId) => {
		const re = new RegExp(`Worker started execution ${executionId} \\(job`);
		const found = cluster.workers.filter((w) => w.proc && re.test(w.log()));
		return found.length === 1 ? found[0].name : found.length ? found.map((w) => w.name).join('+') : null;
	};
	return cluster;
}

async function startWorker(w, concurrency) {
	const p = w.inst.dist;
	const args = [p.n8nBin, 'worker', `--concurrency=${concurrency}`];
	if (!w.logs) w.logs = [];
	const { spawnGroup } = require('./procs');
	w.proc = spawnGroup(p.nodeBin, args, { env: w.inst.env, cwd: w.inst.userFolder, logFile: w.inst.logFile });
	const proc = w.proc;
	w.log = () => [...w.logs, proc.output()].join('\n');
	await proc.waitFor(/n8n worker is now ready/, 180000);
	// The health endpoint answers once the worker's server listens.
	const deadline = Date.now() + 30000;
	for (;;) {
		try {
			const r = await fetch(`http://127.0.0.1:${w.healthPort}/healthz`);
			if (r.ok) break;
		} catch {}
		if (Date.now() > deadline) throw new Error(`${w.name}: /healthz did not answer`);
		await new Promise((r) => setTimeout(r, 250));
	}
	return proc;
}

module.exports = { startQueueCluster, queueEnv };
