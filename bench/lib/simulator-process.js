// The simulator in its own process, driven over IPC by a benchmark (bench/lib/simulator-client.js): the server's
// work runs on its own CPU, as a real server's would, and the measuring process's memory is its own.
'use strict';
require('../../scripts/ts-register').register();
const { HighloadSimulator } = require('../../test/simulator');

const commands = {
	uploads: (sim) => ({ uploads: sim.uploads.map(({ fields: _fields, ...upload }) => upload) }),
	cpu: () => {
		const cpu = process.cpuUsage();
		return { userMs: Math.round(cpu.user / 1000), systemMs: Math.round(cpu.system / 1000) };
	},
	reset: (sim) => {
		sim.resetStats();
		return { ok: true };
	},
	/** A folder holding `files` files: `{ name, files }` → `{ id }`. */
	folder: (sim, { name, files }) => {
		const folder = sim.addFolder(name);
		sim.addFiles(files, folder.id);
		return { id: folder.id };
	},
	/** One file as the simulator's addFile takes it: `{ file: { name, folderId, uploadAt, downloadCount, ... } }` → `{ id }`. */
	file: (sim, { file }) => ({ id: sim.addFile(file).id }),
	/** Requests since the last reset, of one endpoint or of all: `{ endpoint? }` → `{ count }`. */
	count: (sim, { endpoint }) => ({ count: endpoint ? sim.countRequests(endpoint) : sim.requests.length }),
};

(async () => {
	const sim = await HighloadSimulator.start(JSON.parse(process.argv[2] ?? '{}'));
	process.on('message', async (message) => {
		if (message.cmd === 'stop') {
			await sim.close();
			process.exit(0);
		}
		process.send(commands[message.cmd](sim, message));
	});
	process.send({ url: sim.url, login: sim.login, key: sim.key });
})();
