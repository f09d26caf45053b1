#!/usr/bin/env node
// Benchmark (not a test): File → Upload of a large file through n8n's real engine in filesystem binary mode, against
// `curl -F` uploading the same file to the same simulator, in one run.
//
//   node bench/upload/run.js [--size=1024] [--runs=3] [--verify=false] [--json=<file>]      (size in MiB; run `npm run build` first)
//
// Each engine upload runs in a fresh process (bench/upload/engine.js) so its peak RSS (getrusage maxRSS) is its own;
// the simulator runs in another process (bench/lib/simulator-process.js). Reported:
//   extra memory = peak RSS of the engine process uploading the large file − peak RSS of the same run with a 1 MiB
//                  file (n8n, the package and the harness loaded either way), median over the runs;
//   wall time    = the Highload node's own execution time (file/ul + the streamed POST + file/info) and curl's wall
//                  time for the POST alone, medians, and their ratio.
// Every upload's sha1 and size, as the simulator received them, are checked against the file.
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { startSimulatorProcess } = require('../lib/simulator-client');

const MiB = 1024 * 1024;
const arg = (name, def) => {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`));
	return found ? found.slice(name.length + 3) : def;
};
const SIZE_MIB = Number(arg('size', 1024));
const RUNS = Number(arg('runs', 3));
const JSON_OUT = arg('json', undefined);
// --verify=false: File → Upload with Verify Checksum off (no sha1 on the engine side).
const VERIFY = arg('verify', 'true');
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mib = (bytes) => (bytes / MiB).toFixed(1);

function makeFile(file, sizeMiB) {
	const hash = crypto.createHash('sha1');
	const fd = fs.openSync(file, 'w');
	const blockMiB = 8;
	for (let written = 0; written < sizeMiB; written += blockMiB) {
		const block = crypto.randomBytes(Math.min(blockMiB, sizeMiB - written) * MiB);
		hash.update(block);
		fs.writeSync(fd, block);
	}
	fs.closeSync(fd);
	return hash.digest('hex');
}

function engineUpload(file, sim) {
	const result = spawnSync(process.execPath, [path.join(__dirname, 'engine.js'), file, sim.url, sim.login, sim.key], {
		encoding: 'utf8',
		env: { ...process.env, VERIFY },
		maxBuffer: 64 * MiB,
	});
	if (result.status !== 0) throw new Error(`engine run failed:\n${result.stdout}\n${result.stderr}`);
	const lines = result.stdout.trim().split('\n');
	return JSON.parse(lines[lines.length - 1]);
}

async function curlUpload(file, sim) {
	const ul = await (await fetch(`${sim.url}/file/ul?login=${sim.login}&key=${sim.key}`)).json();
	const started = process.hrtime.bigint();
	const out = execFileSync('curl', ['-sS', '-F', `login=${sim.login}`, '-F', `key=${sim.key}`, '-F', `file1=@${file}`, ul.result.url], {
		encoding: 'utf8',
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const answer = JSON.parse(out);
	if (answer.status !== 200) throw new Error(`curl upload failed: ${out}`);
	return { ms };
}

async function main() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'highload-bench-upload-'));
	const small = path.join(dir, 'small.bin');
	const big = path.join(dir, 'big.bin');
	const smallSha1 = makeFile(small, 1);
	const bigSha1 = makeFile(big, SIZE_MIB);
	const sim = await startSimulatorProcess();
	const request = sim.call;
	const check = async (label, sha1, size) => {
		const { uploads } = await request({ cmd: 'uploads' });
		const last = uploads[uploads.length - 1];
		if (!last || last.sha1 !== sha1 || last.size !== size || !last.hadContentLength || last.chunked) {
			throw new Error(`${label}: the simulator received ${JSON.stringify(last)}, expected sha1 ${sha1}, ${size} bytes, Content-Length`);
		}
	};
	const runs = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			const cpu0 = await request({ cmd: 'cpu' });
			const base = engineUpload(small, sim);
			await check('engine 1 MiB', smallSha1, MiB);
			const cpu1 = await request({ cmd: 'cpu' });
			const engine = engineUpload(big, sim);
			await check(`engine ${SIZE_MIB} MiB`, bigSha1, SIZE_MIB * MiB);
			const cpu2 = await request({ cmd: 'cpu' });
			const curl = await curlUpload(big, sim);
			await check(`curl ${SIZE_MIB} MiB`, bigSha1, SIZE_MIB * MiB);
			const cpu3 = await request({ cmd: 'cpu' });
			const simCpu = (a, b) => b.userMs + b.systemMs - a.userMs - a.systemMs;
			const run = {
				baseMaxRss: base.maxRssBytes,
				maxRss: engine.maxRssBytes,
				extraRss: engine.maxRssBytes - base.maxRssBytes,
				extraSampledRss: engine.sampledPeakRssBytes - base.sampledPeakRssBytes,
				nodeMs: engine.nodeMs,
				inputMs: engine.inputMs,
				curlMs: curl.ms,
				engineNodeCpuMs: engine.nodeCpuMs,
				simulatorCpuMsForEngine: simCpu(cpu1, cpu2) - simCpu(cpu0, cpu1),
				simulatorCpuMsForCurl: simCpu(cpu2, cpu3),
			};
			runs.push(run);
			console.log(
				`run ${i + 1}: engine peak RSS ${mib(run.maxRss)} MiB (1 MiB run: ${mib(run.baseMaxRss)} MiB) → extra ${mib(run.extraRss)} MiB;` +
					` Highload node ${(run.nodeMs / 1000).toFixed(2)} s, curl ${(run.curlMs / 1000).toFixed(2)} s` +
					` (n8n copying the file into its binary store before: ${(run.inputMs / 1000).toFixed(2)} s);` +
					` CPU: engine process during the node ${(run.engineNodeCpuMs / 1000).toFixed(2)} s, simulator` +
					` ${(run.simulatorCpuMsForEngine / 1000).toFixed(2)} s (engine upload) / ${(run.simulatorCpuMsForCurl / 1000).toFixed(2)} s (curl upload)`,
			);
		}
	} finally {
		sim.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	}
	const summary = {
		sizeMiB: SIZE_MIB,
		verifyChecksum: VERIFY !== 'false',
		runs: RUNS,
		node: process.version,
		cpus: os.cpus().length,
		extraRssMiB: Number(mib(median(runs.map((r) => r.extraRss)))),
		extraSampledRssMiB: Number(mib(median(runs.map((r) => r.extraSampledRss)))),
		nodeSeconds: Number((median(runs.map((r) => r.nodeMs)) / 1000).toFixed(2)),
		curlSeconds: Number((median(runs.map((r) => r.curlMs)) / 1000).toFixed(2)),
	};
	summary.ratio = Number((summary.nodeSeconds / summary.curlSeconds).toFixed(2));
	summary.bestRatio = Number(Math.min(...runs.map((r) => r.nodeMs / r.curlMs)).toFixed(2));
	summary.engineNodeCpuSeconds = Number((median(runs.map((r) => r.engineNodeCpuMs)) / 1000).toFixed(2));
	summary.simulatorCpuSecondsPerUpload = Number((median(runs.map((r) => r.simulatorCpuMsForCurl)) / 1000).toFixed(2));
	summary.loadAverage = os.loadavg().map((x) => Number(x.toFixed(2)));
	console.log(`\n${SIZE_MIB} MiB, filesystem binary mode, median of ${RUNS} runs:`);
	console.log(`  extra peak RSS over the 1 MiB run: ${summary.extraRssMiB} MiB   (target ≤ 64 MiB)`);
	console.log(`  wall time: Highload node ${summary.nodeSeconds} s, curl -F ${summary.curlSeconds} s, ratio ${summary.ratio}× (best run ${summary.bestRatio}×)   (target ≤ 1.2×)`);
	console.log(
		`  CPU: engine process during the node ${summary.engineNodeCpuSeconds} s; simulator per upload ${summary.simulatorCpuSecondsPerUpload} s;` +
			` load average at the end ${summary.loadAverage.join(' ')} on ${summary.cpus} CPUs`,
	);
	if (JSON_OUT) fs.writeFileSync(JSON_OUT, `${JSON.stringify({ summary, runs }, null, 2)}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
