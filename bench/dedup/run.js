#!/usr/bin/env node
// Benchmark (not a test): what File → Upload's "If the Same File Exists: Skip" costs, through n8n's real engine
// (test/harness, filesystem binary mode) against the simulator on 127.0.0.1, in one process.
//
//   npm run build && node bench/dedup/run.js [--size=1024] [--files=10000] [--runs=3] [--parts=1,2] [--json=<file>]
//
// Part 1, a big file (--size MiB, default 1 GiB), medians of --runs:
//   anyway  = Upload Anyway (the default): file/ul + the streamed POST + file/info;
//   found   = Skip by content, the folder already holds the file: the binary hashed (streamed from n8n's store),
//             the folder listed, file/info of the file found — nothing uploaded;
//   new     = Skip by content, the folder does not hold it: hash + listing + the upload;
//   bare    = sha1 of the same file with fs.createReadStream + crypto, nothing else (the floor for hashing);
//   peak RSS above the process's RSS before the Highload node started, sampled every 10 ms during `found`.
// Part 2, a folder of --files files (default 10,000), a 1 KiB binary, medians of --runs:
//   Upload Anyway, Skip by content and Skip by name (file not there: listing + upload), the listing's requests,
//   and 50 items of one run uploading into that folder (the listing is shared by the run). The files each run
//   uploads are deleted after it, so every run lists exactly --files files.
'use strict';
require('../../scripts/ts-register').register();
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const { Engine, useBinaryMode } = require('../../test/harness');
const { HighloadSimulator } = require('../../test/simulator');

const MiB = 1024 * 1024;
const arg = (name, def) => {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`));
	return found ? found.slice(name.length + 3) : def;
};
const SIZE_MIB = Number(arg('size', 1024));
const FILES = Number(arg('files', 10000));
const RUNS = Number(arg('runs', 3));
const JSON_OUT = arg('json', undefined);
const PARTS = arg('parts', '1,2').split(',');
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function makeFile(file, sizeMiB) {
	const hash = crypto.createHash('sha1');
	const fd = fs.openSync(file, 'w');
	for (let written = 0; written < sizeMiB; written += 8) {
		const block = crypto.randomBytes(Math.min(8, sizeMiB - written) * MiB);
		hash.update(block);
		fs.writeSync(fd, block);
	}
	fs.closeSync(fd);
	return hash.digest('hex');
}

async function bareSha1(file) {
	const started = performance.now();
	const hash = crypto.createHash('sha1');
	for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) hash.update(chunk);
	hash.digest('hex');
	return performance.now() - started;
}

/** n8n's filesystem binary store of this process: emptied between runs (each run stores its input again). */
function clearStore() {
	const { Container } = require('@n8n/di');
	const { BinaryDataConfig } = require('n8n-core');
	const dir = Container.get(BinaryDataConfig).localStoragePath;
	for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

/** One run of the node; the Highload node's own time (n8n's executionTime), its requests, its peak RSS above the start. */
async function run(engine, sim, parameters, input) {
	sim.resetStats();
	let peak = 0;
	const before = process.memoryUsage().rss;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 10);
	const result = await engine.runNode({ parameters: { resource: 'file', operation: 'upload', ...parameters }, input });
	clearInterval(timer);
	if (result.error) throw new Error(`${result.error.message} ${result.error.description ?? ''}`);
	const task = result.run.data.resultData.runData;
	const out = {
		nodeMs: task.Highload[0].executionTime,
		inputMs: task.Input[0].executionTime,
		requests: Object.fromEntries(['file/listfolder', 'file/ul', 'upload', 'file/info'].map((e) => [e, sim.countRequests(e)])),
		skipped: result.items.map((item) => item.json.skipped),
		peakAboveStartMiB: Math.max(0, peak - before) / MiB,
	};
	clearStore();
	return out;
}

const skip = { options: { ifSameFileExists: 'skip', compareBy: 'content' } };

/** Part 1: Upload Anyway, Skip with the file found, Skip with a new file, and the bare sha1 of the big file. */
async function bigFile(engine, sim, tmp) {
	const big = path.join(tmp, 'big.bin');
	const bigSha1 = makeFile(big, SIZE_MIB);
	const has = sim.addFolder('has-it');
	sim.addFile({ name: 'big.bin', folderId: has.id, size: SIZE_MIB * MiB, sha1: bigSha1 });
	const input = () => [{ binary: { data: { path: big, fileName: 'big.bin', mimeType: 'application/octet-stream' } } }];
	const byId = (id) => ({ folderId: { __rl: true, mode: 'id', value: id } });
	const times = { anyway: [], found: [], new: [], bare: [], foundPeakMiB: [] };
	let requests;
	for (let i = 0; i < RUNS; i++) {
		const anyway = await run(engine, sim, byId(sim.addFolder(`anyway-${i}`).id), input());
		const found = await run(engine, sim, { ...byId(has.id), ...skip }, input());
		const fresh = await run(engine, sim, { ...byId(sim.addFolder(`empty-${i}`).id), ...skip }, input());
		if (found.requests.upload !== 0 || found.skipped[0] !== true || fresh.skipped[0] !== false) throw new Error('skip did not behave');
		times.anyway.push(anyway.nodeMs);
		times.found.push(found.nodeMs);
		times.new.push(fresh.nodeMs);
		times.foundPeakMiB.push(found.peakAboveStartMiB);
		times.bare.push(await bareSha1(big));
		requests = { anyway: anyway.requests, found: found.requests, new: fresh.requests };
		console.error(
			`part 1 run ${i + 1}: anyway ${anyway.nodeMs} ms, found ${found.nodeMs} ms, new ${fresh.nodeMs} ms, ` +
				`bare sha1 ${Math.round(times.bare[i])} ms, peak +${found.peakAboveStartMiB.toFixed(1)} MiB`,
		);
	}
	fs.rmSync(big);
	return {
		sizeMiB: SIZE_MIB,
		medianMs: Object.fromEntries(['anyway', 'found', 'new', 'bare'].map((k) => [k, Math.round(median(times[k]))])),
		all: times,
		requests,
		foundPeakAboveStartMiB: Number(median(times.foundPeakMiB).toFixed(1)),
	};
}

/** Part 2: a 1 KiB upload into a folder of FILES files, with and without the check; one item, and 50 in one run. */
async function bigFolder(engine, sim) {
	const folder = sim.addFolder('big-folder');
	const seeded = new Set(sim.addFiles(FILES, folder.id).map((file) => file.id));
	const where = { folderId: { __rl: true, mode: 'id', value: folder.id } };
	const small = (n = 1) =>
		Array.from({ length: n }, (_, index) => ({
			binary: { data: { content: crypto.randomBytes(1024), fileName: `small-${index}-${crypto.randomBytes(4).toString('hex')}.bin` } },
		}));
	// Each run's uploads are deleted after it: every run lists exactly FILES files.
	const measure = async (parameters, input) => {
		const result = await run(engine, sim, parameters, input);
		for (const id of [...sim.state.files.keys()]) if (!seeded.has(id) && sim.state.files.get(id).folderId === folder.id) sim.state.deleteFile(id);
		return result;
	};
	const times = { anyway: [], content: [], name: [], anyway50: [], content50: [] };
	let requests;
	for (let i = 0; i < RUNS; i++) {
		times.anyway.push((await measure(where, small())).nodeMs);
		const content = await measure({ ...where, ...skip }, small());
		times.content.push(content.nodeMs);
		times.name.push((await measure({ ...where, options: { ifSameFileExists: 'skip', compareBy: 'name' } }, small())).nodeMs);
		times.anyway50.push((await measure(where, small(50))).nodeMs);
		const fifty = await measure({ ...where, ...skip }, small(50));
		times.content50.push(fifty.nodeMs);
		requests = { one: content.requests, fifty: fifty.requests };
		console.error(
			`part 2 run ${i + 1}: anyway ${times.anyway[i]} ms, content ${content.nodeMs} ms, name ${times.name[i]} ms, ` +
				`50 items anyway ${times.anyway50[i]} ms, skip ${fifty.nodeMs} ms`,
		);
	}
	return { files: FILES, medianMs: Object.fromEntries(Object.keys(times).map((k) => [k, Math.round(median(times[k]))])), all: times, requests };
}

(async () => {
	const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg() };
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'highload-bench-dedup-'));
	const sim = await HighloadSimulator.start({});
	const engine = await Engine.load();
	engine.setCredential({ login: sim.login, apiKey: sim.key, baseUrl: sim.url });
	await useBinaryMode('filesystem');
	try {
		if (PARTS.includes('1')) results.part1 = await bigFile(engine, sim, tmp);
		if (PARTS.includes('2')) results.part2 = await bigFolder(engine, sim);
	} finally {
		await sim.close();
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	results.loadavgAfter = os.loadavg();
	console.log(JSON.stringify(results, null, 2));
	if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
