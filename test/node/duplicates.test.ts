import { createHash, randomBytes } from 'crypto';

import { useBinaryMode, type InputItem } from '../harness';
import { byId, byPath, jsonOf, useHighload } from '../support/setup';

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');
const fileItem = (content: Buffer, fileName = 'render.mp4'): InputItem => ({ binary: { data: { content, fileName, mimeType: 'video/mp4' } } });

/** File → Upload, "If the Same File Exists" (issue #14). */
describe.each(['memory', 'filesystem'] as const)('File → Upload never duplicates, %s binary mode', (mode) => {
	const t = useHighload({ latencyMs: 5 });
	beforeAll(async () => await useBinaryMode(mode));
	afterAll(async () => await useBinaryMode('memory'));
	const skipBy = (compareBy: 'content' | 'name', extra = {}) => ({ options: { ifSameFileExists: 'skip', compareBy, ...extra } });

	test('a retried run uploads nothing the second time: the existing file is the output, with skipped: true', async () => {
		const folder = t.sim.addFolder('renders');
		t.sim.addFiles(450, folder.id);
		const content = randomBytes(300_000);
		const parameters = { folderId: byId(folder.id), ...skipBy('content') };
		const first = await t.run('file', 'upload', parameters, { input: [fileItem(content)] });
		expect(first.error).toBeUndefined();
		expect(t.sim.uploads).toHaveLength(1);
		expect(jsonOf(first)).toEqual([expect.objectContaining({ name: 'render.mp4', sha1: sha1(content), skipped: false })]);

		t.sim.resetStats();
		const second = await t.run('file', 'upload', parameters, { input: [fileItem(content, 'other name.mp4')] });
		expect(second.error).toBeUndefined();
		expect(t.sim.uploads).toHaveLength(0); // since resetStats
		expect(t.sim.state.files.size).toBe(451);
		expect(t.sim.countRequests('file/ul')).toBe(0);
		// The folder's 451 files: 3 pages; then file/info of the file found.
		expect(t.sim.countRequests('file/listfolder')).toBe(3);
		expect(jsonOf(second)).toEqual([{ ...jsonOf(first)[0], skipped: true }]);
	});

	test('by content: other bytes under the same name are uploaded; by name: the same name is skipped whatever the bytes', async () => {
		const folder = t.sim.addFolder('renders');
		const existing = t.sim.addFile({ name: 'render.mp4', folderId: folder.id, sha1: sha1(Buffer.from('old')) });
		const byContent = await t.run('file', 'upload', { folderId: byId(folder.id), ...skipBy('content') }, { input: [fileItem(Buffer.from('new'))] });
		expect(jsonOf(byContent)).toEqual([expect.objectContaining({ sha1: sha1(Buffer.from('new')), skipped: false })]);
		expect(t.sim.uploads).toHaveLength(1);

		const byName = await t.run('file', 'upload', { folderId: byId(folder.id), ...skipBy('name') }, { input: [fileItem(Buffer.from('newer'))] });
		expect(jsonOf(byName)).toEqual([expect.objectContaining({ id: expect.any(String), name: 'render.mp4', skipped: true })]);
		expect([existing.id, jsonOf(byContent)[0].id]).toContain(jsonOf(byName)[0].id);
		expect(t.sim.uploads).toHaveLength(1);

		// By name, the name the upload would get counts (the File Name option).
		const renamed = await t.run('file', 'upload', { folderId: byId(folder.id), ...skipBy('name', { fileName: 'fresh.mp4' }) }, { input: [fileItem(Buffer.from('x'))] });
		expect(jsonOf(renamed)).toEqual([expect.objectContaining({ name: 'fresh.mp4', skipped: false })]);
	});

	test('only the target folder counts: the same file elsewhere is uploaded', async () => {
		const content = Buffer.from('same bytes');
		t.sim.addFile({ name: 'render.mp4', sha1: sha1(content) }); // in the root
		const folder = t.sim.addFolder('renders');
		const run = await t.run('file', 'upload', { folderId: byId(folder.id), ...skipBy('content') }, { input: [fileItem(content)] });
		expect(jsonOf(run)).toEqual([expect.objectContaining({ folderid: folder.id, skipped: false })]);
		expect(t.sim.uploads).toHaveLength(1);
	});

	test('items of one run carrying the same file, running at the same time: one upload, the others skipped', async () => {
		const content = randomBytes(200_000);
		const other = randomBytes(1000);
		const input = [fileItem(content), fileItem(content), fileItem(other, 'b.mp4'), fileItem(content), fileItem(content)];
		const run = await t.run('file', 'upload', { folderId: byPath('renders'), ...skipBy('content', { createMissingFolders: true }) }, { input });
		expect(run.error).toBeUndefined();
		expect(t.sim.uploads.map((upload) => upload.sha1).sort()).toEqual([sha1(content), sha1(other)].sort());
		expect(t.sim.countRequests('file/listfolder')).toBe(2); // root (to resolve the path) and renders, once for all items
		const items = jsonOf(run);
		// Which of the four carries the upload depends on which hashed first: exactly one of them uploads, the others
		// are skipped with the same file; the other file is uploaded.
		const same = [0, 1, 3, 4].map((index) => items[index]);
		expect(same.filter((item) => item.skipped === false)).toHaveLength(1);
		expect(same.filter((item) => item.skipped === true)).toHaveLength(3);
		expect(new Set(same.map((item) => item.id))).toEqual(new Set([t.sim.uploads.find((upload) => upload.sha1 === sha1(content))!.fileId]));
		expect(items[2]).toMatchObject({ skipped: false, id: t.sim.uploads.find((upload) => upload.sha1 === sha1(other))!.fileId });
		expect(run.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	test('Upload Anyway (the default) uploads again, as before', async () => {
		const content = Buffer.from('again');
		await t.run('file', 'upload', {}, { input: [fileItem(content)] });
		const run = await t.run('file', 'upload', {}, { input: [fileItem(content)] });
		expect(t.sim.uploads).toHaveLength(2);
		expect(jsonOf(run)[0].skipped).toBeUndefined();
		expect(t.sim.countRequests('file/listfolder')).toBe(0);
	});

	test('a failing check fails the item and uploads nothing; the next run checks again', async () => {
		t.sim.fault('file/listfolder', { kind: 'html' });
		const content = Buffer.from('x');
		const failed = await t.run('file', 'upload', skipBy('content'), { input: [fileItem(content)] });
		expect(failed.error?.message).toMatch(/server could not handle the request/i);
		expect(t.sim.uploads).toHaveLength(0);
		const next = await t.run('file', 'upload', skipBy('content'), { input: [fileItem(content)] });
		expect(jsonOf(next)).toEqual([expect.objectContaining({ skipped: false })]);
	});
});

/** Remote Upload → Add, "Skip If Already Added" (issue #14). */
describe('Remote Upload → Add never adds the same URL twice', () => {
	const t = useHighload({ latencyMs: 5 });
	const skip = { options: { skipIfAlreadyAdded: true } };

	test('the same URL into the same folder is added once across runs; the second run outputs that upload, skipped', async () => {
		const folder = t.sim.addFolder('rss');
		const parameters = { url: 'https://example.com/a.mp4', folderId: byId(folder.id), ...skip };
		const first = await t.run('remoteUpload', 'add', parameters);
		expect(jsonOf(first)).toEqual([{ id: expect.any(String), folderid: folder.id, skipped: false }]);
		const second = await t.run('remoteUpload', 'add', parameters);
		expect(t.sim.countRequests('remotedl/add')).toBe(1);
		expect(jsonOf(second)).toEqual([
			expect.objectContaining({ id: jsonOf(first)[0].id, remoteurl: 'https://example.com/a.mp4', folderid: folder.id, status: 'pending', skipped: true }),
		]);

		// Another folder, or another URL, is another upload.
		const others = [
			await t.run('remoteUpload', 'add', { ...parameters, folderId: { __rl: true, mode: 'id', value: '' } }),
			await t.run('remoteUpload', 'add', { ...parameters, url: 'https://example.com/b.mp4' }),
		];
		expect(others.map((run) => run.error)).toEqual([undefined, undefined]);
		expect(others.map((run) => jsonOf(run)[0].skipped)).toEqual([false, false]);
		expect(t.sim.countRequests('remotedl/add')).toBe(3);
	});

	test('an RSS chain re-firing items: 30 items, 3 URLs, at the same time, one status listing for the run', async () => {
		const urls = ['https://example.com/1.mp4', 'https://example.com/2.mp4', 'https://example.com/3.mp4'];
		const input = Array.from({ length: 30 }, (_, index) => ({ json: { link: urls[index % 3] } }));
		const run = await t.run('remoteUpload', 'add', { url: '={{ $json.link }}', ...skip }, { input });
		expect(run.error).toBeUndefined();
		expect(t.sim.countRequests('remotedl/add')).toBe(3);
		expect(t.sim.countRequests('remotedl/status')).toBe(1);
		expect(jsonOf(run).filter((item) => item.skipped === false)).toHaveLength(3);
		expect([...t.sim.state.remoteUploads.values()].map((upload) => upload.remoteUrl).sort()).toEqual(urls);
	});

	test('with Wait for Completion, a skipped upload is waited for like a new one', async () => {
		t.sim.options.autoAdvanceRemote = ['downloading', 'finished'];
		const parameters = { url: 'https://example.com/w.mp4', options: { skipIfAlreadyAdded: true, waitForCompletion: true } };
		const first = await t.run('remoteUpload', 'add', parameters);
		expect(jsonOf(first)).toEqual([expect.objectContaining({ status: 'finished', skipped: false })]);
		const second = await t.run('remoteUpload', 'add', parameters);
		expect(jsonOf(second)).toEqual([expect.objectContaining({ id: jsonOf(first)[0].id, status: 'finished', skipped: true })]);
		expect(t.sim.countRequests('remotedl/add')).toBe(1);
	});

	test('where Highload cannot list uploads, the option fails clearly and adds nothing', async () => {
		t.sim.options.remoteStatusWithoutId = 'error';
		const run = await t.run('remoteUpload', 'add', { url: 'https://example.com/a.mp4', ...skip });
		expect(run.error?.message).toMatch(/^Skip If Already Added: Highload does not list the remote uploads/);
		expect(t.sim.countRequests('remotedl/add')).toBe(0);
	});

	test('an upload Highload no longer lists (finished and forgotten, or removed) cannot be recognised: the URL is added again', async () => {
		t.sim.options.remoteListOmitsFinished = true;
		t.sim.options.autoAdvanceRemote = ['finished'];
		const parameters = { url: 'https://example.com/gone.mp4', options: { skipIfAlreadyAdded: true, waitForCompletion: true } };
		const runs = [await t.run('remoteUpload', 'add', parameters), await t.run('remoteUpload', 'add', parameters)];
		expect(runs.map((run) => run.error)).toEqual([undefined, undefined]);
		expect(runs.map((run) => jsonOf(run)[0].skipped)).toEqual([false, false]);
		expect(t.sim.countRequests('remotedl/add')).toBe(2);
	});
});
