import type { INodeListSearchResult } from 'n8n-workflow';

import { byPath, jsonOf, useHighload, type TestContext } from '../support/setup';

/**
 * Every path the package shows or outputs resolves By Path to the same folder, whatever the names hold (issue #21):
 * Folder → List's `path`, the folder search's names, the trigger's `path`, and the `folderPath` /
 * `parentFolderPath` outputs. For each hostile name the tree is `N / live / N`, a file in each folder.
 */
const HOSTILE_NAMES: Array<[string, string]> = [
	['a slash', 'AC/DC'],
	['a backslash', 'back\\slash'],
	['a trailing backslash', 'ends\\'],
	['an escaped-looking slash', '\\/'],
	['two slashes', 'a//b'],
	['a leading space', ' lead'],
	['a trailing space', 'trail '],
	['only spaces', '   '],
	['a tab and a newline at the ends', '\tx\n'],
	['a dot', '.'],
	['two dots', '..'],
	['unicode (NFC)', 'Fotos – été 🎬'],
	['unicode (NFD)', 'Fotos – été 🎬'.normalize('NFD')],
];

/** Each path resolved By Path (File → Get Upload URL, one item per path): the folder id each resolves to. */
async function resolveAll(t: TestContext, paths: string[]): Promise<string[]> {
	const input = paths.map((path) => ({ json: { path } }));
	const run = await t.run('file', 'getUploadUrl', { folderId: byPath('={{ $json.path }}') }, { input });
	expect(run.error).toBeUndefined();
	return jsonOf(run).map((item) => String(item.folderId));
}

/** The folder search followed to its end, as the editor does when the user scrolls. */
async function searchAll(t: TestContext, filter?: string): Promise<INodeListSearchResult['results']> {
	const results: INodeListSearchResult['results'] = [];
	let token: string | undefined;
	do {
		const page = await t.engine.listSearch('searchFolders', filter, undefined, token);
		results.push(...page.results);
		token = page.paginationToken as string | undefined;
	} while (token !== undefined);
	return results;
}

describe('one path format: every path shown or output resolves By Path to the same folder', () => {
	const t = useHighload();

	function seed(name: string) {
		const top = t.sim.addFolder(name);
		const live = t.sim.addFolder('live', top.id);
		const deep = t.sim.addFolder(name, live.id);
		t.sim.addFile({ name: 'top.mp4', folderId: top.id, uploadAt: '2026-01-01 00:00:01' });
		t.sim.addFile({ name: 'live.mp4', folderId: live.id, uploadAt: '2026-01-01 00:00:02' });
		const newest = t.sim.addFile({ name: 'deep.mp4', folderId: deep.id, uploadAt: '2026-01-01 00:00:03' });
		return { top, live, deep, newest };
	}

	test.each(HOSTILE_NAMES)('a folder name with %s', async (_what, name) => {
		const { top, live, deep, newest } = seed(name);
		const parentOf = (id: string) => t.sim.state.folders.get(id)!.parentId;

		// Folder → List of the root, subfolders, files and folders: `path` is the folder holding the entry.
		const listed = jsonOf(await t.run('folder', 'list', { returnAll: true, simplify: false, options: { include: 'both', includeSubfolders: true } }));
		expect(listed).toHaveLength(6);
		const inFolders = listed.filter((item) => item.path !== '');
		const holders = inFolders.map((item) => (item.type === 'file' ? String(item.folderid) : parentOf(String(item.id))));
		expect(new Set(holders)).toEqual(new Set([top.id, live.id, deep.id]));
		expect(await resolveAll(t, inFolders.map((item) => String(item.path)))).toEqual(holders);
		const deepFile = listed.find((item) => item.id === newest.id)!;

		// The folder search ("From list"): each name shown resolves to the value picked.
		const found = await searchAll(t);
		expect(found.map((result) => result.value).sort()).toEqual([top.id, live.id, deep.id].sort());
		expect(await resolveAll(t, found.map((result) => result.name))).toEqual(found.map((result) => String(result.value)));
		// Searching by the name as typed finds the folders that carry it.
		expect((await searchAll(t, name.trim() || name)).map((result) => result.value)).toEqual(expect.arrayContaining([top.id, deep.id]));

		// The trigger's Fetch Test Event: the newest file, its `path` the folder holding it.
		const [sample] = (await t.poller({ event: 'newFile', includeSubfolders: true }, 'manual').poll())!;
		expect(sample.json.id).toBe(newest.id);
		expect(await resolveAll(t, [String(sample.json.path)])).toEqual([deep.id]);

		// folderPath of an operation given a folder By Path, and Folder → Create's folderPath / parentFolderPath (the new
		// folder's own name plain: the Name field is trimmed like every text field).
		const [upload] = jsonOf(await t.run('file', 'getUploadUrl', { folderId: byPath(String(deepFile.path)) }));
		expect(upload.folderId).toBe(deep.id);
		const [created] = jsonOf(
			await t.run('folder', 'create', { name: 'made', parentFolderId: byPath(String(upload.folderPath)), options: { createMissingFolders: true } }),
		);
		expect(created.parentFolderId).toBe(deep.id);
		expect(await resolveAll(t, [String(upload.folderPath), String(created.parentFolderPath), String(created.folderPath)])).toEqual([
			deep.id,
			deep.id,
			String(created.folderid),
		]);
	});

	test('two folders with the same name at one level (also in two Unicode forms): By Path fails naming both, never guesses', async () => {
		const first = t.sim.addFolder('é');
		const second = t.sim.addFolder('é'.normalize('NFD'));
		t.sim.addFile({ name: 'a.mp4', folderId: first.id });
		const listed = jsonOf(await t.run('folder', 'list', { returnAll: true, options: { include: 'files', includeSubfolders: true } }));
		const run = await t.run('file', 'getUploadUrl', { folderId: byPath(String(listed[0].path)) });
		expect(run.error?.message).toBe(`Folder path "é": 2 folders are called "é" in the root folder: ${first.id} and ${second.id}`);
		expect(t.sim.countRequests('file/ul')).toBe(0);
	});
});
