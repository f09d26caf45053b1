import { randomBytes } from 'crypto';
import { readdirSync, statSync, truncateSync } from 'fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';
import { join } from 'path';

import { binaryStoragePath, useBinaryMode } from '../harness';
import { ForwardProxy } from '../support/forwardProxy';
import { byId, jsonOf, runText, useHighload } from '../support/setup';

const MiB = 1024 * 1024;
const fileItem = (content: Buffer) => ({ binary: { data: { content, fileName: 'clip.mp4', mimeType: 'video/mp4' } } });
const VALID_UNTIL = '2030-01-01 00:00:00';

/** Resolves once `check` holds, looking each time the simulator sees a request or 50 ms pass. */
async function until(check: () => boolean, what: string, limitMs = 20_000): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > limitMs) throw new Error(`test: ${what} did not happen within ${limitMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('File → Upload: answers the node did not ask the API for', () => {
	const t = useHighload();
	const upload = async (content = randomBytes(1000), options: INodeParameters = {}, requestOptions: INodeParameters = {}) =>
		await t.run('file', 'upload', { options, requestOptions: { bandwidthRetries: 0, ...requestOptions } }, { input: [fileItem(content)] });

	test('an upload URL that is not https:// is refused before the key is sent to it', async () => {
		t.sim.fault('file/ul', { kind: { result: { url: 'http://upload.example.com/uls/abc', valid_until: VALID_UNTIL } } });
		const run = await upload();
		expect(run.error?.message).toBe('Highload handed out an upload URL that is not https://, so the API key was not sent to it');
		expect(run.error?.description).toBe('The upload URL was "http://upload.example.com/uls/abc".');
		expect(t.sim.requests.map((request) => request.endpoint)).toEqual(['file/ul']);
	});

	test('file/ul answering without a URL', async () => {
		t.sim.fault('file/ul', { kind: { result: { valid_until: VALID_UNTIL } } });
		const run = await upload();
		expect(run.error?.message).toBe('Highload did not hand out an upload URL');
		expect(run.error?.description).toBe('file/ul answered without result.url.');
		expect(t.sim.uploads).toHaveLength(0);
	});

	test('an upload answer without an id or a link', async () => {
		t.sim.fault('upload', { kind: { result: { name: 'clip.mp4' } } });
		const run = await upload();
		expect(run.error?.message).toBe('Highload accepted the upload but did not say which file it created');
		expect(run.error?.description).toBe('The upload answer was {"name":"clip.mp4"}.');
		expect(t.sim.countRequests('file/info')).toBe(0);
	});

	test('a stored file without a sha1 fails Verify Checksum, naming the file; with Verify Checksum off it passes', async () => {
		const dropSha1 = (query: Record<string, string>) => {
			const stored = t.sim.state.files.get(query.file);
			if (stored) stored.sha1 = '';
		};
		t.sim.onRequest('file/info', dropSha1);
		const run = await upload();
		const fileId = t.sim.uploads[0].fileId;
		expect(run.error?.message).toBe('Highload reported no sha1 for the uploaded file, so its checksum could not be verified');
		expect(run.error?.description).toBe(`The file is stored as "${fileId}": delete it and upload again, or turn off Verify Checksum under Options.`);

		const unchecked = await upload(randomBytes(1000), { verifyChecksum: false });
		expect(unchecked.error).toBeUndefined();
		expect(jsonOf(unchecked)).toEqual([expect.objectContaining({ id: t.sim.uploads[1].fileId })]);
	});

	test('Stop during an upload: n8n 2.41.1 hands a declarative node no cancel signal, so the upload runs to its end', async () => {
		// WorkflowExecute runs declarative nodes through executeDeclarativeNodeInTest, whose context has no abort
		// signal: getExecutionCancelSignal() is undefined there, and nothing a node does can see the Stop. This test
		// pins that fact of the engine; when n8n passes the signal, postUpload's abort takes effect and this fails.
		const proxy = await ForwardProxy.start();
		proxy.pace = { chunkBytes: 4 * MiB, pauseMs: 100 };
		try {
			let cancel = () => {};
			const cancelWhen = new Promise<void>((resolve) => (cancel = resolve));
			t.sim.onRequest('upload', () => cancel());
			const run = await t.run('file', 'upload', { requestOptions: { proxy: proxy.url } }, { input: [fileItem(randomBytes(16 * MiB))], cancelWhen });
			expect(run.run.status).toBe('canceled');
			await until(() => t.sim.countRequests('file/info') === 1 && t.sim.inFlight === 0, 'the upload and its read-back finishing');
			expect(t.sim.state.files.size).toBe(1);
			expect(t.sim.uploads).toEqual([expect.objectContaining({ size: 16 * MiB, status: 200 })]);
		} finally {
			await proxy.close();
		}
	});
});

describe('File → Upload: what a stand-in upload server answers', () => {
	const t = useHighload();
	let server: Server | undefined;
	afterEach(async () => {
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		server = undefined;
	});

	/** file/ul hands out the URL of a server that drains the upload and answers `status` with `body`. */
	async function uploadTo(status: number, type: string, body: string) {
		server = createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				res.writeHead(status, { 'content-type': type });
				res.end(body);
			});
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uls/abc`;
		t.sim.fault('file/ul', { kind: { result: { url, valid_until: VALID_UNTIL } } });
		return await t.run('file', 'upload', { requestOptions: { bandwidthRetries: 0 } }, { input: [fileItem(randomBytes(1000))] });
	}

	test('an empty 200 answer is no success', async () => {
		const run = await uploadTo(200, 'text/html', '');
		expect(run.error?.message).toBe('Highload sent an answer that could not be read (HTTP 200)');
		expect(run.error?.description).toBe('The answer is not JSON: empty body');
		expect(t.sim.countRequests('file/info')).toBe(0);
	});

	test('an HTTP 413 page says what came back', async () => {
		const run = await uploadTo(413, 'text/html', '<html><h1>413 Request Entity Too Large</h1></html>');
		expect(run.error?.message).toBe('Highload sent an answer that could not be read (HTTP 413)');
		expect(run.error?.description).toBe('The answer is not JSON: <html><h1>413 Request Entity Too Large</h1></html>');
	});
});

describe('File → Upload: a binary that changes under the node (filesystem binary mode)', () => {
	const t = useHighload();
	beforeAll(async () => await useBinaryMode('filesystem'));
	afterAll(async () => await useBinaryMode('memory'));

	/** Truncates the stored binary of exactly `size` bytes to `to` bytes. */
	function truncateStored(size: number, to: number): void {
		const walk = (dir: string): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
		const stored = walk(binaryStoragePath()!).filter((path) => !path.endsWith('.metadata') && statSync(path).size === size);
		expect(stored).toHaveLength(1);
		truncateSync(stored[0], to);
	}

	test('a binary shorter than its metadata says fails the item and sends no short body', async () => {
		const size = 3 * MiB + 12345;
		t.sim.onRequest('file/ul', () => truncateStored(size, MiB));
		const run = await t.run('file', 'upload', {}, { input: [fileItem(randomBytes(size))] });
		expect(run.error?.message).toBe(`Could not read the file to upload: the binary has fewer bytes than the ${size} its metadata announced`);
		expect(t.sim.state.files.size).toBe(0);
		expect(t.sim.countRequests('file/info')).toBe(0);
	});

	test('a read that fails mid-stream (the binary cut short while it is sent) fails the item, nothing stored', async () => {
		const size = 32 * MiB + 777;
		const proxy = await ForwardProxy.start();
		proxy.pace = { chunkBytes: 4 * MiB, pauseMs: 200 };
		try {
			t.sim.onRequest('upload', () => truncateStored(size, 8 * MiB));
			const run = await t.run('file', 'upload', { requestOptions: { proxy: proxy.url } }, { input: [fileItem(randomBytes(size))] });
			expect(run.error?.message).toBe(`Could not read the file to upload: the binary has fewer bytes than the ${size} its metadata announced`);
			expect(t.sim.state.files.size).toBe(0);
		} finally {
			await proxy.close();
		}
	});
});

describe('Remote Upload → Add with Wait for Completion, stopped', () => {
	const t = useHighload({ autoAdvanceRemote: ['downloading', 'finished'] });

	test('n8n 2.41.1 hands a declarative node no cancel signal: after Stop the wait goes on to the final status', async () => {
		let cancel = () => {};
		const cancelWhen = new Promise<void>((resolve) => (cancel = resolve));
		t.sim.onRequest('remotedl/status', () => cancel());
		const run = await t.run('remoteUpload', 'add', { url: 'https://example.com/a.mp4', options: { waitForCompletion: true } }, { cancelWhen });
		expect(run.run.status).toBe('canceled');
		const [upload] = [...t.sim.state.remoteUploads.values()];
		await until(() => upload.status === 'finished' && t.sim.inFlight === 0, 'the wait reaching the final status');
		expect(t.sim.countRequests('remotedl/status')).toBe(2);
	});
});

describe('answers that are not what an API call expects', () => {
	const t = useHighload();
	let server: Server | undefined;
	afterEach(async () => {
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		server = undefined;
	});

	test('an unknown envelope status is named, with the API message', async () => {
		t.sim.fault('file/info', { kind: { status: 418, msg: 'I am a teapot' } });
		const run = await t.run('file', 'get', { fileId: byId('abc123def456') });
		expect(run.error?.message).toBe('Highload answered with status 418');
		expect(run.error?.description).toBe('Highload said: I am a teapot');
	});

	test('valid JSON that is not an envelope', async () => {
		server = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"files":[],"ok":true}');
		});
		await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
		t.engine.setCredential({ login: t.sim.login, apiKey: t.sim.key, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
		const run = await t.run('file', 'get', { fileId: byId('abc123def456') });
		expect(run.error?.message).toBe('Highload sent an answer that could not be read (HTTP 200)');
		expect(run.error?.description).toBe('The answer is not a Highload envelope: {"files":[],"ok":true}');
	});

	test('redirects that go round: followed 5 times, then refused with a message', async () => {
		t.sim.fault('file/info', { kind: { redirect: `${t.sim.url}/file/info?{query}` }, times: Infinity });
		const run = await t.run('file', 'get', { fileId: byId('abc123def456') });
		expect(run.error?.message).toMatch(/^Highload \(127\.0\.0\.1:\d+\) redirected the request more than 5 times: not followed further$/);
		expect(t.sim.countRequests('file/info')).toBe(6);
		expect(runText(run)).not.toContain(t.sim.key);
	});

	test('a Location that cannot be read is not followed', async () => {
		t.sim.fault('file/info', { kind: { redirect: 'http://[not-an-address' } });
		const run = await t.run('file', 'get', { fileId: byId('abc123def456') });
		expect(run.error?.message).toMatch(/^Highload \(127\.0\.0\.1:\d+\) redirected the request to an address that cannot be read: not followed, because the request carries your API key$/);
		expect(t.sim.countRequests('file/info')).toBe(1);
	});

	test('a Base URL where nothing listens: connection refused, named with the host', async () => {
		t.engine.setCredential({ login: t.sim.login, apiKey: t.sim.key, baseUrl: 'http://127.0.0.1:1' });
		const run = await t.run('file', 'get', { fileId: byId('abc123def456') });
		expect(run.error?.message).toBe('Could not connect to Highload (127.0.0.1:1): nothing accepted the connection (ECONNREFUSED)');
		expect(run.error?.description).toBe('Check the Base URL in the Highload credential.');
	});
});
