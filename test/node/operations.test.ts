import { byId, byUrl, fromList, jsonOf, useHighload } from '../support/setup';
import type { SimulatorOptions } from '../simulator';

/** Every operation against each way the API family answers (the simulator's switches). */
const servers: Array<[string, SimulatorOptions]> = [
	['HTTP status mirrors the envelope, numbers as strings, status as one object', { httpStatus: 'mirror', numbers: 'strings', remoteStatusShape: 'object' }],
	['always HTTP 200, numbers as numbers, status as a map by id', { httpStatus: 'always200', numbers: 'numbers', remoteStatusShape: 'map' }],
];

describe.each(servers)('Highload node operations — %s', (_label, options) => {
	const t = useHighload(options);

	test('account → get', async () => {
		const run = await t.run('account', 'get');
		expect(jsonOf(run)).toEqual([
			{ id: `u${t.sim.login}`, email: `${t.sim.login}@example.com`, signup_at: '2019-01-09 23:59:59', storage_used: 0, storage_left: 1099511627776, balance: 12.5 },
		]);
	});

	test('file → get, by ID and by URL: numbers are numbers, ids are strings', async () => {
		const folder = t.sim.addFolder('videos');
		const file = t.sim.addFile({ name: 'clip.mp4', folderId: folder.id, size: 361357875, downloadCount: 848 });
		for (const fileId of [byId(file.id), byUrl(`https://highload.to/f/${file.id}/clip.mp4`)]) {
			const [item] = jsonOf(await t.run('file', 'get', { fileId, simplify: false }));
			expect(item).toMatchObject({ id: file.id, name: 'clip.mp4', size: 361357875, download_count: 848, folderid: folder.id, folder: folder.id, sha1: file.sha1 });
		}
	});

	test('file → rename changes the stored name', async () => {
		const file = t.sim.addFile({ name: 'old.mp4' });
		const run = await t.run('file', 'rename', { fileId: byId(file.id), name: 'new.mp4' });
		expect(jsonOf(run)).toEqual([{ success: true, fileId: file.id, name: 'new.mp4' }]);
		expect(t.sim.state.files.get(file.id)!.name).toBe('new.mp4');
	});

	test('file → move puts the file in the chosen folder', async () => {
		const target = t.sim.addFolder('archive');
		const file = t.sim.addFile({ name: 'a.mp4' });
		const run = await t.run('file', 'move', { fileId: byId(file.id), folderId: fromList(target.id) });
		expect(jsonOf(run)).toEqual([{ success: true, fileId: file.id, folderId: target.id }]);
		expect(t.sim.state.files.get(file.id)!.folderId).toBe(target.id);
	});

	test('file → delete removes the file', async () => {
		const keep = t.sim.addFile({ name: 'keep.mp4' });
		const file = t.sim.addFile({ name: 'gone.mp4' });
		const run = await t.run('file', 'delete', { fileId: byId(file.id) });
		expect(jsonOf(run)).toEqual([{ deleted: true, fileId: file.id }]);
		expect(t.sim.state.files.has(file.id)).toBe(false);
		expect(t.sim.state.files.has(keep.id)).toBe(true);
	});

	test('file → get thumbnail returns the link, and downloads the image on request', async () => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		const [link] = jsonOf(await t.run('file', 'getThumbnail', { fileId: byId(file.id) }));
		expect(link).toEqual({ fileId: file.id, thumbnailUrl: `${t.sim.url}/thumb/${file.id}.jpg` });

		const run = await t.run('file', 'getThumbnail', { fileId: byId(file.id), options: { download: true, binaryPropertyName: 'image' } });
		const image = run.items[0].binary!.image;
		expect(image.mimeType).toBe('image/jpeg');
		expect(image.fileName).toBe(`${file.id}.jpg`);
		const bytes = Buffer.from(image.data, 'base64');
		expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
		const thumbRequest = t.sim.requests.find((request) => request.path.startsWith('/thumb/'))!;
		expect(thumbRequest.query.key).toBeUndefined();
	});

	test('file → get upload URL, for a folder', async () => {
		const folder = t.sim.addFolder('incoming');
		const [item] = jsonOf(await t.run('file', 'getUploadUrl', { folderId: byId(folder.id) }));
		expect(item.url).toMatch(new RegExp(`^${t.sim.url}/uls/\\w+$`));
		expect(item.valid_until).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(t.sim.requests[0].query.folder).toBe(folder.id);
	});

	test('folder → create, in the root and in a parent', async () => {
		const [root] = jsonOf(await t.run('folder', 'create', { name: 'top' }));
		expect(root).toEqual({ folderid: expect.any(String), name: 'top', parentFolderId: null });
		expect(t.sim.state.folders.get(root.folderid as string)).toMatchObject({ name: 'top', parentId: '0' });

		const [child] = jsonOf(await t.run('folder', 'create', { name: 'child', parentFolderId: byId(root.folderid as string) }));
		expect(t.sim.state.folders.get(child.folderid as string)).toMatchObject({ name: 'child', parentId: root.folderid });
	});

	test('folder → rename', async () => {
		const folder = t.sim.addFolder('old');
		const run = await t.run('folder', 'rename', { folderId: byId(folder.id), name: 'new' });
		expect(jsonOf(run)).toEqual([{ success: true, folderId: folder.id, name: 'new' }]);
		expect(t.sim.state.folders.get(folder.id)!.name).toBe('new');
	});

	test('folder → delete removes the folder and what it holds', async () => {
		const folder = t.sim.addFolder('doomed');
		const inner = t.sim.addFolder('inner', folder.id);
		const file = t.sim.addFile({ name: 'x.mp4', folderId: inner.id });
		const other = t.sim.addFolder('other');
		const run = await t.run('folder', 'delete', { folderId: byId(folder.id) });
		expect(jsonOf(run)).toEqual([{ deleted: true, folderId: folder.id }]);
		expect(t.sim.state.folders.has(folder.id)).toBe(false);
		expect(t.sim.state.folders.has(inner.id)).toBe(false);
		expect(t.sim.state.files.has(file.id)).toBe(false);
		expect(t.sim.state.folders.has(other.id)).toBe(true);
	});

	test('folder → list gives typed items with API fields', async () => {
		const folder = t.sim.addFolder('videos');
		t.sim.addFolder('series', folder.id);
		const file = t.sim.addFile({ name: 'a.mp4', folderId: folder.id, size: 10, downloadCount: 3 });
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), returnAll: true, options: { include: 'both' }, simplify: false }));
		expect(items).toEqual([
			{ type: 'folder', id: expect.any(String), name: 'series', path: '' },
			expect.objectContaining({ type: 'file', id: file.id, name: 'a.mp4', size: 10, download_count: 3, folderid: folder.id, path: '' }),
		]);
	});

	test('remote upload → add, get, remove', async () => {
		const folder = t.sim.addFolder('remote');
		const [added] = jsonOf(await t.run('remoteUpload', 'add', { url: 'https://example.com/video.mp4', folderId: byId(folder.id) }));
		expect(added).toEqual({ id: expect.stringMatching(/^[a-z0-9]+$/), folderid: folder.id });
		expect(t.sim.state.remoteUploads.get(added.id as string)).toMatchObject({ remoteUrl: 'https://example.com/video.mp4', folderId: folder.id });

		const [pending] = jsonOf(await t.run('remoteUpload', 'get', { remoteUploadId: String(added.id) }));
		expect(pending).toMatchObject({ id: added.id, status: 'pending', bytes_loaded: null, bytes_total: 0, started: null, finished: null });

		t.sim.advanceRemoteUpload(added.id as string, 'downloading', { bytesLoaded: 50, bytesTotal: 200 });
		const [downloading] = jsonOf(await t.run('remoteUpload', 'get', { remoteUploadId: String(added.id) }));
		expect(downloading).toMatchObject({ status: 'downloading', bytes_loaded: 50, bytes_total: 200, started: expect.any(String) });

		const removed = await t.run('remoteUpload', 'remove', { remoteUploadId: String(added.id) });
		expect(jsonOf(removed)).toEqual([{ deleted: true, remoteUploadId: added.id }]);
		expect(t.sim.state.remoteUploads.has(added.id as string)).toBe(false);
	});

	test('remote upload → remove all clears every upload', async () => {
		t.sim.addRemoteUpload('https://example.com/a.mp4');
		t.sim.addRemoteUpload('https://example.com/b.mp4');
		const run = await t.run('remoteUpload', 'removeAll');
		expect(jsonOf(run)).toEqual([{ deleted: true, remoteUploadId: 'all' }]);
		expect(t.sim.state.remoteUploads.size).toBe(0);
		expect(t.sim.requests[0].query.id).toBe('all');
	});

	test('remote upload → restart failed puts failed uploads back to pending', async () => {
		const failed = t.sim.addRemoteUpload('https://example.com/a.mp4');
		t.sim.advanceRemoteUpload(failed.id, 'error');
		const run = await t.run('remoteUpload', 'restartFailed');
		expect(jsonOf(run)).toEqual([{ success: true, restarted: 'failed' }]);
		expect(t.sim.state.remoteUploads.get(failed.id)!.status).toBe('pending');
	});

	test('conversion → get running lists files still converting', async () => {
		const converting = t.sim.addFile({ name: 'camera.avi', cstatus: 'pending' });
		t.sim.addFile({ name: 'done.mp4', cstatus: 'Completed' });
		const items = jsonOf(await t.run('conversion', 'getRunning'));
		expect(items).toEqual([expect.objectContaining({ id: converting.id, name: 'camera.avi', status: 'pending' })]);
	});
});
