import { byId, byPath, jsonOf, useHighload } from '../support/setup';

/** Folder fields By Path: resolved from the root once per run, created where missing when asked (issue #14). */
describe('Folders by path', () => {
	const t = useHighload({ latencyMs: 5 });

	/** videos/series, videos/2026/archive, a unicode folder and one whose name holds a slash and a backslash. */
	function seedTree() {
		const videos = t.sim.addFolder('videos');
		const series = t.sim.addFolder('series', videos.id);
		const year = t.sim.addFolder('2026', videos.id);
		const archive = t.sim.addFolder('archive', year.id);
		const unicode = t.sim.addFolder('Fotos – été 2024 🎬', videos.id);
		const slashed = t.sim.addFolder('AC/DC \\ live', videos.id);
		return { videos, series, year, archive, unicode, slashed };
	}

	test.each([
		['videos/series', 'series', 'videos/series'],
		['/videos/series/', 'series', 'videos/series'],
		['  videos//series  ', 'series', 'videos/series'],
		['videos/2026/archive', 'archive', 'videos/2026/archive'],
		['videos/Fotos – été 2024 🎬', 'unicode', 'videos/Fotos – été 2024 🎬'],
		['videos/AC\\/DC \\\\ live', 'slashed', 'videos/AC\\/DC \\\\ live'],
	] as const)('"%s" resolves to its folder; the output names the resolved id and path', async (path, key, canonical) => {
		const tree = seedTree();
		const target = tree[key];
		const file = t.sim.addFile({ name: 'a.mp4' });
		const run = await t.run('file', 'move', { fileId: byId(file.id), folderId: byPath(path) });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)).toEqual([{ success: true, fileId: file.id, folderId: target.id, folderPath: canonical }]);
		expect(t.sim.state.files.get(file.id)!.folderId).toBe(target.id);
	});

	test.each([
		['paged with the files', false],
		['repeated on every page', true],
	])('450 folders at one level, folders %s: the last one resolves, each page listed once', async (_mode, repeated) => {
		t.sim.options.foldersOnEveryPage = repeated;
		const wide = t.sim.addFolder('wide');
		const subs = Array.from({ length: 450 }, (_, i) => t.sim.addFolder(`sub ${i}`, wide.id));
		t.sim.addFiles(30, wide.id);
		const run = await t.run('file', 'getUploadUrl', { folderId: byPath('wide/sub 449') });
		expect(jsonOf(run)).toEqual([expect.objectContaining({ folderId: subs[449].id, folderPath: 'wide/sub 449' })]);
		// The root once; wide: three pages of folders (the third ends them), or two when every page repeats them all.
		expect(t.sim.countRequests('file/listfolder')).toBe(repeated ? 3 : 4);
	});

	test('a name written in another Unicode form (NFD) still matches', async () => {
		const { unicode } = seedTree();
		const [item] = jsonOf(await t.run('file', 'getUploadUrl', { folderId: byPath('videos/Fotos – été 2024 🎬'.normalize('NFD')) }));
		expect(item.folderId).toBe(unicode.id);
	});

	test('a depth-3 path costs one listing per level per run, not per item, however many items run at once', async () => {
		const { archive } = seedTree();
		const run = await t.run('file', 'getUploadUrl', { folderId: byPath('videos/2026/archive') }, { input: Array.from({ length: 50 }, () => ({ json: {} })) });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(50);
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
		expect(t.sim.countRequests('file/ul')).toBe(50);
		expect(t.sim.requests.filter((request) => request.endpoint === 'file/ul').every((request) => request.query.folder === archive.id)).toBe(true);
		expect(jsonOf(run).every((item) => item.folderId === archive.id && item.folderPath === 'videos/2026/archive')).toBe(true);

		// The next run resolves again (nothing is kept beyond a run).
		t.sim.resetStats();
		const again = await t.run('file', 'getUploadUrl', { folderId: byPath('videos/2026/archive') });
		expect(again.error).toBeUndefined();
		expect(jsonOf(again)).toEqual([expect.objectContaining({ folderId: archive.id })]);
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
	});

	test('items with different paths share the levels they have in common', async () => {
		seedTree();
		const input = ['videos/series', 'videos/2026', 'videos/2026/archive', 'videos/series'].map((path) => ({ json: { path } }));
		const run = await t.run('file', 'getUploadUrl', { folderId: { __rl: true, mode: 'path', value: '={{ $json.path }}' } }, { input });
		expect(run.error).toBeUndefined();
		// root, videos, 2026 (series is listed by nobody: it is the last level of its paths).
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
		expect(jsonOf(run).map((item) => item.folderPath)).toEqual(['videos/series', 'videos/2026', 'videos/2026/archive', 'videos/series']);
	});

	test('a missing segment fails naming it and the folder it was looked for in; nothing is sent', async () => {
		const { year } = seedTree();
		const run = await t.run('file', 'getUploadUrl', { folderId: byPath('videos/2026/archiv/x') });
		expect(run.error?.message).toBe(`Folder path "videos/2026/archiv/x": there is no folder "archiv" in "videos/2026" (folder ${year.id})`);
		expect(run.error?.description).toMatch(/Create Missing Folders/);
		expect(t.sim.countRequests('file/ul')).toBe(0);

		const top = await t.run('file', 'getUploadUrl', { folderId: byPath('Videos') });
		expect(top.error?.message).toBe('Folder path "Videos": there is no folder "Videos" in the root folder');
	});

	test('two folders with the same name at one level: an error naming both ids, never a guess', async () => {
		const { videos } = seedTree();
		const first = t.sim.addFolder('dup', videos.id);
		const second = t.sim.addFolder('dup', videos.id);
		const file = t.sim.addFile({ name: 'a.mp4' });
		const run = await t.run('file', 'move', { fileId: byId(file.id), folderId: byPath('videos/dup') });
		expect(run.error?.message).toBe(`Folder path "videos/dup": 2 folders are called "dup" in "videos" (folder ${videos.id}): ${first.id} and ${second.id}`);
		expect(t.sim.countRequests('file/move')).toBe(0);
		// Not an error when the path does not go through them.
		expect((await t.run('file', 'move', { fileId: byId(file.id), folderId: byPath('videos/series') })).error).toBeUndefined();
	});

	test.each([
		['folder', 'delete', {}],
		['folder', 'rename', { name: 'x' }],
	])('folder → %s refuses a path that is the root folder, before any request', async (resource, operation, extra) => {
		for (const path of ['/', ' // ']) {
			const run = await t.run(resource, operation, { folderId: byPath(path), ...extra });
			expect(run.error?.message).toMatch(/is the root folder, which this operation never acts on/);
		}
		const move = await t.run('file', 'move', { fileId: byId('abcdefabcdef'), folderId: byPath('/') });
		expect(move.error?.message).toMatch(/root folder/);
		expect(t.sim.requests).toHaveLength(0);
	});

	test('folder → delete and rename act on the folder the path names', async () => {
		const { series, archive } = seedTree();
		const renamed = await t.run('folder', 'rename', { folderId: byPath('videos/series'), name: 'shows' });
		expect(jsonOf(renamed)).toEqual([{ success: true, folderId: series.id, name: 'shows', folderPath: 'videos/series' }]);
		const deleted = await t.run('folder', 'delete', { folderId: byPath('videos/2026/archive') });
		expect(jsonOf(deleted)).toEqual([{ deleted: true, folderId: archive.id, folderPath: 'videos/2026/archive' }]);
		expect(t.sim.state.folders.has(archive.id)).toBe(false);
	});

	test('folder → list by path: its items carry the listed folder id and path', async () => {
		const { series } = seedTree();
		const file = t.sim.addFile({ name: 'ep1.mp4', folderId: series.id });
		const run = await t.run('folder', 'list', { folderId: byPath('videos/series'), returnAll: true, simplify: false });
		expect(jsonOf(run)).toEqual([expect.objectContaining({ type: 'file', id: file.id, path: '', folderId: series.id, folderPath: 'videos/series' })]);
	});

	test('an empty path is the root folder where the operation allows it; "/" too', async () => {
		const top = t.sim.addFile({ name: 'top.mp4' });
		for (const path of ['', '/']) {
			const run = await t.run('folder', 'list', { folderId: byPath(path), returnAll: true });
			expect(jsonOf(run).map((item) => item.id)).toEqual([top.id]);
		}
	});

	test('without Create Missing Folders nothing is created', async () => {
		const run = await t.run('remoteUpload', 'add', { url: 'https://example.com/a.mp4', folderId: byPath('new/folder') });
		expect(run.error?.message).toBe('Folder path "new/folder": there is no folder "new" in the root folder');
		expect(t.sim.countRequests('file/createfolder')).toBe(0);
		expect(t.sim.countRequests('remotedl/add')).toBe(0);
	});
});

describe('Create Missing Folders', () => {
	const t = useHighload({ latencyMs: 10 });
	const items = (count: number) => Array.from({ length: count }, (_, index) => ({ json: { index } }));
	/** The folders of the simulator's account, as "path" strings. */
	const folderPaths = () => {
		const folders = [...t.sim.state.folders.values()].filter((folder) => folder.id !== '0');
		const pathOf = (id: string): string => {
			const folder = t.sim.state.folders.get(id)!;
			return folder.parentId === '0' ? folder.name : `${pathOf(folder.parentId)}/${folder.name}`;
		};
		return folders.map((folder) => pathOf(folder.id)).sort();
	};

	test('50 items adding remote uploads into a new path create each folder exactly once; a second run creates nothing', async () => {
		t.sim.addFolder('videos');
		const parameters = {
			url: '={{ "https://example.com/" + $json.index + ".mp4" }}',
			folderId: byPath('videos/2026/archive'),
			options: { createMissingFolders: true },
		};
		const first = await t.run('remoteUpload', 'add', parameters, { input: items(50) });
		expect(first.error).toBeUndefined();
		expect(t.sim.countRequests('file/createfolder')).toBe(2);
		// The items ran at the same time (n8n starts them all at once; the node lets 5 requests run together).
		expect(t.sim.maxConcurrency).toBeGreaterThan(1);
		expect(folderPaths()).toEqual(['videos', 'videos/2026', 'videos/2026/archive']);
		const archive = [...t.sim.state.folders.values()].find((folder) => folder.name === 'archive')!;
		expect([...t.sim.state.remoteUploads.values()].every((upload) => upload.folderId === archive.id)).toBe(true);
		expect(jsonOf(first).every((item) => item.folderId === archive.id && item.folderPath === 'videos/2026/archive')).toBe(true);

		t.sim.resetStats();
		const second = await t.run('remoteUpload', 'add', parameters, { input: items(50) });
		expect(second.error).toBeUndefined();
		expect(t.sim.countRequests('file/createfolder')).toBe(0);
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
		expect(folderPaths()).toEqual(['videos', 'videos/2026', 'videos/2026/archive']);
	});

	test('File → Upload into a new path, 20 items at once', async () => {
		const input = Array.from({ length: 20 }, (_, index) => ({ binary: { data: { content: Buffer.from(`file ${index}`), fileName: `${index}.txt` } } }));
		const run = await t.run('file', 'upload', { folderId: byPath('/renders/été/'), options: { createMissingFolders: true }, simplify: false }, { input });
		expect(run.error).toBeUndefined();
		expect(t.sim.countRequests('file/createfolder')).toBe(2);
		expect(folderPaths()).toEqual(['renders', 'renders/été']);
		const target = [...t.sim.state.folders.values()].find((folder) => folder.name === 'été')!;
		expect(jsonOf(run).every((item) => item.folderid === target.id && item.folderId === target.id && item.folderPath === 'renders/été')).toBe(true);
	});

	test('Folder → Create works like mkdir -p: 50 items, each folder once, the first created and the rest skipped; a re-run skips all', async () => {
		const parameters = { name: 'archive', parentFolderId: byPath('videos/2026'), options: { createMissingFolders: true } };
		const first = await t.run('folder', 'create', parameters, { input: items(50) });
		expect(first.error).toBeUndefined();
		expect(t.sim.countRequests('file/createfolder')).toBe(3);
		expect(folderPaths()).toEqual(['videos', 'videos/2026', 'videos/2026/archive']);
		const ids = new Set(jsonOf(first).map((item) => item.folderid));
		expect(ids.size).toBe(1);
		expect(jsonOf(first).filter((item) => item.skipped === false)).toHaveLength(1);
		expect(jsonOf(first)[0]).toEqual({
			folderid: [...ids][0],
			name: 'archive',
			parentFolderId: expect.any(String),
			parentFolderPath: 'videos/2026',
			folderPath: 'videos/2026/archive',
			skipped: expect.any(Boolean),
		});

		t.sim.resetStats();
		const second = await t.run('folder', 'create', parameters, { input: items(50) });
		expect(t.sim.countRequests('file/createfolder')).toBe(0);
		expect(jsonOf(second).every((item) => item.skipped === true && item.folderid === [...ids][0])).toBe(true);
	});

	test('Folder → Create without the option still creates a folder each time (as before)', async () => {
		const runs = [await t.run('folder', 'create', { name: 'x' }), await t.run('folder', 'create', { name: 'x' })];
		expect(runs.map((run) => run.error)).toEqual([undefined, undefined]);
		expect(new Set(runs.map((run) => jsonOf(run)[0].folderid)).size).toBe(2);
		expect(folderPaths()).toEqual(['x', 'x']);
	});

	test('Folder → Create with the option and a parent by ID: idempotent in that parent', async () => {
		const parent = t.sim.addFolder('p');
		const run = await t.run('folder', 'create', { name: 'AC/DC', parentFolderId: byId(parent.id), options: { createMissingFolders: true } }, { input: items(3) });
		expect(t.sim.countRequests('file/createfolder')).toBe(1);
		expect(folderPaths()).toEqual(['p', 'p/AC/DC']);
		expect(jsonOf(run)[0]).toEqual({ folderid: expect.any(String), name: 'AC/DC', parentFolderId: parent.id, skipped: false });
	});

	test("with Retry On Fail, a failed creation is tried again after listing the parent again; one folder in the end", async () => {
		t.sim.fault('file/createfolder', { kind: 'html' });
		const parameters = { url: 'https://example.com/a.mp4', folderId: byPath('new/deeper'), options: { createMissingFolders: true } };
		const run = await t.run('remoteUpload', 'add', parameters, { input: items(3), retryOnFail: true });
		expect(run.error).toBeUndefined();
		expect(folderPaths()).toEqual(['new', 'new/deeper']);
		expect(t.sim.countRequests('file/createfolder')).toBe(3); // the failed one, then new and deeper once each
		expect(t.sim.countRequests('remotedl/add')).toBe(3);
	});

	test('a failing creation fails the items that needed it, each as its own error, and creates nothing twice', async () => {
		t.sim.fault('file/createfolder', { kind: 'html' });
		const parameters = { url: 'https://example.com/a.mp4', folderId: byPath('new'), options: { createMissingFolders: true } };
		const run = await t.run('remoteUpload', 'add', parameters, { input: items(3), continueOnFail: true });
		expect(run.items).toHaveLength(3);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.items.every((item) => String(item.json.error).toLowerCase().includes('server could not handle the request'))).toBe(true);
		expect(t.sim.countRequests('file/createfolder')).toBe(1);
		expect(t.sim.countRequests('remotedl/add')).toBe(0);
	});
});
