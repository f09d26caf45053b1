// The parts n8n's queue mode needs besides n8n itself: PostgreSQL (the shared database) and Redis (the queue),
// both from Debian's packages (`postgresql`, `redis-server`), installed here when missing, and run as children
// of this process in their own process groups (scripts/lib/procs.js), on loopback ports, with throwaway data.
//
// Facts this follows (GUIDE §6): the apt-installed services are not started by the image's policy, so both run as
// plain children; `initdb` and `postgres` refuse to run as root, so as root they run as the `postgres` user, with
// their data in a folder that user owns; trust authentication on 127.0.0.1, user `postgres`, empty password.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { spawnGroup, runGroup } = require('./procs');

const log = (m) => process.stderr.write(`[queue-services] ${m}\n`);

/** The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<major>/bin), or null. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	let majors = [];
	try {
		majors = fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
	} catch {}
	for (const m of majors) {
		const dir = path.join(root, m, 'bin');
		if (fs.existsSync(path.join(dir, 'postgres')) && fs.existsSync(path.join(dir, 'initdb'))) return dir;
	}
	return null;
}

function redisBin() {
	for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(p)) return p;
	return null;
}

/**
 * Makes sure PostgreSQL and Redis are installed: `apt-get install -y postgresql redis-server` when either is
 * missing (root only; otherwise says what to run). Returns { pgBin, redisBin }.
 */
function ensureInstalled() {
	if (!postgresBinDir() || !redisBin()) {
		if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
			throw new Error('PostgreSQL and Redis are needed: run `apt-get update && apt-get install -y postgresql redis-server` as root');
		}
		log('installing postgresql and redis-server from Debian (apt-get)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		let r = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql', 'redis-server'], { env, encoding: 'utf8' });
		if (r.status !== 0) {
			// A fresh machine may have no package lists yet.
			spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8', stdio: 'inherit' });
			r = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql', 'redis-server'], { env, encoding: 'utf8' });
		}
		if (r.status !== 0) throw new Error(`apt-get install postgresql redis-server failed:\n${r.stdout}\n${r.stderr}`);
	}
	const pgBin = postgresBinDir();
	const redis = redisBin();
	if (!pgBin || !redis) throw new Error('PostgreSQL or Redis still missing after apt-get install');
	return { pgBin, redisBin: redis };
}

/** uid/gid to run PostgreSQL as: the `postgres` user when we are root (initdb refuses root), else ourselves. */
function postgresIdentity() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
	const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
	if (r.status !== 0 || g.status !== 0) throw new Error('running as root but there is no `postgres` user (apt-get install postgresql creates it)');
	return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function chownTree(dir, { uid, gid }) {
	if (uid === undefined) return;
	fs.chownSync(dir, uid, gid);
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) chownTree(p, { uid, gid });
		else fs.chownSync(p, uid, gid);
	}
}

/** Whether the postgres user can reach `dir`: every parent needs the search (x) bit for others. */
function traversable(dir, ident) {
	if (ident.uid === undefined) return true;
	let d = path.dirname(dir);
	for (;;) {
		const st = fs.statSync(d);
		if (!(st.mode & 0o001)) return false;
		const up = path.dirname(d);
		if (up === d) return true;
		d = up;
	}
}

/**
 * A throwaway PostgreSQL cluster: initdb (trust auth) into `dataDir`, started on 127.0.0.1:`port`, database
 * `database` created. With `keep`, a cluster already in `dataDir` is started as it is (`npm start -- --queue`
 * keeps its workflows); without, whatever is there is removed first (a test's cluster starts empty).
 * Returns { host, port, user, password, database, proc, stop() }.
 */
async function startPostgres({ dataDir, port, database = 'n8n', logFile, keep = false } = {}) {
	const { pgBin } = ensureInstalled();
	const ident = postgresIdentity();
	fs.mkdirSync(dataDir, { recursive: true });
	if (!traversable(dataDir, ident)) {
		// E.g. a checkout under /root (mode 700): the postgres user cannot reach the cache; use the temp folder.
		const alt = path.join(require('os').tmpdir(), `highload-postgres-${require('crypto').createHash('sha1').update(dataDir).digest('hex').slice(0, 10)}`);
		log(`the postgres user cannot reach ${dataDir}; its data goes to ${alt}`);
		dataDir = alt;
	}
	// The temp folder outlives the caller's data folder: an old cluster there would bring back an old run's
	// workflows, still active (their triggers polling twice).
	if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(dataDir, { recursive: true });
	fs.chmodSync(dataDir, 0o755);
	const socketDir = path.join(dataDir, 'socket');
	const pgData = path.join(dataDir, 'data');
	const fresh = !fs.existsSync(path.join(pgData, 'PG_VERSION'));
	if (fresh) fs.rmSync(pgData, { recursive: true, force: true });
	fs.mkdirSync(socketDir, { recursive: true });
	chownTree(dataDir, ident);
	const spawnOpts = { ...ident, cwd: dataDir, env: { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' } };
	if (fresh) {
		const r = await runGroup(path.join(pgBin, 'initdb'), ['--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync', '-D', pgData], {
			...spawnOpts,
			timeoutMs: 120000,
		});
		if (r.code !== 0) throw new Error(`initdb failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
	}
	const proc = spawnGroup(
		path.join(pgBin, 'postgres'),
		[
			'-D', pgData,
			'-p', String(port),
			'-c', 'listen_addresses=127.0.0.1',
			'-c', `unix_socket_directories=${socketDir}`,
			'-c', 'fsync=off',
			'-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off',
			'-c', 'max_connections=200',
		],
		{ ...spawnOpts, logFile },
	);
	await proc.waitFor(/database system is ready to accept connections/, 60000);
	if (fresh) {
		const r = await runGroup(path.join(pgBin, 'psql'), [
			'-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${database}`,
		], { ...spawnOpts, timeoutMs: 60000 });
		if (r.code !== 0) throw new Error(`CREATE DATABASE failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
	}
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password: '',
		database,
		proc,
		stop: () => proc.stop(15000),
	};
}

/** A Redis server on 127.0.0.1:`port` without persistence. Returns { host, port, proc, stop() }. */
async function startRedis({ port, dir, logFile } = {}) {
	const { redisBin: bin } = ensureInstalled();
	fs.mkdirSync(dir, { recursive: true });
	const proc = spawnGroup(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
		cwd: dir,
		logFile,
	});
	await proc.waitFor(/Ready to accept connections/, 30000);
	return { host: '127.0.0.1', port, proc, stop: () => proc.stop(5000) };
}

module.exports = { ensureInstalled, postgresBinDir, startPostgres, startRedis };
