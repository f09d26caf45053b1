// One upload through n8n's real engine (n8n-core's WorkflowExecute, filesystem binary mode), in a fresh process:
// prints {nodeMs, maxRssBytes, ...} as JSON on the last line. Usage: node engine.js <file> <simulator-url> <login> <key>
'use strict';
require('../../scripts/ts-register').register();
const path = require('path');
const { Engine, useBinaryMode } = require('../../test/harness');

(async () => {
	const [file, url, login, apiKey] = process.argv.slice(2);
	const engine = await Engine.load();
	engine.setCredential({ login, apiKey, baseUrl: url });
	await useBinaryMode('filesystem');
	// RSS sampled while the workflow runs (the Highload node is the only thing running after the input node).
	// CPU samples, to take the Highload node's own share (its start and duration come from the run data).
	let sampledPeak = 0;
	const cpuSamples = [];
	const timer = setInterval(() => {
		sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
		const cpu = process.cpuUsage();
		cpuSamples.push([Date.now(), (cpu.user + cpu.system) / 1000]);
	}, 10);
	const started = Date.now();
	const cpuBefore = process.cpuUsage();
	const run = await engine.runNode({
		parameters: { resource: 'file', operation: 'upload', ...(process.env.VERIFY === 'false' ? { options: { verifyChecksum: false } } : {}) },
		input: [{ binary: { data: { path: file, fileName: path.basename(file), mimeType: 'application/octet-stream' } } }],
	});
	const totalMs = Date.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(timer);
	if (run.error) throw new Error(`upload failed: ${run.error.message} ${run.error.description ?? ''}`);
	const taskData = run.run.data.resultData.runData;
	const node = taskData.Highload[0];
	const at = (time) => (cpuSamples.find(([t]) => t >= time) ?? cpuSamples[cpuSamples.length - 1])[1];
	const nodeCpuMs = Math.round(at(node.startTime + node.executionTime) - at(node.startTime));
	console.log(
		JSON.stringify({
			nodeMs: taskData.Highload[0].executionTime,
			inputMs: taskData.Input[0].executionTime,
			totalMs,
			cpuUserMs: Math.round(cpu.user / 1000),
			cpuSystemMs: Math.round(cpu.system / 1000),
			nodeCpuMs,
			maxRssBytes: process.resourceUsage().maxRSS * 1024,
			sampledPeakRssBytes: sampledPeak,
			binaryId: taskData.Input[0].data.main[0][0].binary.data.id,
			output: run.items[0].json,
		}),
	);
	process.exit(0);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
