// Starts bench/lib/simulator-process.js and talks to it: `const sim = await startSimulatorProcess(options)`, then
// `await sim.call({ cmd: 'reset' })`, ..., `sim.stop()`. One command at a time (each answer is the next message).
'use strict';
const { fork } = require('child_process');
const path = require('path');

async function startSimulatorProcess(options = {}) {
	const child = fork(path.join(__dirname, 'simulator-process.js'), [JSON.stringify(options)], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const next = () => new Promise((resolve) => child.once('message', resolve));
	const { url, login, key } = await next();
	return {
		url,
		login,
		key,
		call: async (message) => {
			const answer = next();
			child.send(message);
			return await answer;
		},
		stop: () => child.send({ cmd: 'stop' }),
	};
}

module.exports = { startSimulatorProcess };
