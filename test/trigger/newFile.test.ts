import type { FaultKind } from '../simulator';
import { emitted, fromList, idsOf, nodeState, pollError, stateBytes, useTrigger } from './setup';

/** newFile: every file that appears in the watched folder is emitted exactly once. */
describe('Highload Trigger — newFile', () => {
	const t = useTrigger();

	test('first poll records the present and emits nothing; additions emit once, with event and path', async () => {
		const folder = t.sim.addFolder('videos');
		t.sim.addFiles(450, folder.id);
		const trigger = t.poller({ event: 'newFile', folderId: fromList(folder.id) });

		expect(await trigger.poll()).toBeNull();
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
		expect(await trigger.poll()).toBeNull();

		const a = t.sim.addFile({ name: 'a.mp4', folderId: folder.id, size: 361357875, downloadCount: 848 });
		const b = t.sim.addFile({ name: 'b.mp4', folderId: folder.id });
		t.sim.addFile({ name: 'elsewhere.mp4' }); // root: not watched
		t.sim.resetStats();
		const items = await trigger.poll();
		expect(idsOf(items)).toEqual([a.id, b.id].sort());
		expect(emitted(items)[0]).toMatchObject({ id: a.id, name: 'a.mp4', size: 361357875, download_count: 848, folderid: folder.id, event: 'newFile', path: '' });
		expect(t.sim.countRequests('file/listfolder')).toBe(3); // ceil(452/200)
		expect(t.sim.requests).toHaveLength(3);

		expect(await trigger.poll()).toBeNull();
	});

	test('the root folder when no folder is given; subfolders with their path when asked', async () => {
		const series = t.sim.addFolder('series');
		const season = t.sim.addFolder('season 1', series.id);
		const root = t.poller({ event: 'newFile' });
		const tree = t.poller({ event: 'newFile', folderId: fromList(series.id), includeSubfolders: true });
		expect(await root.poll()).toBeNull();
		expect(await tree.poll()).toBeNull();

		const top = t.sim.addFile({ name: 'top.mp4' });
		const deep = t.sim.addFile({ name: 'ep1.mp4', folderId: season.id });
		expect(emitted(await root.poll())).toEqual([expect.objectContaining({ id: top.id, path: '' })]);
		expect(emitted(await tree.poll())).toEqual([expect.objectContaining({ id: deep.id, path: 'season 1', event: 'newFile' })]);
	});

	test('a new file moving between two watched subfolders while the poll pages is emitted once', async () => {
		const watched = t.sim.addFolder('watched');
		const first = t.sim.addFolder('first', watched.id);
		const second = t.sim.addFolder('second', watched.id);
		const trigger = t.poller({ event: 'newFile', folderId: fromList(watched.id), includeSubfolders: true });
		expect(await trigger.poll()).toBeNull();

		const moving = t.sim.addFile({ name: 'moving.mp4', folderId: first.id });
		// Listed in "first", then moved into "second" before that folder is listed: the walk meets it twice.
		const stop = t.sim.onRequest('file/listfolder', (query) => {
			if (query.folder === second.id) t.sim.moveFile(moving.id, second.id);
		});
		expect(emitted(await trigger.poll())).toEqual([expect.objectContaining({ id: moving.id })]);
		stop();
		expect(await trigger.poll()).toBeNull();
	});

	test('shuffled listings never re-emit', async () => {
		t.sim.options.shuffle = true;
		t.sim.addFiles(1000);
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();
		for (let i = 0; i < 5; i++) expect(await trigger.poll()).toBeNull();
		const added = [t.sim.addFile({ name: 'x.mp4' }), t.sim.addFile({ name: 'y.mp4' })];
		expect(idsOf(await trigger.poll())).toEqual(added.map((f) => f.id).sort());
		for (let i = 0; i < 3; i++) expect(await trigger.poll()).toBeNull();
	});

	test.each(['oldestFirst', 'newestFirst', 'shuffle'] as const)('files added while a poll pages are emitted once (%s)', async (order) => {
		if (order === 'shuffle') t.sim.options.shuffle = true;
		else t.sim.options.order = order;
		t.sim.addFiles(1000);
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();

		const added: string[] = [];
		const stop = t.sim.onRequest('file/listfolder', (query) => {
			if (query.page === '2' || query.page === '4') added.push(t.sim.addFile({ name: `mid-${query.page}.mp4` }).id);
		});
		const first = idsOf(await trigger.poll());
		stop();
		const second = idsOf(await trigger.poll());
		const third = idsOf(await trigger.poll());
		expect([...first, ...second, ...third].sort()).toEqual(added.sort());
	});

	test.each(['oldestFirst', 'newestFirst', 'shuffle'] as const)('files deleted while a poll pages: nothing re-emitted, later additions once (%s)', async (order) => {
		if (order === 'shuffle') t.sim.options.shuffle = true;
		else t.sim.options.order = order;
		const files = t.sim.addFiles(1000);
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();

		// Deleting entries ahead of the read position shifts later entries onto pages already read.
		const stop = t.sim.onRequest('file/listfolder', (query) => {
			if (query.page === '3') for (const file of files.splice(0, 5)) t.sim.deleteFile(file.id);
		});
		expect(await trigger.poll()).toBeNull();
		stop();
		if (order === 'oldestFirst') expect(t.sim.countRequests('file/info')).toBe(1); // the shifted entries were checked
		for (let i = 0; i < 3; i++) expect(await trigger.poll()).toBeNull();
		const late = t.sim.addFile({ name: 'late.mp4' });
		expect(idsOf(await trigger.poll())).toEqual([late.id]);
	});

	const faults: FaultKind[] = ['bandwidth', 'html', 'truncated', 'reset', 'noAnswer'];
	test.each(faults)('a fault at page 3 of 5 (%s) throws; the next poll catches up, no loss, no duplicate', async (kind) => {
		t.sim.addFiles(900);
		const trigger = t.poller({ event: 'newFile', options: { timeout: 1000 } });
		expect(await trigger.poll()).toBeNull();
		const before = JSON.stringify(trigger.staticData);

		const added = [t.sim.addFile({ name: 'n1.mp4' }).id, t.sim.addFile({ name: 'n2.mp4' }).id];
		t.sim.fault('file/listfolder', { kind, skip: 2 });
		const error = await pollError(() => trigger.poll());
		expect(error.message).toMatch(/Highload/);
		expect(JSON.stringify(trigger.staticData)).toBe(before);

		expect(idsOf(await trigger.poll())).toEqual(added.sort());
		expect(await trigger.poll()).toBeNull();
	});

	test('moved-in files emit, moved-out and deleted files do not; a file that leaves and comes back is new again', async () => {
		const inbox = t.sim.addFolder('inbox');
		const other = t.sim.addFolder('other');
		const outsider = t.sim.addFile({ name: 'outsider.mp4', folderId: other.id });
		const resident = t.sim.addFile({ name: 'resident.mp4', folderId: inbox.id });
		const doomed = t.sim.addFile({ name: 'doomed.mp4', folderId: inbox.id });
		const trigger = t.poller({ event: 'newFile', folderId: fromList(inbox.id) });
		expect(await trigger.poll()).toBeNull();

		t.sim.moveFile(outsider.id, inbox.id);
		expect(idsOf(await trigger.poll())).toEqual([outsider.id]);

		t.sim.deleteFile(doomed.id);
		t.sim.moveFile(resident.id, other.id);
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();

		t.sim.moveFile(resident.id, inbox.id);
		expect(idsOf(await trigger.poll())).toEqual([resident.id]);
		expect(await trigger.poll()).toBeNull();
	});

	test('state is 13 bytes per watched file (12-character id + separator) plus a small header, and survives JSON', async () => {
		t.sim.addFiles(2000);
		const trigger = t.poller({ event: 'newFile' });
		expect(await trigger.poll()).toBeNull();
		const bytes = stateBytes(trigger.staticData);
		expect(bytes).toBeLessThanOrEqual(2000 * 13 + 150);
		expect(bytes).toBeGreaterThanOrEqual(2000 * 12);
		const state = nodeState(trigger.staticData);
		expect(Object.keys(state).sort()).toEqual(['files', 'scope']);
		expect(typeof state.files).toBe('string');
		expect((state.files as string).length).toBe(2000 * 13 - 1);
	});

	test('manual mode returns the most recently uploaded file, or a clear message when there is none', async () => {
		const folder = t.sim.addFolder('empty');
		const manualEmpty = t.poller({ event: 'newFile', folderId: fromList(folder.id) }, 'manual');
		const error = await pollError(() => manualEmpty.poll());
		expect(error.message).toBe(`There is no file in folder ${folder.id} yet`);

		t.sim.addFile({ name: 'old.mp4', uploadAt: '2021-07-12 14:16:10' });
		const newest = t.sim.addFile({ name: 'new.mp4', uploadAt: '2024-01-01 00:00:00' });
		t.sim.addFile({ name: 'mid.mp4', uploadAt: '2022-01-01 00:00:00' });
		const manual = t.poller({ event: 'newFile' }, 'manual');
		expect(emitted(await manual.poll())).toEqual([expect.objectContaining({ id: newest.id, event: 'newFile', path: '' })]);
		expect(manual.staticData).toEqual({});
	});
});
