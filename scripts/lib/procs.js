// Child processes in their own process groups, so that stopping one also stops everything it started
// (n8n starts a JS task runner of its own). Every group started here is recorded, in memory and, when
// HIGHLOAD_E2E_PIDFILE is set, in that file, so an outer runner can stop what a crashed test left behind.
'use strict';
const fs = require('fs');
const { spawn } = require('child_process');

const groups = new Set();

function record(pid) {
	groups.add(pid);
	const file = process.env.HIGHLOAD_E2E_PIDFILE;
	if (file) fs.appendFileSync(file, `${pid}\n`);
}

function alive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Signals a whole process group, then SIGKILLs it if it is still there after `graceMs`. */
async function killGroup(pid, graceMs = 5000) {
	if (!pid || !alive(pid)) {
		groups.delete(pid);
		return;
	}
	try {
		process.kill(-pid, 'SIGTERM');
	} catch {}
	const deadline = Date.now() + graceMs;
	while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
	if (alive(pid)) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {}
		const hard = Date.now() + 3000;
		while (alive(pid) && Date.now() < hard) await new Promise((r) => setTimeout(r, 50));
	}
	groups.delete(pid);
}

function killGroupSync(pid) {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {}
	groups.delete(pid);
}

/** Kills every process group listed in a pid file (one pid per line). */
async function killFromPidFile(file) {
	let pids = [];
	try {
		pids = fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return 0;
	}
	let n = 0;
	for (const pid of new Set(pids)) {
		if (alive(pid)) {
			n++;
			await killGroup(pid, 3000);
		}
	}
	return n;
}

/**
 * Spawns `cmd args` as the leader of a new process group. Returns the ChildProcess plus helpers:
 * `stop()` kills the group; `output()` is everything printed so far; `waitFor(re, ms)` waits for a line.
 */
function spawnGroup(cmd, args, opts = {}) {
	const { logFile, echo = false, ...spawnOpts } = opts;
	const child = spawn(cmd, args, { ...spawnOpts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	record(child.pid);
	let out = '';
	const waiters = [];
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	const onData = (chunk) => {
		const s = chunk.toString();
		out += s;
		if (out.length > 4_000_000) out = out.slice(-2_000_000);
		if (log) log.write(s);
		if (echo) process.stdout.write(s);
		for (const w of [...waiters]) w.check();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			groups.delete(child.pid);
			for (const w of [...waiters]) w.fail(new Error(`${cmd} exited (${code ?? signal}) before the awaited output.\n${out.slice(-3000)}`));
			resolve({ code, signal });
		});
	});
	child.on('close', () => log && log.end());
	return Object.assign(child, {
		exited,
		output: () => out,
		stop: (graceMs) => killGroup(child.pid, graceMs),
		waitFor(re, ms = 60000) {
			return new Promise((resolve, reject) => {
				const w = {
					check() {
						const m = out.match(re);
						if (m) {
							done();
							resolve(m);
						}
					},
					fail(e) {
						done();
						reject(e);
					},
				};
				const timer = setTimeout(() => w.fail(new Error(`timed out after ${ms} ms waiting for ${re}.\n${out.slice(-3000)}`)), ms);
				function done() {
					clearTimeout(timer);
					const i = waiters.indexOf(w);
					if (i >= 0) waiters.splice(i, 1);
				}
				waiters.push(w);
				w.check();
			});
		},
	});
}

/** Runs a command to completion in its own group; resolves {code, stdout, stderr}. Kills it on timeout. */
function runGroup(cmd, args, opts = {}) {
	const { timeoutMs = 120000, stdoutFile, ...rest } = opts;
	return new Promise((resolve, reject) => {
		// A large stdout (n8n execute --rawOutput prints the whole run) goes to a file: n8n exits right after
		// printing, and a pipe reader can lose the tail of it.
		const stdoutFd = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'pipe';
		const child = spawn(cmd, args, { ...rest, detached: true, stdio: ['ignore', stdoutFd, 'pipe'] });
		if (stdoutFile) fs.closeSync(stdoutFd);
		record(child.pid);
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (c) => (stdout += c));
		child.stderr.on('data', (c) => (stderr += c));
		const timer = setTimeout(() => {
			killGroupSync(child.pid);
			reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
		}, timeoutMs);
		child.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			// The leader is gone; anything it left in its group goes with it.
			killGroupSync(child.pid);
			if (stdoutFile) stdout = fs.readFileSync(stdoutFile, 'utf8');
			resolve({ code, stdout, stderr });
		});
	});
}

async function killAll() {
	await Promise.all([...groups].map((pid) => killGroup(pid, 4000)));
}

function killAllSync() {
	for (const pid of [...groups]) killGroupSync(pid);
}

process.on('exit', killAllSync);

module.exports = { spawnGroup, runGroup, killGroup, killAll, killAllSync, killFromPidFile, alive };
