/**
 * Benchmark of the Highload Trigger's poll on a big folder (not a test).
 *
 * In one run, against the simulator on 127.0.0.1 with a folder of N files (default 100,000), the simulator in its
 * own process as a real server would be (`--in-process`: in the measuring process, as this benchmark ran before
 * 2026-11-30, so the server's work and the client's share one CPU):
 * - bare loop: plain HTTP (fetch) of `file/listfolder` pages 1, 2, … until a short page, each body parsed;
 * - engine, first poll: the trigger's poll() through n8n-core's TriggersAndPollers (test/harness), no state yet;
 * - engine, steady poll: the same with the state of the previous poll (the poll n8n repeats every interval).
 * Each is run --runs times, alternating, and the median wall time reported, with the requests each made, the
 * ratio engine/bare, and the static data's size (JSON bytes, and bytes per watched file).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import { Engine } from '../../test/harness';
import { HighloadSimulator } from '../../test/simulator';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSimulatorProcess } = require('../lib/simulator-client') as {
	startSimulatorProcess: () => Promise<{ url: string; login: string; key: string; call: (message: object) => Promise<Record<string, unknown>>; stop: () => void }>;
};

/** The simulator as this benchmark uses it, in this process or in its own. */
interface BenchSimulator {
	url: string;
	login: string;
	key: string;
	folderOf(files: number): Promise<string>;
	reset(): Promise<void>;
	/** Requests since the last reset (of one endpoint, or all). */
	count(endpoint?: string): Promise<number>;
	close(): Promise<void>;
}

async function inProcessSimulator(): Promise<BenchSimulator> {
	const sim = await HighloadSimulator.start();
	return {
		url: sim.url,
		login: sim.login,
		key: sim.key,
		folderOf: async (files) => {
			const folder = sim.addFolder('big');
			sim.addFiles(files, folder.id);
			return folder.id;
		},
		reset: async () => sim.resetStats(),
		count: async (endpoint) => (endpoint ? sim.countRequests(endpoint) : sim.requests.length),
		close: async () => await sim.close(),
	};
}

async function simulatorProcess(): Promise<BenchSimulator> {
	const sim = await startSimulatorProcess();
	return {
		url: sim.url,
		login: sim.login,
		key: sim.key,
		folderOf: async (files) => String((await sim.call({ cmd: 'folder', name: 'big', files })).id),
		reset: async () => {
			await sim.call({ cmd: 'reset' });
		},
		count: async (endpoint) => Number((await sim.call({ cmd: 'count', endpoint })).count),
		close: async () => sim.stop(),
	};
}

function arg(argv: string[], name: string, fallback: string): string {
	const found = argv.find((a) => a.startsWith(`--${name}=`));
	return found ? found.slice(name.length + 3) : fallback;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function bareLoop(sim: BenchSimulator, folderId: string): Promise<{ pages: number; files: number }> {
	let files = 0;
	for (let page = 1; ; page++) {
		const res = await fetch(`${sim.url}/file/listfolder?login=${sim.login}&key=${sim.key}&folder=${folderId}&page=${page}&limit=200`);
		const body = JSON.parse(await res.text()) as { result: { files: unknown[] } };
		files += body.result.files.length;
		if (body.result.files.length < 200) return { pages: page, files };
	}
}

/** Lets a page read ahead past the end of the folder reach the simulator before requests are counted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await fn();
	return { ms: performance.now() - start, value };
}

export async function main(argv: string[]): Promise<void> {
	const count = Number(arg(argv, 'files', '100000'));
	const runs = Number(arg(argv, 'runs', '3'));
	const inProcess = argv.includes('--in-process');
	const sim = inProcess ? await inProcessSimulator() : await simulatorProcess();
	try {
		const folder = { id: await sim.folderOf(count) };
		const engine = await Engine.load();
		engine.setCredential({ login: sim.login, apiKey: sim.key, baseUrl: sim.url });
		const parameters = { event: 'newFile', folderId: { __rl: true, mode: 'id', value: folder.id } };

		const bare: number[] = [];
		const first: number[] = [];
		const steady: number[] = [];
		const requests = { bare: 0, first: 0, steady: 0 };
		let stateBytes = 0;
		await bareLoop(sim, folder.id); // warm-up of the simulator's cached order and of both HTTP stacks
		await engine.poller({ parameters }).poll();
		for (let run = 0; run < runs; run++) {
			await sim.reset();
			const b = await timed(() => bareLoop(sim, folder.id));
			if (b.value.files !== count) throw new Error(`bare loop saw ${b.value.files} files`);
			bare.push(b.ms);
			requests.bare = await sim.count('file/listfolder');

			const trigger = engine.poller({ parameters });
			await sim.reset();
			const f = await timed(() => trigger.poll());
			if (f.value !== null) throw new Error('first poll emitted items');
			first.push(f.ms);
			await settle();
			requests.first = await sim.count('file/listfolder');
			stateBytes = Buffer.byteLength(JSON.stringify(trigger.staticData));

			await sim.reset();
			const s = await timed(() => trigger.poll());
			if (s.value !== null) throw new Error('steady poll emitted items');
			steady.push(s.ms);
			await settle();
			requests.steady = await sim.count();
		}

		const result = {
			files: count,
			runs,
			simulator: inProcess ? 'in this process' : 'own process',
			expectedRequests: Math.ceil(count / 200),
			requests,
			bareMs: Math.round(median(bare)),
			firstPollMs: Math.round(median(first)),
			steadyPollMs: Math.round(median(steady)),
			ratioFirst: Number((median(first) / median(bare)).toFixed(2)),
			ratioSteady: Number((median(steady) / median(bare)).toFixed(2)),
			stateBytes,
			stateBytesPerFile: Number((stateBytes / count).toFixed(3)),
			samples: { bare: bare.map(Math.round), first: first.map(Math.round), steady: steady.map(Math.round) },
			node: process.version,
		};
		console.log(
			[
				`Highload Trigger poll benchmark — folder of ${count} files, median of ${runs} runs (node ${process.version}), simulator ${result.simulator}`,
				`requests      bare loop ${requests.bare}, first poll ${requests.first}, steady poll ${requests.steady} (ceil(N/200) = ${result.expectedRequests})`,
				`wall time     bare loop ${result.bareMs} ms, first poll ${result.firstPollMs} ms (×${result.ratioFirst}), steady poll ${result.steadyPollMs} ms (×${result.ratioSteady})`,
				`static data   ${stateBytes} bytes = ${result.stateBytesPerFile} bytes per file`,
			].join('\n'),
		);
		const json = arg(argv, 'json', '');
		if (json) writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
	} finally {
		await sim.close();
	}
}
