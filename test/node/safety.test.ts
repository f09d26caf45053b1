import { randomBytes } from 'crypto';

import { HighloadSimulator } from '../simulator';
import { byId, jsonOf, runText, useHighload } from '../support/setup';

const fileItem = (content: Buffer) => ({ json: {}, binary: { data: { content, fileName: 'f.bin' } } });

describe('the root folder, however it is spelled', () => {
	const t = useHighload();

	test.each([['0'], ['00'], ['0000000'], [' 0 '], ['+0'], ['={{ 0 }}'], ['={{ "000" }}']])('folder → delete refuses %p before any request', async (value) => {
		const folder = t.sim.addFolder('keep');
		t.sim.addFile({ name: 'precious.mp4' });
		const run = await t.run('folder', 'delete', { folderId: byId(value) });
		expect(run.error?.message).toBe('Folder: is the root folder, which this operation never acts on');
		expect(run.error?.description).toContain('holds everything in your account');
		expect(run.error?.description).not.toContain('is a whole number');
		expect(t.sim.requests).toHaveLength(0);
		expect(t.sim.state.folders.has(folder.id)).toBe(true);
	});

	test.each([['0x0'], ['1e3'], ['-1'], ['12abc']])('%p is no folder ID: refused, nothing sent', async (value) => {
		const run = await t.run('folder', 'delete', { folderId: byId(`={{ ${JSON.stringify(value)} }}`) });
		expect(run.error?.message).toBe(`Folder: "${value}" is not a folder ID`);
		expect(run.error?.description).toContain('A folder ID is a whole number');
		expect(t.sim.requests).toHaveLength(0);
	});

	test('ids are sent in their canonical decimal form: 007 → 7', async () => {
		const folder = t.sim.addFolder('videos');
		const run = await t.run('folder', 'rename', { folderId: byId(`00${folder.id}`), name: 'clips' });
		expect(jsonOf(run)).toEqual([{ success: true, folderId: folder.id, name: 'clips' }]);
		expect(t.sim.requests[0].query.folder).toBe(folder.id);
		expect(t.sim.state.folders.get(folder.id)!.name).toBe('clips');
	});
});

describe('Folder → List → File operation, with defaults', () => {
	const t = useHighload();

	const seed = () => {
		const folder = t.sim.addFolder('inbox');
		t.sim.addFolder('sub', folder.id);
		const files = [t.sim.addFile({ name: 'a.mp4', folderId: folder.id }), t.sim.addFile({ name: 'b.mp4', folderId: folder.id })];
		return { folder, files };
	};

	test('Folder → List lists files only unless Include says otherwise, so the next File operation acts on files', async () => {
		const { folder, files } = seed();
		const listed = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id) }));
		expect(listed.map((item) => item.type)).toEqual(['file', 'file']);
		const renamed = await t.run('file', 'rename', { fileId: byId('={{ $json.id }}'), name: '={{ "new " + $json.name }}' }, { input: listed.map((json) => ({ json })) });
		expect(renamed.error).toBeUndefined();
		expect(files.map((file) => t.sim.state.files.get(file.id)!.name)).toEqual(['new a.mp4', 'new b.mp4']);
	});

	test('folders fed to a File operation stop the whole run before any request, naming them', async () => {
		const { folder, files } = seed();
		const listed = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), options: { include: 'both' } }));
		t.sim.resetStats();
		const run = await t.run('file', 'rename', { fileId: byId('={{ $json.id }}'), name: 'renamed.mp4' }, { input: listed.map((json) => ({ json })) });
		const folderPosition = listed.findIndex((item) => item.type === 'folder') + 1;
		expect(run.error?.message).toMatch(new RegExp(`input items? ${folderPosition} (is|are) a folder`, 'i'));
		expect(run.error?.description).toContain('Files Only');
		expect(t.sim.requests).toHaveLength(0);
		expect(files.map((file) => t.sim.state.files.get(file.id)!.name)).toEqual(['a.mp4', 'b.mp4']);
	});

	test('with Continue On Fail only the folder items fail, each saying so', async () => {
		const { folder, files } = seed();
		const listed = jsonOf(await t.run('folder', 'list', { folderId: byId(folder.id), options: { include: 'both' } }));
		const run = await t.run(
			'file',
			'rename',
			{ fileId: byId('={{ $json.id }}'), name: '={{ "x-" + $json.name }}' },
			{ input: listed.map((json) => ({ json })), continueOnFail: true },
		);
		const errors = run.items.filter((item) => item.json.error);
		expect(errors).toHaveLength(1);
		expect(String(errors[0].json.error)).toMatch(/^Input item \d is a folder, not a file$/);
		expect(files.map((file) => t.sim.state.files.get(file.id)!.name)).toEqual(['x-a.mp4', 'x-b.mp4']);
	});
});

describe('the API key stays with Highload', () => {
	const t = useHighload();
	let elsewhere: HighloadSimulator;
	beforeEach(async () => {
		elsewhere = await HighloadSimulator.start();
	});
	afterEach(async () => {
		await elsewhere.close();
	});
	const host = () => new URL(elsewhere.url).host;

	test('a redirect to another host is not followed: a clear error naming both hosts, nothing reaches the other one', async () => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		t.sim.fault('file/info', { kind: { redirect: `${elsewhere.url}/file/info?{query}` } });
		const run = await t.run('file', 'get', { fileId: byId(file.id) });
		expect(run.error?.message).toBe(`Highload (${new URL(t.sim.url).host}) redirected the request to http://${host()}: not followed, because the request carries your API key`);
		expect(elsewhere.requests).toHaveLength(0);
		expect(runText(run)).not.toContain(t.sim.key);
	});

	test('a redirect on the same host is followed', async () => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		t.sim.fault('file/info', { kind: { redirect: `/file/info?{query}`, status: 301 } });
		const run = await t.run('file', 'get', { fileId: byId(file.id) });
		expect(jsonOf(run)).toEqual([expect.objectContaining({ id: file.id, name: 'a.mp4' })]);
		expect(t.sim.countRequests('file/info')).toBe(2);
	});

	test('the trigger and the folder search refuse it too', async () => {
		t.sim.fault('file/listfolder', { kind: { redirect: `${elsewhere.url}/file/listfolder?{query}` }, times: Infinity });
		await expect(t.poller({ event: 'newFile' }).poll()).rejects.toThrow(/redirected the request to .*not followed/);
		await expect(t.engine.listSearch('searchFolders')).rejects.toThrow(/redirected the request to .*not followed/);
		expect(elsewhere.requests).toHaveLength(0);
	});

	test('both upload steps refuse it: file/ul and the POST to the upload server', async () => {
		t.sim.fault('file/ul', { kind: { redirect: `${elsewhere.url}/file/ul?{query}` } });
		const first = await t.run('file', 'upload', {}, { input: [fileItem(randomBytes(1000))] });
		expect(first.error?.message).toMatch(/^Highload \(.*\) redirected the request to .*: not followed/);

		t.sim.fault('upload', { kind: { redirect: `${elsewhere.url}/uls/stolen`, status: 307 } });
		const second = await t.run('file', 'upload', {}, { input: [fileItem(randomBytes(1000))] });
		expect(second.error?.message).toMatch(/^The upload server \(.*\) redirected the upload to .*: not followed/);
		expect(elsewhere.requests).toHaveLength(0);
		expect(t.sim.uploads).toHaveLength(0);
	});

	test.each(['echoHtml', 'echoJson'] as const)('an answer that echoes the request URL (%s) is masked in every text shown', async (kind) => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		t.sim.fault('file/info', { kind });
		const run = await t.run('file', 'get', { fileId: byId(file.id), requestOptions: { bandwidthRetries: 0 } });
		const shown = `${run.error?.message} ${run.error?.description}`;
		expect(shown).toContain('***');
		expect(shown).toContain(file.id);
		expect(runText(run)).not.toContain(t.sim.key);
		expect(runText(run)).not.toContain(t.sim.login);
	});
});

describe('no silent gaps, no bogus values', () => {
	const t = useHighload();

	test.each([
		['file', 'get', 'file/info', null, "File → Get: Highload's answer has no file record"],
		['file', 'get', 'file/info', true, "File → Get: Highload's answer has no file record"],
		['file', 'get', 'file/info', { name: 'x.mp4' }, "File → Get: Highload's answer has no id in the file record"],
		['file', 'getThumbnail', 'file/getsplash', null, "File → Get Thumbnail: Highload's answer has no thumbnail link"],
		['file', 'rename', 'file/rename', null, "File → Rename: Highload's answer has no confirmation (result true)"],
		['folder', 'create', 'file/createfolder', true, "Folder → Create: Highload's answer has no new folder record"],
		['folder', 'create', 'file/createfolder', {}, "Folder → Create: Highload's answer has no folderid in the new folder record"],
		['remoteUpload', 'add', 'remotedl/add', { folderid: '5' }, "Remote Upload → Add: Highload's answer has no id in the remote upload record"],
		['conversion', 'getRunning', 'file/runningconverts', null, "Conversion → Get Running: Highload's answer has no list of running conversions"],
		['account', 'get', 'account/info', null, "Account → Get: Highload's answer has no account record"],
	])('%s → %s with result %p is an error item under Continue', async (resource, operation, endpoint, result, message) => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		t.sim.fault(endpoint, { kind: { result }, times: Infinity });
		const parameters = { fileId: byId(file.id), name: 'n', url: 'https://example.com/a.mp4' };
		const run = await t.run(resource, operation, parameters, { input: [{ json: {} }, { json: {} }], continueOnFail: true });
		expect(run.items).toHaveLength(2);
		for (const item of run.items) expect(item.json.error).toBe(message);
		expect(JSON.stringify(jsonOf(run))).not.toContain('"null"');
	});

	test('a listing page without a listing fails the list, never a silently short list', async () => {
		const folder = t.sim.addFolder('big');
		t.sim.addFiles(450, folder.id);
		t.sim.fault('file/listfolder', { kind: { result: true }, skip: 1 });
		const run = await t.run('folder', 'list', { folderId: byId(folder.id), returnAll: true });
		expect(run.error?.message).toBe(`Highload's answer for folder "${folder.id}" (page 2) has no listing`);
	});
});

describe('inputs a user pastes', () => {
	const t = useHighload();

	test.each(['https://host.example/a b.mp4?x=1&y=2', 'https://東京.example/ä.mp4', 'http://user:pw@host.example/a.mp4#t=1'])(
		'a link a browser accepts is sent as given: %s',
		async (url) => {
			const run = await t.run('remoteUpload', 'add', { url });
			expect(run.error).toBeUndefined();
			expect(t.sim.requests[0].query.url).toBe(url);
			expect([...t.sim.state.remoteUploads.values()].map((upload) => upload.remoteUrl)).toEqual([url]);
		},
	);

	test.each([
		['example.com/a.mp4', 'no scheme'],
		['ftp://example.com/a.mp4', 'not http'],
		['https:///a.mp4', 'no host'],
		['https://example.com/a\u0007.mp4', 'a control character'],
	])('%p is refused (%s)', async (url) => {
		const run = await t.run('remoteUpload', 'add', { url: `={{ ${JSON.stringify(url)} }}` });
		expect(run.error?.message).toBe(`URL: "${url.trim()}" is not valid`);
		expect(t.sim.requests).toHaveLength(0);
	});

	test('errors of checks made before any request say what to do, and carry no HTTP error code', async () => {
		const run = await t.run('file', 'get', { fileId: byId('={{ $json.nothing }}') });
		expect(run.error?.message).toBe('File: enter a file');
		expect(run.error?.description).toContain('came out empty');
		expect(run.error?.httpCode ?? null).toBeNull();
		expect(runText(run)).not.toMatch(/Error code none|"httpCode":"none"/);
	});
});
