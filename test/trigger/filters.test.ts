import { emitted, fromList, idsOf, pollError, useTrigger } from './setup';

describe('Highload Trigger — Filters on the file events', () => {
	const t = useTrigger();

	test('a *.mp4 workflow does not start for .srt files; a file that did not match is not replayed when the filter changes', async () => {
		const folder = t.sim.addFolder('incoming');
		t.sim.addFile({ name: 'before.srt', folderId: folder.id });
		const mp4 = t.poller({ event: 'newFile', folderId: fromList(folder.id), filters: { nameMatches: '*.mp4' } });
		expect(await mp4.poll()).toBeNull();

		const video = t.sim.addFile({ name: 'Talk.MP4', folderId: folder.id });
		t.sim.addFile({ name: 'talk.srt', folderId: folder.id });
		expect(idsOf(await mp4.poll())).toEqual([video.id]);
		expect(await mp4.poll()).toBeNull();

		// The same node with its filter changed (the workflow saved again keeps the node's static data): talk.srt
		// and before.srt were seen while they did not match, so they do not start the workflow now.
		const srt = t.poller({ event: 'newFile', folderId: fromList(folder.id), filters: { nameMatches: '*.srt' } });
		srt.staticData = mp4.staticData;
		expect(await srt.poll()).toBeNull();
		const later = t.sim.addFile({ name: 'later.srt', folderId: folder.id });
		expect(idsOf(await srt.poll())).toEqual([later.id]);
		expect(await srt.poll()).toBeNull();
	});

	test('size filters in the chosen unit; File Ready to Stream takes them too', async () => {
		const folder = t.sim.addFolder('sizes');
		const newFiles = t.poller({ event: 'newFile', folderId: fromList(folder.id), filters: { sizeAtLeast: 1, sizeAtMost: 2, sizeUnit: 'mb' } });
		const ready = t.poller({ event: 'fileReady', folderId: fromList(folder.id), filters: { sizeAtMost: 1, sizeUnit: 'kb' } });
		expect(await newFiles.poll()).toBeNull();
		expect(await ready.poll()).toBeNull();
		const small = t.sim.addFile({ name: 'small.txt', folderId: folder.id, size: 1024 });
		const mid = t.sim.addFile({ name: 'mid.mp4', folderId: folder.id, size: 1536 * 1024 });
		t.sim.addFile({ name: 'big.mp4', folderId: folder.id, size: 3 * 1024 * 1024 });
		expect(idsOf(await newFiles.poll())).toEqual([mid.id]);
		expect(idsOf(await ready.poll())).toEqual([small.id]);
	});

	test('Fetch Test Event shows a matching file, or says none matches', async () => {
		const folder = t.sim.addFolder('sample');
		t.sim.addFile({ name: 'older.mp4', folderId: folder.id, uploadAt: '2026-01-01 00:00:00' });
		t.sim.addFile({ name: 'newest.srt', folderId: folder.id, uploadAt: '2026-02-01 00:00:00' });
		const sample = await t.poller({ event: 'newFile', folderId: fromList(folder.id), filters: { nameMatches: '*.mp4' } }, 'manual').poll();
		expect(emitted(sample).map((json) => json.name)).toEqual(['older.mp4']);
		const none = await pollError(() => t.poller({ event: 'newFile', folderId: fromList(folder.id), filters: { nameMatches: '*.mkv' } }, 'manual').poll());
		expect(none.message).toBe(`There is no file matching the Filters in folder ${folder.id} yet`);
	});

	test('a filter that cannot be read stops the poll naming it, before any request', async () => {
		const error = await pollError(() => t.poller({ event: 'newFile', filters: { sizeAtLeast: '={{ -1 }}' } }).poll());
		expect(error.message).toBe('Filters → Size at Least: -1 is less than 0');
		expect(t.sim.requests).toHaveLength(0);
	});
});
