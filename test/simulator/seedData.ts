import type { HighloadSimulator } from './simulator';

/**
 * Sample account for the interactive sandbox (`npm run sandbox`, `npm start`) and the editor checks: a folder tree,
 * old and new files (one still converting), one finished and one pending remote upload.
 */
export function seedSandbox(sim: HighloadSimulator) {
	const videos = sim.addFolder('videos');
	const series = sim.addFolder('series', videos.id);
	const film = sim.addFolder('film', videos.id);
	const inbox = sim.addFolder('Inbox');
	sim.addFolder('RemoteDl');
	sim.addFile({ name: 'bigbuckbunny.mp4', folderId: film.id, size: 5321514545, downloadCount: 848, uploadAt: '2021-07-12 14:16:10' });
	sim.addFile({ name: 'Sintel.2010.1080p.mkv.mp4', folderId: film.id, size: 1448732327, downloadCount: 1337, uploadAt: '2021-07-12 14:18:02' });
	sim.addFile({ name: 'Tears of Steel (2012) [4K].mp4', folderId: film.id, size: 6727340032, downloadCount: 12, uploadAt: '2021-07-13 09:01:44' });
	for (let episode = 1; episode <= 3; episode++) {
		sim.addFile({ name: `Elephants.Dream.S01E0${episode}.mp4`, folderId: series.id, size: 350000000 + episode, uploadAt: `2021-07-1${episode} 20:00:00` });
	}
	sim.addFile({ name: 'MyOldCamera.avi', size: 734003200, cstatus: 'pending', uploadAt: '2021-07-14 04:40:40' });
	sim.addFile({ name: 'notes & ideas #1.txt', size: 2048 });
	sim.addFile({ name: 'fresh-upload.mp4', folderId: inbox.id, size: 10485760 });
	const finished = sim.addRemoteUpload('http://127.0.0.1/files/100Mio.dat', videos.id);
	sim.advanceRemoteUpload(finished.id, 'finished', { bytesTotal: 104857600 });
	sim.addRemoteUpload('https://example.com/downloads/Cosmos.Laundromat.mp4');
	return { videos, series, film, inbox };
}
