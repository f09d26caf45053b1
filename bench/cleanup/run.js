#!/usr/bin/env node
// Benchmark (not a test): Folder → List over a 100,000-file folder through n8n's real engine (test/harness), the
// simulator in its own process (bench/lib/simulator-process.js) on 127.0.0.1. Each variant runs in a fresh Node
// process (so one variant's garbage is not the next one's baseline), --runs times; medians reported.
//
//   npm run build && node bench/cleanup/run.js [--files=100000] [--runs=3] [--json=<file>]
//
// Variants (all Return All, Include: Files Only):
//   filtered = the clean-up's filters (Uploaded Before 30 days ago, Downloads at Most 0): 10 of the files match;
//   sorted   = no filter, Sort by Uploaded ascending with Limit 100 ("the 100 oldest");
//   unfiltered = no filter, every file output (what a Filter node after the listing used to receive).
// For each: wall time of the run, requests to file/listfolder, items output, and the engine process's peak RSS and
// peak V8 heap (sampled every 5 ms) above its own level just before the run (after one warm-up run of Limit 1), and
// the heap still held after the run once garbage is collected (the output items).
'use strict';
const { fork } = require('child_process');
const fs = require('fs');
const os = require('os');
const { performance } = require('perf_hooks');

const arg = (name, def) => {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`));
	return found ? found.slice(name.length + 3) : def;
};
const FILES = Number(arg('files', 100000));
const RUNS = Number(arg('runs', 3));
const MATCHES = 10;
const MiB = 1024 * 1024;
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const daysAgo = (d) => new Date(Date.now() - d * 86400000).toISOString().slice(0, 19).replace('T', ' ');

const VARIANTS = {
	filtered: { filters: { uploadedBefore: '={{ $now.minus({ days: 30 }) }}', downloadsAtMost: 0 } },
	sorted: { returnAll: false, limit: 100, sort: { rules: [{ by: 'uploaded', direction: 'ascending' }] } },
	unfiltered: {},
};

/** In the child: one measured run of one variant. */
async function child() {
	require('../../scripts/ts-register').register();
	const { Engine } = require('../../test/harness');
	const { sim, folderId, variant } = JSON.parse(process.argv[3]);
	const engine = await Engine.load();
	engine.setCredential({ login: sim.login, apiKey: sim.key, baseUrl: sim.url });
	const base = { resource: 'folder', operation: 'list', folderId: { __rl: true, mode: 'id', value: folderId }, options: { include: 'files' } };
	await engine.runNode({ parameters: { ...base, limit: 1 } });
	global.gc?.();
	const before = process.memoryUsage();
	let peakRss = before.rss;
	let peakHeap = before.heapUsed;
	const timer = setInterval(() => {
		const now = process.memoryUsage();
		peakRss = Math.max(peakRss, now.rss);
		peakHeap = Math.max(peakHeap, now.heapUsed);
	}, 5);
	const started = performance.now();
	const result = await engine.runNode({ parameters: { ...base, returnAll: true, ...VARIANTS[variant] } });
	const ms = performance.now() - started;
	clearInterval(timer);
	if (result.error) throw result.error;
	// What the run still holds once its garbage is collected: the output items (n8n keeps them for the next node).
	global.gc?.();
	const retainedHeapMiB = (process.memoryUsage().heapUsed - before.heapUsed) / MiB;
	process.send({
		ms,
		items: result.items.length,
		firstItem: result.items[0]?.json?.name,
		peakRssMiB: (peakRss - before.rss) / MiB,
		peakHeapMiB: (peakHeap - before.heapUsed) / MiB,
		retainedHeapMiB,
		rssBeforeMiB: before.rss / MiB,
	});
	process.exit(0);
}

async function main() {
	const { startSimulatorProcess } = require('../lib/simulator-client');
	const sim = await startSimulatorProcess();
	const { id: folderId } = await sim.call({ cmd: 'folder', name: 'big', files: FILES - MATCHES });
	for (let at = 0; at < MATCHES; at++) {
		await sim.call({ cmd: 'file', file: { name: `old-${at}.mp4`, folderId, size: 1000, downloadCount: 0, uploadAt: daysAgo(40 + at) } });
	}
	const results = {};
	for (let run = 0; run < RUNS; run++) {
		for (const variant of Object.keys(VARIANTS)) {
			await sim.call({ cmd: 'reset' });
			const measured = await new Promise((resolve, reject) => {
				const proc = fork(__filename, ['--child', JSON.stringify({ sim: { url: sim.url, login: sim.login, key: sim.key }, folderId, variant })], {
					execArgv: ['--expose-gc'],
				});
				proc.once('message', resolve);
				proc.once('exit', (code) => code !== 0 && reject(new Error(`${variant}: child exited ${code}`)));
			});
			measured.requests = (await sim.call({ cmd: 'count', endpoint: 'file/listfolder' })).count;
			(results[variant] ??= []).push(measured);
			console.log(`run ${run + 1} ${variant}: ${JSON.stringify(measured)}`);
		}
	}
	sim.stop();
	const summary = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg().map((l) => Number(l.toFixed(2))), node: process.version },
		files: FILES,
		matches: MATCHES,
		runs: RUNS,
		variants: Object.fromEntries(
			Object.entries(results).map(([variant, runs]) => [
				variant,
				{
					items: runs[0].items,
					firstItem: runs[0].firstItem,
					requests: runs[0].requests,
					medianMs: Math.round(median(runs.map((r) => r.ms))),
					medianPeakRssMiB: Number(median(runs.map((r) => r.peakRssMiB)).toFixed(1)),
					medianPeakHeapMiB: Number(median(runs.map((r) => r.peakHeapMiB)).toFixed(1)),
					medianRetainedHeapMiB: Number(median(runs.map((r) => r.retainedHeapMiB)).toFixed(1)),
				},
			]),
		),
	};
	console.log(JSON.stringify(summary, null, 2));
	const out = arg('json', undefined);
	if (out) fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
}

if (process.argv[2] === '--child') child().catch((error) => { console.error(error); process.exit(1); });
else main().catch((error) => { console.error(error); process.exit(1); });
