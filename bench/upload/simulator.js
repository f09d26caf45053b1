// The simulator in its own process, so the engine process's memory is the node's alone. Driven over IPC by run.js.
'use strict';
require('../../scripts/ts-register').register();
const { HighloadSimulator } = require('../../test/simulator');

(async () => {
	const sim = await HighloadSimulator.start({});
	process.on('message', async (message) => {
		if (message.cmd === 'uploads') process.send({ uploads: sim.uploads.map(({ fields: _fields, ...upload }) => upload) });
		if (message.cmd === 'cpu') {
			const cpu = process.cpuUsage();
			process.send({ userMs: Math.round(cpu.user / 1000), systemMs: Math.round(cpu.system / 1000) });
		}
		if (message.cmd === 'reset') {
			sim.resetStats();
			process.send({ ok: true });
		}
		if (message.cmd === 'stop') {
			await sim.close();
			process.exit(0);
		}
	});
	process.send({ url: sim.url, login: sim.login, key: sim.key });
})();
