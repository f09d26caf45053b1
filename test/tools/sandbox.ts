/**
 * `npm run sandbox`: a Highload API simulator with realistic seed data, for trying the node by hand
 * (point the credential's base URL at the printed URL). Runs until Ctrl-C.
 */
import { HighloadSimulator } from '../simulator';

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

function seed(sim: HighloadSimulator): void {
	const videos = sim.addFolder('videos');
	const series = sim.addFolder('series', videos.id);
	const film = sim.addFolder('film', videos.id);
	sim.addFolder('RemoteDl');

	sim.addFile({ name: 'bigbuckbunny.mp4', folderId: film.id, size: 5321514545, downloadCount: 848, uploadAt: '2021-07-12 14:16:10' });
	sim.addFile({ name: 'Sintel.2010.1080p.mkv.mp4', folderId: film.id, size: 1448732327, downloadCount: 1337, uploadAt: '2021-07-12 14:18:02' });
	sim.addFile({ name: 'Tears of Steel (2012) [4K].mp4', folderId: film.id, size: 6727340032, downloadCount: 12, uploadAt: '2021-07-13 09:01:44' });
	for (let episode = 1; episode <= 3; episode++) {
		sim.addFile({ name: `Elephants.Dream.S01E0${episode}.mp4`, folderId: series.id, size: 350000000 + episode, uploadAt: `2021-07-1${episode} 20:00:00` });
	}
	sim.addFile({ name: 'MyOldCamera.avi', size: 734003200, cstatus: 'pending', uploadAt: '2021-07-14 04:40:40' });
	sim.addFile({ name: 'notes & ideas #1.txt', size: 2048 });

	const remote = sim.addRemoteUpload('http://proof.ovh.net/files/100Mio.dat', videos.id);
	sim.advanceRemoteUpload(remote.id, 'finished', { bytesTotal: 104857600 });
	sim.addRemoteUpload('https://example.com/downloads/Cosmos.Laundromat.mp4');
}

export async function main(argv: string[]): Promise<void> {
	const args = parseArgs(argv);
	const sim = await HighloadSimulator.start({}, { port: args.port, host: args.host });
	seed(sim);
	console.log('Highload API simulator running');
	console.log(`  URL:   ${sim.url}`);
	console.log(`  login: ${sim.login}`);
	console.log(`  key:   ${sim.key}`);
	console.log('Press Ctrl-C to stop.');
	process.once('SIGINT', () => {
		sim.close().then(() => process.exit(0));
	});
}
