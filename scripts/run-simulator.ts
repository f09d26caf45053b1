/**
 * `npm run sandbox`: a Highload API simulator with realistic seed data, for trying the nodes by hand in any n8n
 * (create a "Highload API" credential with the printed values). Runs until Ctrl-C.
 * Flags: --port <n> or --port=<n> (default 5690, the port `npm start`'s sandbox uses, so a credential made for one
 * works with the other), --host <address> (default 127.0.0.1).
 */
import { seedSandbox } from '../test/simulator/seedData';
import { HighloadSimulator } from '../test/simulator';

export const DEFAULT_PORT = 5690;
const USAGE = 'Usage: npm run sandbox [-- --port 5690] [--host 127.0.0.1]';

interface SandboxArgs {
	port: number;
	host: string;
	help: boolean;
}

export function parseArgs(argv: string[]): SandboxArgs {
	const args: SandboxArgs = { port: DEFAULT_PORT, host: '127.0.0.1', help: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		if (flag === '--help' || flag === '-h') {
			args.help = true;
			continue;
		}
		const value = inline ?? argv[i + 1];
		if (inline === undefined) i++;
		if (flag === '--port' && value !== undefined && /^\d+$/.test(value) && Number(value) < 65536) args.port = Number(value);
		else if (flag === '--host' && value) args.host = value;
		else throw new Error(`Unknown or incomplete flag: ${argv[inline === undefined ? i - 1 : i]}\n${USAGE}`);
	}
	return args;
}

/** What to type into n8n's "Highload API" credential dialog to use this sandbox. */
export function credentialText(sim: { url: string; login: string; key: string }): string {
	return [
		'In n8n: Credentials → Create credential → "Highload API", then enter:',
		'',
		`  API Login:  ${sim.login}`,
		`  API Key:    ${sim.key}`,
		`  Base URL:   ${sim.url}`,
		'',
		'(An http:// Base URL is accepted because it points at this machine.)',
	].join('\n');
}

export async function main(argv: string[]): Promise<void> {
	const args = parseArgs(argv);
	if (args.help) {
		console.log(USAGE);
		return;
	}
	let sim: HighloadSimulator;
	try {
		sim = await HighloadSimulator.start({}, { port: args.port, host: args.host });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
			throw new Error(`Port ${args.port} on ${args.host} is in use (is \`npm start\` running? Its sandbox is already there). Pick another: npm run sandbox -- --port ${args.port + 10}`);
		}
		throw error;
	}
	seedSandbox(sim);
	console.log(`Highload API simulator running on ${sim.url}, with sample folders and files.\n`);
	console.log(credentialText(sim));
	console.log('\nPress Ctrl-C to stop.');
	process.once('SIGINT', () => {
		sim.close().then(() => process.exit(0));
	});
}
