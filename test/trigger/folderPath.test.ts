import { byPath, emitted, idsOf, pollError, useTrigger } from './setup';

/** The trigger's Folder By Path: resolved from the root once per poll (issue #14). */
describe('Highload Trigger — folder by path', () => {
	const t = useTrigger();

	test('watches the folder the path names, resolving it once per poll (one listing per level)', async () => {
		const videos = t.sim.addFolder('videos');
		const year = t.sim.addFolder('2026', videos.id);
		const archive = t.sim.addFolder('archive', year.id);
		t.sim.addFiles(250, archive.id);
		const trigger = t.poller({ event: 'newFile', folderId: byPath('/videos/2026/archive/') });

		expect(await trigger.poll()).toBeNull();
		// root, videos, 2026 to resolve the path; then the 250 files of archive: 2 pages.
		expect(t.sim.countRequests('file/listfolder')).toBe(5);

		const added = t.sim.addFile({ name: 'new.mp4', folderId: archive.id });
		t.sim.addFile({ name: 'elsewhere.mp4', folderId: year.id });
		t.sim.resetStats();
		const items = await trigger.poll();
		expect(idsOf(items)).toEqual([added.id]);
		expect(emitted(items)[0]).toMatchObject({ folderid: archive.id, event: 'newFile', path: '' });
		expect(t.sim.countRequests('file/listfolder')).toBe(5);
	});

	test('a missing folder fails the poll naming the segment; the state is kept', async () => {
		const videos = t.sim.addFolder('videos');
		const trigger = t.poller({ event: 'newFile', folderId: byPath('videos/series') });
		const error = await pollError(async () => await trigger.poll());
		expect(error.message).toBe(`Folder path "videos/series": there is no folder "series" in "videos" (folder ${videos.id})`);

		const series = t.sim.addFolder('series', videos.id);
		expect(await trigger.poll()).toBeNull();
		const file = t.sim.addFile({ name: 'ep1.mp4', folderId: series.id });
		expect(idsOf(await trigger.poll())).toEqual([file.id]);
	});

	test('"/" and an empty path watch the root folder', async () => {
		for (const path of ['/', '']) {
			const trigger = t.poller({ event: 'newFile', folderId: byPath(path) });
			expect(await trigger.poll()).toBeNull();
			const file = t.sim.addFile({ name: `top${path}.mp4` });
			expect(idsOf(await trigger.poll())).toEqual([file.id]);
		}
	});

	test('Fetch Test Event (manual mode) works by path', async () => {
		const videos = t.sim.addFolder('vidéos');
		const file = t.sim.addFile({ name: 'clip.mp4', folderId: videos.id });
		const trigger = t.poller({ event: 'newFile', folderId: byPath('vidéos') }, 'manual');
		expect(idsOf(await trigger.poll())).toEqual([file.id]);
	});
});
