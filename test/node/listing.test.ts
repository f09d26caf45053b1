import { byId, jsonOf, useHighload } from '../support/setup';

/** Every entry, files and folders (Include's default is Files Only). */
const listAll = { returnAll: true, options: { include: 'both' } };

describe('folder → list paging', () => {
	const t = useHighload();

	test('returns every file across pages of 200, one request per page', async () => {
		const folder = t.sim.addFolder('big');
		const files = t.sim.addFiles(450, folder.id);
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll }));
		expect(items.map((item) => item.id).sort()).toEqual(files.map((file) => file.id).sort());
		expect(t.sim.requests.map((request) => [request.query.page, request.query.limit])).toEqual([
			['1', '200'],
			['2', '200'],
			['3', '200'],
		]);
	});

	test('an exact multiple of 200 ends at the empty page after it', async () => {
		const folder = t.sim.addFolder('even');
		t.sim.addFiles(400, folder.id);
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll }));
		expect(items).toHaveLength(400);
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
	});

	test('limit stops paging as soon as it is reached', async () => {
		const folder = t.sim.addFolder('big');
		t.sim.addFiles(650, folder.id);
		expect(jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), limit: 210 }))).toHaveLength(210);
		expect(t.sim.countRequests('file/listfolder')).toBe(2);
		t.sim.resetStats();
		expect(jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), limit: 5 }))).toHaveLength(5);
		expect(t.sim.countRequests('file/listfolder')).toBe(1);
	});

	test('folders repeated on every page are listed once; files only / folders only', async () => {
		t.sim.options.foldersOnEveryPage = true;
		const folder = t.sim.addFolder('mixed');
		for (const name of ['a', 'b', 'c']) t.sim.addFolder(name, folder.id);
		t.sim.addFiles(250, folder.id);
		const all = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll }));
		expect(all.filter((item) => item.type === 'folder').map((item) => item.name)).toEqual(['a', 'b', 'c']);
		expect(all.filter((item) => item.type === 'file')).toHaveLength(250);

		const files = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), returnAll: true, options: { include: 'files' } }));
		expect(files.every((item) => item.type === 'file')).toBe(true);
		expect(files).toHaveLength(250);
		const folders = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), returnAll: true, options: { include: 'folders' } }));
		expect(folders.map((item) => item.name)).toEqual(['a', 'b', 'c']);
	});

	test('a shuffled listing still yields every file exactly once', async () => {
		t.sim.options.shuffle = true;
		const folder = t.sim.addFolder('shuffled');
		const files = t.sim.addFiles(999, folder.id);
		const ids = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll })).map((item) => item.id);
		expect(new Set(ids).size).toBe(999);
		expect([...ids].sort()).toEqual(files.map((file) => file.id).sort());
	});

	test('a big folder is read two pages ahead: every file once, in the API\'s order, two requests past the last page', async () => {
		const folder = t.sim.addFolder('huge');
		const files = t.sim.addFiles(1000, folder.id);
		const ids = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), ...listAll })).map((item) => item.id);
		expect(ids).toEqual(files.map((file) => file.id));
		// Pages 1–5 full, 6 empty; pages 7 and 8 were already asked for (they may arrive just after the run).
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(t.sim.requests.map((request) => request.query.page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
	});

	test('no folder lists the root folder', async () => {
		const top = t.sim.addFolder('top');
		const file = t.sim.addFile({ name: 'root.mp4' });
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(''), ...listAll }));
		expect(items.map((item) => item.id)).toEqual([top.id, file.id]);
		expect(t.sim.requests[0].query.folder).toBeUndefined();
	});
});

describe('folder → list with subfolders', () => {
	const t = useHighload();

	test('walks the tree and gives each item its folder path', async () => {
		const videos = t.sim.addFolder('videos');
		const series = t.sim.addFolder('series', videos.id);
		const season = t.sim.addFolder('season 1', series.id);
		const film = t.sim.addFolder('film', videos.id);
		t.sim.addFile({ name: 'pilot.mp4', folderId: season.id });
		t.sim.addFile({ name: 'movie.mp4', folderId: film.id });
		t.sim.addFile({ name: 'intro.mp4', folderId: videos.id });
		const items = jsonOf(await t.run('folder', 'list', { ...listAll, options: { includeSubfolders: true, include: 'both' } }));
		const where = Object.fromEntries(items.map((item) => [`${item.type}:${item.name}`, item.path]));
		expect(where).toEqual({
			'folder:videos': '',
			'folder:series': 'videos',
			'folder:film': 'videos',
			'file:intro.mp4': 'videos',
			'folder:season 1': 'videos/series',
			'file:movie.mp4': 'videos/film',
			'file:pilot.mp4': 'videos/series/season 1',
		});
	});

	test('limit applies across the whole tree', async () => {
		const parent = t.sim.addFolder('p');
		for (let i = 0; i < 5; i++) t.sim.addFiles(10, t.sim.addFolder(`sub${i}`, parent.id).id);
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(parent.id), limit: 17, options: { includeSubfolders: true, include: 'files' } }));
		expect(items).toHaveLength(17);
	});

	test('a tree with a cycle ends, listing each folder once', async () => {
		const a = t.sim.addFolder('a');
		const b = t.sim.addFolder('b', a.id);
		t.sim.state.folders.get(a.id)!.parentId = b.id; // b → a → b → ...
		t.sim.addFile({ name: 'in-b.mp4', folderId: b.id });
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(a.id), ...listAll, options: { includeSubfolders: true, include: 'both' } }));
		expect(items.map((item) => `${item.type}:${item.name}@${item.path}`)).toEqual(['folder:b@', 'folder:a@b', 'file:in-b.mp4@b']);
		expect(t.sim.countRequests('file/listfolder')).toBe(2);
	});

	test('thousands of folders, wide and deep, are walked without blowing up', async () => {
		const wide = t.sim.addFolder('wide');
		for (let i = 0; i < 1500; i++) t.sim.addFolder(`w${i}`, wide.id);
		let deep = wide;
		for (let depth = 0; depth < 500; depth++) deep = t.sim.addFolder(`d${depth}`, deep.id);
		t.sim.addFile({ name: 'bottom.mp4', folderId: deep.id });
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(wide.id), ...listAll, options: { includeSubfolders: true, include: 'both' } }));
		expect(items.filter((item) => item.type === 'folder')).toHaveLength(2000);
		const bottom = items.find((item) => item.name === 'bottom.mp4')!;
		expect((bottom.path as string).split('/')).toHaveLength(500);
	}, 120_000);
});
