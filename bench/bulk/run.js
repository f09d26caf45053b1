#!/usr/bin/env node
// `npm run bench:bulk` (a benchmark, not a test): in the real n8n that `npm start` and the e2e suite use,
// 1,000 items of file.get through the Highload node versus the anchor (bench/bulk/anchor.js: a minimal declarative
// node with plain routing, the same credential and the same request, generated here) and n8n's HTTP Request node
// configured by hand for the same calls (GET <baseUrl>/file/info?file=…&login=…&key=…), at the same concurrency,
// against the simulator.
//
// Two concurrency settings, each workflow executed with `n8n execute --id` --runs times (median reported):
//   all-at-once: Highload with Request Options > Max Concurrent Requests = 1000; the anchor and HTTP Request as
//                they are (n8n starts every item's request at once);
//   5 at a time: Highload as shipped (its default gate is 5); the anchor, HTTP Request and (like for like with the
//                anchor) Highload inside "Loop Over Items" (batch 5), the usual hand-made way to bound a node.
// Timing: the execution's wall time (startedAt → stoppedAt) and the measured node's own executionTime.
// The simulator's highest number of requests in flight is recorded for each run to show the concurrency.
// Flags: --items=1000 --runs=3 --latency=10 (ms the simulator waits before each answer) --json=<file>
//        --only=<text> (cases whose 'node/concurrency' contains it) --cpu-prof=<dir> (V8 CPU profiles of n8n)
'use strict';
const fs = require('fs');
const path = require('path');
const { provision, dataDir } = require('../../scripts/provision-n8n');
const n8n = require('../../scripts/lib/n8n');
const { killAll } = require('../../scripts/lib/procs');
const { startSandbox } = require('../../scripts/lib/local-services');
const examples = require('../../scripts/lib/examples');
const { ANCHOR_PACKAGE, anchorNode, packAnchor } = require('./anchor');

function arg(name, def) {
	const a = process.argv.find((x) => x.startsWith(`--${name}=`));
	return a ? a.split('=').slice(1).join('=') : def;
}
const ITEMS = Number(arg('items', 1000));
const RUNS = Number(arg('runs', 3));
const LATENCY = Number(arg('latency', 10));
const CRED = { id: 'hlBenchCred0001', name: 'Highload Bench' };

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function baseNodes(ids) {
	return [
		{ id: 'b0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'b0000000-0000-4000-8000-000000000002',
			name: `${ITEMS} file ids`,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ ids }), options: {} },
		},
		{
			id: 'b0000000-0000-4000-8000-000000000003',
			name: 'One item per id',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'ids', options: {} },
		},
	];
}

const link = (from, to, index = 0) => ({ [from]: { main: [[{ node: to, type: 'main', index }]] } });

/** Manual Trigger → Set (the ids) → Split Out → the node under test. */
function benchWorkflow(id, ids, node) {
	return {
		id,
		name: `bench ${id}`,
		nodes: [...baseNodes(ids), node],
		connections: { ...link('Start', `${ITEMS} file ids`), ...link(`${ITEMS} file ids`, 'One item per id'), ...link('One item per id', node.name) },
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

function highloadNode(maxConcurrentRequests, position = [600, 0]) {
	return {
		id: 'b0000000-0000-4000-8000-000000000010',
		name: 'Highload: file.get',
		type: n8n.NODE_TYPE,
		typeVersion: 1,
		position,
		parameters: {
			resource: 'file',
			operation: 'get',
			fileId: { __rl: true, mode: 'id', value: '={{ $json.ids }}' },
			...(maxConcurrentRequests ? { requestOptions: { maxConcurrentRequests } } : {}),
		},
		credentials: { highloadApi: CRED },
	};
}

/**
 * HTTP Request configured by hand for file/info: with login and key typed into the query (`withCredential`
 * false), or with the Highload API credential as n8n's "predefined credential type" (n8n then applies the
 * credential's authenticate block to every request, as it does for the Highload node).
 */
function httpNode(sim, position, withCredential = false) {
	const auth = withCredential
		? { authentication: 'predefinedCredentialType', nodeCredentialType: 'highloadApi' }
		: {};
	const keyParameters = withCredential
		? []
		: [
				{ name: 'login', value: sim.login },
				{ name: 'key', value: sim.key },
			];
	return {
		id: 'b0000000-0000-4000-8000-000000000020',
		name: 'HTTP Request: file/info',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: {
			url: `${sim.url}/file/info`,
			...auth,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'file', value: '={{ $json.ids }}' }, ...keyParameters] },
			options: {},
		},
		...(withCredential ? { credentials: { highloadApi: CRED } } : {}),
	};
}

/** Manual Trigger → Set → Split Out → Loop Over Items (batch `batchSize`) ⇄ `node`. */
function loopWorkflow(id, ids, node, batchSize) {
	const loop = {
		id: 'b0000000-0000-4000-8000-000000000030',
		name: 'Loop Over Items',
		type: 'n8n-nodes-base.splitInBatches',
		typeVersion: 3,
		position: [600, 0],
		parameters: { batchSize, options: {} },
	};
	return {
		id,
		name: `bench ${id}`,
		nodes: [...baseNodes(ids), loop, node],
		connections: {
			...link('Start', `${ITEMS} file ids`),
			...link(`${ITEMS} file ids`, 'One item per id'),
			...link('One item per id', loop.name),
			[loop.name]: { main: [[], [{ node: node.name, type: 'main', index: 0 }]] },
			...link(node.name, loop.name),
		},
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

function timing(run, nodeName) {
	const started = new Date(run.run.startedAt).getTime();
	const stopped = new Date(run.run.stoppedAt).getTime();
	const nodeRuns = run.run.data.resultData.runData[nodeName] || [];
	const nodeMs = nodeRuns.reduce((s, r) => s + (r.executionTime || 0), 0);
	const items = nodeRuns.reduce((s, r) => s + (r.data?.main?.[0]?.length || 0), 0);
	return { wallMs: stopped - started, nodeMs, items };
}

async function main() {
	const t0 = Date.now();
	provision();
	// Outside the repository: the package must resolve n8n's own n8n-workflow (see provision-n8n's dataDir).
	const benchDir = path.join(dataDir(), 'bench');
	fs.rmSync(benchDir, { recursive: true, force: true });
	const tarball = n8n.buildAndPack(path.join(benchDir, 'pack'));
	const inst = await n8n.createInstance({ userFolder: path.join(benchDir, 'user') });
	const cpuProf = arg('cpu-prof', '');
	if (cpuProf) inst.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${path.resolve(cpuProf)}`;
	n8n.installPackage(inst.userFolder, tarball);
	n8n.installPackage(inst.userFolder, packAnchor(path.join(benchDir, 'anchor-pack')), ANCHOR_PACKAGE);

	const sandbox = await startSandbox({ seedData: false, options: { latencyMs: LATENCY } });
	const sim = sandbox.sim;
	const ids = sim.addFiles(ITEMS).map((f) => f.id);
	await n8n.importCredentials(inst, [examples.credentialFor(sim, CRED)]);

	const inLoop = [800, 100];
	const hl = 'Highload: file.get';
	const anchor = 'Anchor: file/info';
	const http = 'HTTP Request: file/info';
	let cases = [
		{ concurrency: 'all at once', name: 'Highload', wf: benchWorkflow('benchHlAll00001', ids, highloadNode(ITEMS)), node: hl },
		{ concurrency: 'all at once', name: 'Anchor', wf: benchWorkflow('benchAnchorAll01', ids, anchorNode(CRED, [600, 0])), node: anchor },
		{ concurrency: 'all at once', name: 'HTTP Request', wf: benchWorkflow('benchHttpAll0001', ids, httpNode(sim, [600, 0])), node: http },
		{
			concurrency: 'all at once',
			name: 'HTTP Request + credential',
			wf: benchWorkflow('benchHttpCred001', ids, httpNode(sim, [600, 0], true)),
			node: http,
		},
		{ concurrency: '5 at a time', name: 'Highload', wf: benchWorkflow('benchHl500000001', ids, highloadNode(undefined)), node: hl },
		{ concurrency: '5 at a time', name: 'Highload in loop', wf: loopWorkflow('benchHlLoop50001', ids, highloadNode(ITEMS, inLoop), 5), node: hl },
		{ concurrency: '5 at a time', name: 'Anchor in loop', wf: loopWorkflow('benchAnchorLoop1', ids, anchorNode(CRED, inLoop), 5), node: anchor },
		{ concurrency: '5 at a time', name: 'HTTP Request', wf: loopWorkflow('benchHttp5000001', ids, httpNode(sim, inLoop), 5), node: http },
	];
	const only = arg('only', '');
	if (only) cases = cases.filter((c) => `${c.name}/${c.concurrency}`.toLowerCase().includes(only.toLowerCase()));
	await n8n.importWorkflows(inst, cases.map((c) => c.wf));

	const results = [];
	for (const c of cases) c.samples = [];
	for (let r = 0; r < RUNS; r++) {
		// Alternate the order so neither node always runs on a warmer machine.
		const order = r % 2 ? [...cases].reverse() : cases;
		for (const c of order) {
			sim.resetStats();
			sim.maxConcurrency = 0;
			const run = await n8n.execute(inst, c.wf.id, { timeoutMs: 600000 });
			if (run.code !== 0 || !run.run) throw new Error(`${c.name} (${c.concurrency}) failed: ${run.error?.message ?? run.stdout.slice(-2000)}`);
			const t = timing(run, c.node);
			if (t.items !== ITEMS) throw new Error(`${c.name} (${c.concurrency}) returned ${t.items} items, expected ${ITEMS}`);
			const calls = sim.countRequests('file/info');
			c.samples.push({ ...t, maxInFlight: sim.maxConcurrency, fileInfoCalls: calls });
			console.log(`run ${r + 1}/${RUNS} ${c.concurrency.padEnd(11)} ${c.name.padEnd(26)} wall ${t.wallMs} ms, node ${t.nodeMs} ms, max in flight ${sim.maxConcurrency}, file/info calls ${calls}`);
		}
	}
	for (const c of cases) {
		results.push({
			concurrency: c.concurrency,
			node: c.name,
			wallMs: median(c.samples.map((s) => s.wallMs)),
			nodeMs: median(c.samples.map((s) => s.nodeMs)),
			maxInFlight: Math.max(...c.samples.map((s) => s.maxInFlight)),
			fileInfoCalls: c.samples[0].fileInfoCalls,
			samples: c.samples,
		});
	}
	const table = ['| concurrency | node | wall time (median) | node time (median) | max in flight | file/info calls |', '|---|---|---|---|---|---|'];
	const ratios = [];
	for (const conc of ['all at once', '5 at a time']) {
		for (const x of results.filter((r) => r.concurrency === conc)) {
			table.push(`| ${conc} | ${x.node} | ${x.wallMs} ms | ${x.nodeMs} ms | ${x.maxInFlight} | ${x.fileInfoCalls} |`);
		}
		for (const ours of results.filter((x) => x.concurrency === conc && x.node.startsWith('Highload'))) {
			for (const other of results.filter((x) => x.concurrency === conc && !x.node.startsWith('Highload'))) {
				ratios.push({
					concurrency: conc,
					highload: ours.node,
					against: other.node,
					wallRatio: +(ours.wallMs / other.wallMs).toFixed(3),
					nodeRatio: +(ours.nodeMs / other.nodeMs).toFixed(3),
				});
			}
		}
	}
	console.log(`\n${ITEMS} items, simulator latency ${LATENCY} ms, ${RUNS} runs each, n8n 2.41.1 on Node 24\n`);
	console.log(table.join('\n'));
	console.log('');
	for (const r of ratios) console.log(`${r.highload} / ${r.against}, ${r.concurrency}: wall ${r.wallRatio}x, node ${r.nodeRatio}x (target <= 1.1x)`);
	const out = { date: new Date().toISOString(), items: ITEMS, runs: RUNS, latencyMs: LATENCY, results, ratios, totalSeconds: Math.round((Date.now() - t0) / 1000) };
	const jsonFile = arg('json', path.join(benchDir, 'results.json'));
	fs.writeFileSync(jsonFile, JSON.stringify(out, null, 2));
	console.log(`\nresults: ${jsonFile}`);
	await sandbox.close();
	await killAll();
}

main().catch(async (e) => {
	console.error(e);
	await killAll();
	process.exit(1);
});
