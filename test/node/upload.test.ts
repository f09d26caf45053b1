import { createHash, randomBytes } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { useBinaryMode, type InputItem, type NodeRun } from '../harness';
import { ForwardProxy } from '../support/forwardProxy';
import { byId, fromList, jsonOf, runText, useHighload } from '../support/setup';

const MiB = 1024 * 1024;
const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');

const tempDir = mkdtempSync(join(tmpdir(), 'highload-upload-test-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const fileItem = (content: Buffer, fileName = 'clip.mp4', mimeType = 'video/mp4'): InputItem => ({
	binary: { data: { content, fileName, mimeType } },
});

/** The binary the node under test received, as n8n's binary data service holds it (filesystem mode: an id). */
const inputBinary = (run: NodeRun) => run.run.data.resultData.runData.Input[0].data!.main[0]![0].binary!.data;

describe.each(['memory', 'filesystem'] as const)('File → Upload, %s binary mode', (mode) => {
	const t = useHighload();
	beforeAll(async () => await useBinaryMode(mode));
	afterAll(async () => await useBinaryMode('memory'));

	const sizes: Array<[string, number]> = [
		['0 B', 0],
		['1 B', 1],
		['1 MiB', MiB],
		['64 MiB', 64 * MiB],
	];

	test.each(sizes)('%s arrives with the same sha1 and a Content-Length, and the output is the stored file', async (_label, size) => {
		const content = randomBytes(size);
		let input: InputItem;
		if (size >= 64 * MiB && mode === 'filesystem') {
			// Streamed into n8n's store from disk, as a Read Files node does, never held whole by the test either.
			const path = join(tempDir, `upload-${size}.bin`);
			writeFileSync(path, content);
			input = { binary: { data: { path, fileName: 'big.bin', mimeType: 'application/octet-stream' } } };
		} else {
			input = fileItem(content, 'big.bin', 'application/octet-stream');
		}
		const run = await t.run('file', 'upload', { simplify: false }, { input: [input] });

		expect(run.error).toBeUndefined();
		if (mode === 'filesystem') expect(inputBinary(run).id).toMatch(/^filesystem/);
		else expect(inputBinary(run).id).toBeUndefined();

		expect(t.sim.uploads).toHaveLength(1);
		const [upload] = t.sim.uploads;
		expect(upload).toMatchObject({ size, sha1: sha1(content), fieldName: 'file1', fileName: 'big.bin', hadContentLength: true, chunked: false, status: 200 });
		expect(upload.fields).toEqual({ login: t.sim.login, key: t.sim.key });
		const post = t.sim.requests.find((request) => request.endpoint === 'upload')!;
		expect(Number(post.headers['content-length'])).toBeGreaterThan(size);
		expect(post.headers['transfer-encoding']).toBeUndefined();

		expect(jsonOf(run)).toEqual([
			expect.objectContaining({ id: upload.fileId, name: 'big.bin', size, sha1: sha1(content), folder: '0', status: 200 }),
		]);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(t.sim.requests.map((request) => request.endpoint)).toEqual(['file/ul', 'upload', 'file/info']);
	});

	test('unicode and odd file names arrive intact', async () => {
		const names = ['Fotos – été 2024 🎬.mp4', 'say "cheese".mp4', 'back\\slash; semi=colon, 100% done.mkv', 'two\r\nlines.mp4', '名前.txt'];
		const run = await t.run('file', 'upload', {}, { input: names.map((name) => fileItem(Buffer.from(name), name, 'text/plain')) });

		expect(run.error).toBeUndefined();
		expect(t.sim.uploads.map((upload) => upload.fileName).sort()).toEqual([...names].sort());
		expect(jsonOf(run).map((item) => item.name)).toEqual(names);
		expect(run.items.map((item) => item.pairedItem)).toEqual(names.map((_name, item) => ({ item })));
	});

	test('the File Name option replaces the binary’s name', async () => {
		const run = await t.run('file', 'upload', { options: { fileName: 'renamed ✓.mp4' } }, { input: [fileItem(Buffer.from('x'))] });
		expect(t.sim.uploads[0].fileName).toBe('renamed ✓.mp4');
		expect(jsonOf(run)[0].name).toBe('renamed ✓.mp4');
	});

	test('the file lands in the chosen folder, picked by ID or from the list', async () => {
		const folder = t.sim.addFolder('incoming');
		for (const folderId of [byId(folder.id), fromList(folder.id)]) {
			t.sim.resetStats();
			const run = await t.run('file', 'upload', { folderId, simplify: false }, { input: [fileItem(Buffer.from('in a folder'))] });
			const [item] = jsonOf(run);
			expect(item).toMatchObject({ folder: folder.id, folderid: folder.id });
			expect(t.sim.state.files.get(item.id as string)!.folderId).toBe(folder.id);
			expect(t.sim.requests[0].query.folder).toBe(folder.id);
			expect(t.sim.uploads[0].fields.folder).toBe(folder.id);
		}
	});

	test('another binary field is read when named', async () => {
		const content = randomBytes(1000);
		const run = await t.run(
			'file',
			'upload',
			{ binaryPropertyName: 'video' },
			{ input: [{ binary: { video: { content, fileName: 'v.mp4', mimeType: 'video/mp4' } } }] },
		);
		expect(t.sim.uploads[0].sha1).toBe(sha1(content));
		expect(jsonOf(run)[0]).toMatchObject({ name: 'v.mp4', content_type: 'video/mp4' });
	});

	test('a retry (Retry On Fail) takes a fresh upload URL and sends the file again from the start', async () => {
		const content = randomBytes(2 * MiB);
		t.sim.fault('upload', { kind: 'html' });
		const run = await t.run('file', 'upload', {}, { input: [fileItem(content)], retryOnFail: true });

		expect(run.error).toBeUndefined();
		const posts = t.sim.requests.filter((request) => request.endpoint === 'upload');
		expect(posts).toHaveLength(2);
		expect(posts[0].path).not.toBe(posts[1].path);
		expect(t.sim.countRequests('file/ul')).toBe(2);
		expect(t.sim.uploads).toHaveLength(1);
		expect(t.sim.uploads[0]).toMatchObject({ size: content.length, sha1: sha1(content) });
		expect(jsonOf(run)[0].sha1).toBe(sha1(content));
	});
});

describe('File → Upload, what the upload server answers', () => {
	const t = useHighload();
	const upload = async (content = randomBytes(MiB), extra: object = {}, runOptions: object = {}) =>
		await t.run('file', 'upload', { requestOptions: { bandwidthRetries: 0, ...extra } }, { input: [fileItem(content)], ...runOptions });

	test('an answer without a JSON content type and without result.id: the id comes from result.url', async () => {
		t.sim.options.uploadResponseContentType = 'text/html; charset=UTF-8';
		t.sim.options.uploadResultIdField = false;
		const content = randomBytes(5000);
		const run = await upload(content);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)).toEqual([expect.objectContaining({ id: t.sim.uploads[0].fileId, sha1: sha1(content), size: 5000 })]);
	});

	test('a checksum mismatch is an error naming both hashes', async () => {
		t.sim.options.corruptUploads = true;
		const content = randomBytes(MiB);
		const run = await upload(content);
		const fileId = t.sim.uploads[0].fileId!;
		const stored = t.sim.state.files.get(fileId)!.sha1;
		expect(stored).not.toBe(sha1(content));
		expect(run.error?.message).toBe(
			`The uploaded file's checksum does not match: Highload stored sha1 ${stored}, the bytes sent have sha1 ${sha1(content)}`,
		);
		expect(run.error?.description).toBe(`The file is stored as "${fileId}": delete it and upload again, or turn off Verify Checksum under Options.`);
		expect(run.items).toEqual([]);
	});

	test('with Verify Checksum off, a mismatch is not checked', async () => {
		t.sim.options.corruptUploads = true;
		const run = await t.run('file', 'upload', { options: { verifyChecksum: false } }, { input: [fileItem(randomBytes(100))] });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)[0].sha1).toBe(t.sim.state.files.get(t.sim.uploads[0].fileId!)!.sha1);
	});

	test('an expired upload URL', async () => {
		t.sim.options.uploadUrlTtlMs = -1000;
		const run = await upload();
		expect(run.error?.message).toBe('Highload refused the upload (403): the upload URL expired or was already used, or the API Login or API Key is wrong');
		expect(run.error?.description).toBe('Highload said: Upload URL expired or already used');
	});

	test('a refused upload (wrong key at the upload server)', async () => {
		t.sim.fault('upload', { kind: { status: 403, msg: 'Invalid login or key' } });
		const run = await upload();
		expect(run.error?.message).toBe('Highload refused the upload (403): the upload URL expired or was already used, or the API Login or API Key is wrong');
		expect(run.error?.description).toBe('Highload said: Invalid login or key');
	});

	test('an upload server that answers 502 with an HTML page', async () => {
		t.sim.fault('upload', { kind: 'html' });
		const run = await upload();
		expect(run.error?.message).toBe("Highload's server could not handle the request (502): try again later");
		expect(run.error?.description).toMatch(/^The answer is not JSON: <html>/);
		expect(runText(run)).not.toContain(t.sim.key);
	});

	test('an upload server that resets the connection', async () => {
		t.sim.fault('upload', { kind: 'reset' });
		const run = await upload(randomBytes(8 * MiB));
		expect(run.error?.message).toBe('The connection to the upload server broke before it answered');
		expect(run.error?.description).toMatch(/^The network connection dropped \((ECONNRESET|EPIPE|socket hang up)\)/);
		expect(runText(run)).not.toContain(t.sim.key);
	});

	test('an upload server that never answers fails within the timeout the user set', async () => {
		t.sim.fault('upload', { kind: 'noAnswer' });
		const started = Date.now();
		const run = await upload(randomBytes(MiB), { timeout: 1000 });
		expect(run.error?.message).toBe('The upload server did not answer within 1 s');
		expect(run.error?.description).toBe('Try again later, or raise Timeout under Request Options.');
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('the timeout counts silence, not the whole POST: an upload that keeps moving for longer than the Timeout passes', async () => {
		// The server side (a pacing proxy) reads 4 MiB, pauses 300 ms, reads 4 MiB...: the POST lasts over 4.5 s against a
		// Timeout of 2.5 s, while no silence comes near it (a pause, plus what the socket buffers hold). A wall-clock
		// timeout would cut it off however fast the machine is.
		const proxy = await ForwardProxy.start();
		proxy.pace = { chunkBytes: 4 * MiB, pauseMs: 300 };
		try {
			const content = randomBytes(64 * MiB);
			const run = await upload(content, { timeout: 2500, proxy: proxy.url });
			expect(run.error).toBeUndefined();
			expect(t.sim.uploads[0].sha1).toBe(sha1(content));
			const post = t.sim.requests.find((request) => request.endpoint === 'upload')!;
			const next = t.sim.requests.find((request) => request.endpoint === 'file/info')!;
			expect(next.startedAt - post.startedAt).toBeGreaterThan(2500);
			expect(proxy.count('/uls/')).toBe(1);
		} finally {
			await proxy.close();
		}
	});

	test('a server that stops reading mid-body fails after Timeout of silence instead of waiting forever', async () => {
		const proxy = await ForwardProxy.start();
		proxy.stallAfterBytes = 2 * MiB;
		try {
			const run = await upload(randomBytes(16 * MiB), { timeout: 1000, proxy: proxy.url });
			expect(run.error?.message).toBe('The upload server did not answer within 1 s');
			expect(run.error?.description).toBe('Try again later, or raise Timeout under Request Options.');
			expect(t.sim.requests.filter((request) => request.endpoint === 'file/info')).toHaveLength(0);
		} finally {
			await proxy.close();
		}
	});

	test('a 509 at the upload server is retried with a fresh upload URL and a fresh stream', async () => {
		t.sim.fault('upload', { kind: 'bandwidth' });
		const content = randomBytes(MiB);
		const run = await upload(content, { bandwidthRetries: 1 });
		expect(run.error).toBeUndefined();
		expect(t.sim.countRequests('file/ul')).toBe(2);
		const posts = t.sim.requests.filter((request) => request.endpoint === 'upload');
		expect(new Set(posts.map((post) => post.path)).size).toBe(2);
		expect(t.sim.uploads).toEqual([expect.objectContaining({ sha1: sha1(content), status: 200 })]);
	});

	test('an unknown folder is refused before anything is uploaded', async () => {
		const run = await t.run('file', 'upload', { folderId: byId('999999') }, { input: [fileItem(Buffer.from('x'))] });
		expect(run.error?.message).toBe('Highload could not find folder "999999" (404)');
		expect(t.sim.uploads).toEqual([]);
	});

	test('a stored file that cannot be read back is reported as such, not as a missing folder', async () => {
		const folder = t.sim.addFolder('incoming');
		t.sim.onRequest('file/info', (query) => t.sim.deleteFile(query.file));
		const run = await t.run('file', 'upload', { folderId: byId(folder.id) }, { input: [fileItem(Buffer.from('x'))] });
		const stored = t.sim.uploads[0].fileId;
		expect(run.error?.message).toBe(`Highload accepted the upload but cannot find the stored file "${stored}" (404)`);
	});

	test('an item without the binary field says which field is missing', async () => {
		const run = await t.run('file', 'upload', { binaryPropertyName: 'video' }, { input: [fileItem(Buffer.from('x'))] });
		expect(run.error?.message).toMatch(/video/);
		expect(t.sim.requests).toEqual([]);
	});

	test('with Continue On Fail, a failed upload is an error item and the others go through', async () => {
		t.sim.fault('upload', { kind: 'html', skip: 1 });
		const files = [randomBytes(1000), randomBytes(2000), randomBytes(3000)];
		const run = await t.run(
			'file',
			'upload',
			{ requestOptions: { maxConcurrentRequests: 1 } },
			{ input: files.map((content) => fileItem(content)), continueOnFail: true },
		);
		expect(run.items).toHaveLength(3);
		expect(run.items[0].json.sha1).toBe(sha1(files[0]));
		expect(run.items[1].json).toMatchObject({ error: "Highload's server could not handle the request (502): try again later" });
		expect(run.items[2].json.sha1).toBe(sha1(files[2]));
	});
});

