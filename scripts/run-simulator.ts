/**
 * `npm run sandbox`: a Highload API simulator with realistic seed data, for trying the node by hand
 * (point the credential's base URL at the printed URL). Runs until Ctrl-C.
 */
import { seedSandbox } from '../test/simulator/seedData';
import { HighloadSimulator } from '../test/simulator';

interface SandboxArgs {
	port: number;
	host: string;
}

function parseArgs(argv: string[]): SandboxArgs {
	const args: SandboxArgs = { port: 0, host: '127.0.0.1' };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if (flag === '--port' && value !== undefined && /^\d+$/.test(value)) args.port = Number(value);
		else if (flag === '--host' && value !== undefined) args.host = value;
		else throw new Error(`Unknown or incomplete flag: ${flag}\nUsage: sandbox [--port N] [--host 127.0.0.1]`);
		i++;
	}
	return args;
}


export async function main(argv: string[]): Promise<void> {
	const args = parseArgs(argv);
	const sim = await HighloadSimulator.start({}, { port: args.port, host: args.host });
	seedSandbox(sim);
	console.log('Highload API simulator running');
	console.log(`  URL:   ${sim.url}`);
	console.log(`  login: ${sim.login}`);
	console.log(`  key:   ${sim.key}`);
	console.log('Press Ctrl-C to stop.');
	process.once('SIGINT', () => {
		sim.close().then(() => process.exit(0));
	});
}
