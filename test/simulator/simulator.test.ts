/**
 * Contract tests of the Highload API simulator: every endpoint of the API document, every switch,
 * every fault, and the streaming upload server. Real HTTP on 127.0.0.1 only.
 */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { FormData, request } from 'undici';
import { HighloadSimulator, MultipartParser, ROOT_FOLDER_ID, type SimulatorOptions } from '.';

// ---------- helpers ----------

let sim: HighloadSimulator;

async function start(options: SimulatorOptions = {}): Promise<HighloadSimulator> {
	sim = await HighloadSimulator.start(options);
	return sim;
}

afterEach(async () => {
	await sim?.close();
});

interface Answer {
	http: number;
	contentType: string;
	text: string;
	body: any; // parsed envelope (undefined if not JSON)
}

async function readAnswer(res: { statusCode: number; headers: Record<string, any>; body: { text(): Promise<string> } }): Promise<Answer> {
	const text = await res.body.text();
	let body: any;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { http: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), text, body };
}

type CallOptions = { method?: 'GET' | 'POST'; auth?: boolean; headersTimeout?: number };

/** Calls an API endpoint; GET with a query string, or POST with an urlencoded body. */
async function api(endpoint: string, params: Record<string, string> = {}, opts: CallOptions = {}): Promise<Answer> {
	const all = new URLSearchParams(opts.auth === false ? params : { login: sim.login, key: sim.key, ...params });
	const init = { headersTimeout: opts.headersTimeout };
	if (opts.method === 'POST') {
		return readAnswer(
			await request(`${sim.url}/${endpoint}`, {
				...init,
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: all.toString(),
			}),
		);
	}
	return readAnswer(await request(`${sim.url}/${endpoint}?${all}`, init));
}

async function ok(endpoint: string, params: Record<string, string> = {}, opts: CallOptions = {}): Promise<any> {
	const answer = await api(endpoint, params, opts);
	expect(answer.body).toMatchObject({ status: 200, msg: 'OK' });
	return answer.body.result;
}

const SERVER_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectEnvelopeError(answer: Answer, status: number, msg?: string | RegExp, mode: 'mirror' | 'always200' = 'mirror'): void {
	expect(answer.http).toBe(mode === 'mirror' ? status : 200);
	expect(Object.keys(answer.body)).toEqual(['status', 'msg', 'server_time', 'result']);
	expect(answer.body.status).toBe(status);
	if (msg !== undefined) expect(answer.body.msg).toMatch(msg);
}

interface FilePart {
	field?: string;
	name: string;
	type?: string;
	data: Buffer;
}

const BOUNDARY = '----simtestBoundary7MA4YWxkTrZu0gW';

function multipartBody(fields: Record<string, string>, file?: FilePart, boundary = BOUNDARY): Buffer {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	if (file) {
		const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file1'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'video/mp4'}\r\n\r\n`;
		parts.push(Buffer.from(head), file.data, Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(parts);
}

/** POSTs raw bytes with node:http, optionally chunked and in separate writes (to split the body). */
function rawPost(url: string, pieces: Buffer[], opts: { chunked?: boolean; pauseMs?: number; boundary?: string } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const total = pieces.reduce((n, p) => n + p.length, 0);
		const headers: Record<string, string | number> = { 'content-type': `multipart/form-data; boundary=${opts.boundary ?? BOUNDARY}` };
		if (!opts.chunked) headers['content-length'] = total;
		const req = httpRequest(url, { method: 'POST', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let body: any;
				try {
					body = JSON.parse(text);
				} catch {
					body = undefined;
				}
				resolve({ http: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text, body });
			});
		});
		req.on('error', reject);
		(async () => {
			for (const piece of pieces) {
				req.write(piece);
				if (opts.pauseMs) await delay(opts.pauseMs);
			}
			req.end();
		})();
	});
}

async function uploadUrl(folder?: string): Promise<string> {
	return (await ok('file/ul', folder ? { folder } : {})).url;
}

async function upload(file: FilePart, fields: Record<string, string> = {}, opts: { chunked?: boolean; url?: string } = {}): Promise<Answer> {
	const url = opts.url ?? (await uploadUrl());
	return rawPost(url, [multipartBody({ login: sim.login, key: sim.key, ...fields }, file)], opts);
}

const FILE_KEYS = ['name', 'sha1', 'folderid', 'upload_at', 'status', 'size', 'content_type', 'download_count', 'cstatus', 'link', 'id'];
const REMOTE_KEYS = ['id', 'remoteurl', 'status', 'bytes_loaded', 'bytes_total', 'folderid', 'added', 'started', 'finished'];

// ---------- envelope, auth, transport ----------

describe('envelope and authentication', () => {
	test('account/info matches the doc', async () => {
		await start();
		sim.addFile({ name: 'a.mp4', size: 1000 });
		const answer = await api('account/info');
		expect(answer.http).toBe(200);
		expect(answer.contentType).toMatch(/^application\/json/);
		expect(Object.keys(answer.body)).toEqual(['status', 'msg', 'server_time', 'result']);
		expect(answer.body.server_time).toMatch(SERVER_TIME);
		const r = answer.body.result;
		expect(Object.keys(r)).toEqual(['id', 'email', 'signup_at', 'storage_used', 'storage_left', 'balance']);
		expect(r).toMatchObject({ signup_at: '2019-01-09 23:59:59', storage_used: '1000' });
		expect(typeof r.storage_left).toBe('string');
	});

	test.each(['mirror', 'always200'] as const)('errors in %s mode: 403 wrong key, 403 missing login, 400 missing param, 404 unknown id', async (mode) => {
		await start({ httpStatus: mode });
		expectEnvelopeError(await api('account/info', { login: sim.login, key: 'wrong' }, { auth: false }), 403, 'Permission denied: wrong login or key', mode);
		expectEnvelopeError(await api('account/info', { key: sim.key }, { auth: false }), 403, /Permission denied/, mode);
		expectEnvelopeError(await api('file/info'), 400, 'Missing parameter: file', mode);
		expectEnvelopeError(await api('file/info', { file: 'nosuchfile12' }), 404, 'File not found', mode);
		expectEnvelopeError(await api('file/listfolder', { folder: '98765' }), 404, 'Folder not found', mode);
		expectEnvelopeError(await api('file/listfolder', { folder: 'abc' }), 400, /Invalid folder id/, mode);
		expectEnvelopeError(await api('remotedl/status', { id: 'nosuchupload' }), 404, /Remote upload not found/, mode);
	});

	test('credentials are checked before parameters; unknown endpoints are 404', async () => {
		await start();
		expectEnvelopeError(await api('file/info', { login: 'x', key: 'y' }, { auth: false }), 403);
		expectEnvelopeError(await api('file/nosuch'), 404, /Unknown endpoint/);
	});

	test('POST with urlencoded body and POST with query parameters both work', async () => {
		await start();
		expect(await ok('file/createfolder', { name: 'posted' }, { method: 'POST' })).toHaveProperty('folderid');
		const res = await request(`${sim.url}/file/createfolder?${new URLSearchParams({ login: sim.login, key: sim.key, name: 'q' })}`, { method: 'POST' });
		expect((await readAnswer(res)).body.status).toBe(200);
		expect([...sim.state.folders.values()].map((f) => f.name)).toEqual(['', 'posted', 'q']);
		expect(sim.requests[0]).toMatchObject({ method: 'POST', path: '/file/createfolder', endpoint: 'file/createfolder', query: { name: 'posted' } });
		expect(sim.countRequests('file/createfolder')).toBe(2);
	});

	test('JSON is PHP-style (escaped slashes and non-ASCII) and parses back exactly', async () => {
		await start();
		sim.addFile({ name: 'Ünïcødé/日本語 🎬.mp4' });
		const answer = await api('file/listfolder');
		expect(answer.text).toContain('\\/');
		expect(answer.text).not.toMatch(/[^\x00-\x7f]/);
		expect(answer.body.result.files[0].name).toBe('Ünïcødé/日本語 🎬.mp4');
	});
});

// ---------- files ----------

describe('file endpoints', () => {
	test('file/info single: the doc fields plus the listing fields', async () => {
		await start();
		const folder = sim.addFolder('videos');
		const f = sim.addFile({ name: 'test.mp4', folderId: folder.id, size: 361357875, sha1: 'd16594b09e7645b1377e85f86b6e873889085059', downloadCount: 3 });
		const r = await ok('file/info', { file: f.id });
		expect(r).toEqual({
			id: f.id,
			status: 200,
			name: 'test.mp4',
			size: '361357875',
			folder: folder.id,
			sha1: 'd16594b09e7645b1377e85f86b6e873889085059',
			content_type: 'video/mp4',
			folderid: folder.id,
			upload_at: f.uploadAt,
			download_count: '3',
			cstatus: 'Completed',
			link: `https://highload.to/f/${f.id}/test.mp4`,
		});
		expect(Object.keys(r).slice(0, 7)).toEqual(['id', 'status', 'name', 'size', 'folder', 'sha1', 'content_type']);
	});

	test('file/info with several ids: map keyed by id, per-file 404 inside a 200 envelope', async () => {
		await start();
		const a = sim.addFile({ name: 'a.mp4' });
		const b = sim.addFile({ name: 'b.mp4' });
		const r = await ok('file/info', { file: `${a.id},${b.id},missing00000` });
		expect(Object.keys(r)).toEqual([a.id, b.id, 'missing00000']);
		expect(r[a.id]).toMatchObject({ id: a.id, status: 200, name: 'a.mp4' });
		expect(r.missing00000).toEqual({ id: 'missing00000', status: 404 });
	});

	test('rename, move, delete', async () => {
		await start();
		const dest = sim.addFolder('dest');
		const f = sim.addFile({ name: 'old.mp4' });
		expect(await ok('file/rename', { file: f.id, name: 'new.mp4' })).toBe(true);
		expect(await ok('file/move', { file: f.id, folder: dest.id })).toBe(true);
		expect(sim.state.files.get(f.id)).toMatchObject({ name: 'new.mp4', folderId: dest.id });
		expect((await ok('file/listfolder', { folder: dest.id })).files.map((x: any) => x.id)).toEqual([f.id]);
		expect((await ok('file/listfolder')).files).toEqual([]);
		expectEnvelopeError(await api('file/move', { file: f.id, folder: '424242' }), 404, 'Folder not found');
		expectEnvelopeError(await api('file/rename', { file: f.id }), 400, 'Missing parameter: name');
		expect(await ok('file/delete', { file: f.id })).toBe(true);
		expectEnvelopeError(await api('file/delete', { file: f.id }), 404, 'File not found');
	});

	test('names round-trip exactly (query, POST body, upload)', async () => {
		await start();
		const names = ['a&b=c.mp4', 'hash#tag?.mp4', '100% done.mp4', 'plus+sign.mp4', `quote"s 'single'.mp4`, 'slash/back\\slash', 'Ünïcødé 日本語 🎬', '  spaced  '];
		for (const name of names) {
			const { folderid } = await ok('file/createfolder', { name });
			expect(sim.state.folders.get(folderid)?.name).toBe(name);
		}
		expect((await ok('file/listfolder')).folders.map((f: any) => f.name)).toEqual(names);
		const f = sim.addFile({ name: 'x' });
		for (const name of names) {
			await ok('file/rename', { file: f.id, name }, { method: 'POST' });
			expect((await ok('file/info', { file: f.id })).name).toBe(name);
		}
		// A raw '+' in a query string is a space (form encoding); %2B is a plus.
		await request(`${sim.url}/file/rename?login=${sim.login}&key=${sim.key}&file=${f.id}&name=a+b%2Bc`);
		expect(sim.state.files.get(f.id)?.name).toBe('a b+c');
		// undici's FormData escapes '"' as %22 in the filename; the server decodes it back.
		for (const name of [`quote"s 'single'.mp4`, '100% done.mp4', 'back\\slash\\.mp4', 'semi;colon=x.mp4', 'Ünïcødé 日本語 🎬.mp4']) {
			const form = new FormData();
			form.set('login', sim.login);
			form.set('key', sim.key);
			form.set('file1', new Blob([Buffer.from('x')]), name);
			const res = await request(await uploadUrl(), { method: 'POST', body: form });
			expect((await readAnswer(res)).body.result.name).toBe(name);
		}
	});
});

// ---------- folders and listings ----------

describe('folders and file/listfolder', () => {
	test('listfolder matches the doc; root by default; folders are direct children only', async () => {
		await start();
		const videos = sim.addFolder('videos');
		sim.addFolder('series', videos.id);
		const f = sim.addFile({ name: 'bigbuckbunny.mp4', folderId: videos.id, size: 5321514545, downloadCount: 848, cstatus: 'pending' });
		expect(await ok('file/listfolder')).toEqual({ folders: [{ id: videos.id, name: 'videos' }], files: [] });
		const r = await ok('file/listfolder', { folder: videos.id });
		expect(r.folders).toEqual([{ id: String(Number(videos.id) + 1), name: 'series' }]);
		expect(Object.keys(r.files[0])).toEqual(FILE_KEYS);
		expect(r.files[0]).toEqual({
			name: 'bigbuckbunny.mp4',
			sha1: f.sha1,
			folderid: videos.id,
			upload_at: f.uploadAt,
			status: 'active',
			size: '5321514545',
			content_type: 'video/mp4',
			download_count: '848',
			cstatus: 'pending',
			link: `https://highload.to/f/${f.id}/bigbuckbunny.mp4`,
			id: f.id,
		});
		expect(f.id).toMatch(/^[a-z0-9]{12}$/);
		expect(await ok('file/listfolder', { folder: ROOT_FOLDER_ID })).toEqual(await ok('file/listfolder', { folder: '' }));
	});

	test('pagination: 1-based, page 0 = 1, limit capped at 200, folders first then files across pages unless foldersOnEveryPage', async () => {
		await start();
		const folder = sim.addFolder('big');
		sim.addFolder('sub', folder.id);
		const files = sim.addFiles(450, folder.id);
		const page = async (params: Record<string, string>) => ok('file/listfolder', { folder: folder.id, ...params });
		const p1 = await page({ limit: '200', page: '1' });
		expect(p1.folders).toHaveLength(1);
		expect(p1.files.map((x: any) => x.id)).toEqual(files.slice(0, 199).map((x) => x.id));
		const p3 = await page({ limit: '200', page: '3' });
		expect(p3.files.map((x: any) => x.id)).toEqual(files.slice(399).map((x) => x.id));
		expect(p3.folders).toEqual([]);
		expect((await page({ limit: '200', page: '4' })).files).toEqual([]);
		expect(await page({ page: '0' })).toEqual(p1);
		expect(await page({})).toEqual(p1);
		expect((await page({ limit: '1000' })).files).toHaveLength(199);
		expect((await page({ limit: '7', page: '2' })).files.map((x: any) => x.id)).toEqual(files.slice(6, 13).map((x) => x.id));
		expectEnvelopeError(await api('file/listfolder', { folder: folder.id, limit: 'lots' }), 400, /limit/);
		sim.options.foldersOnEveryPage = true;
		expect((await page({ page: '3' })).folders).toHaveLength(1);
		expect((await page({ page: '1' })).files.map((x: any) => x.id)).toEqual(files.slice(0, 200).map((x) => x.id));
	});

	test('folders are paged like files: 450 subfolders and 10 files span three pages, every entry once', async () => {
		await start();
		const folder = sim.addFolder('wide');
		const subs = Array.from({ length: 450 }, (_, i) => sim.addFolder(`sub ${i}`, folder.id));
		const files = sim.addFiles(10, folder.id);
		const pages = await Promise.all(['1', '2', '3', '4'].map(async (p) => await ok('file/listfolder', { folder: folder.id, page: p, limit: '200' })));
		expect(pages.map((p: any) => [p.folders.length, p.files.length])).toEqual([[200, 0], [200, 0], [50, 10], [0, 0]]);
		expect(pages.flatMap((p: any) => p.folders.map((x: any) => x.id))).toEqual(subs.map((x) => x.id));
		expect(pages.flatMap((p: any) => p.files.map((x: any) => x.id))).toEqual(files.map((x) => x.id));
		sim.options.foldersOnEveryPage = true;
		const quirk = await ok('file/listfolder', { folder: folder.id, page: '2', limit: '200' });
		expect([quirk.folders.length, quirk.files.length]).toEqual([450, 0]);
	});

	test('order: oldestFirst by upload time (default) or newestFirst', async () => {
		await start();
		const late = sim.addFile({ name: 'late', uploadAt: '2021-07-13 00:00:00' });
		const early = sim.addFile({ name: 'early', uploadAt: '2021-07-12 00:00:00' });
		const ids = async () => (await ok('file/listfolder')).files.map((x: any) => x.id);
		expect(await ids()).toEqual([early.id, late.id]);
		sim.options.order = 'newestFirst';
		expect(await ids()).toEqual([late.id, early.id]);
	});

	test('shuffle: consistent within one listing, different across listings', async () => {
		await start({ shuffle: true, seed: 7 });
		const all = sim.addFiles(60).map((f) => f.id);
		const listing = async () => {
			const ids: string[] = [];
			for (let page = 1; page <= 3; page++) ids.push(...(await ok('file/listfolder', { limit: '20', page: String(page) })).files.map((x: any) => x.id));
			return ids;
		};
		const first = await listing();
		const second = await listing();
		expect([...first].sort()).toEqual([...all].sort());
		expect(new Set(first).size).toBe(60);
		expect([...second].sort()).toEqual([...all].sort());
		expect(first).not.toEqual(second);
		expect(first).not.toEqual(all);
	});

	// Speed is measured by bench/poll, not here: this checks that a folder of 100,000 files pages through whole.
	test('100,000 files: a full paged listing returns each file once', async () => {
		await start();
		const folder = sim.addFolder('huge');
		sim.addFiles(100000, folder.id);
		const ids = new Set<string>();
		let pages = 0;
		for (let page = 1; ; page++) {
			const { files } = await ok('file/listfolder', { folder: folder.id, page: String(page) });
			if (files.length === 0) break;
			pages++;
			for (const file of files as Array<{ id: string }>) ids.add(file.id);
		}
		expect(ids.size).toBe(100000);
		expect(pages).toBe(500);
	});

	test('createfolder (with and without pid), renamefolder', async () => {
		await start();
		const { folderid } = await ok('file/createfolder', { name: 'parent' });
		expect(folderid).toMatch(/^\d+$/);
		const child = await ok('file/createfolder', { name: 'child', pid: folderid });
		expect(sim.state.folders.get(child.folderid)).toEqual({ id: child.folderid, name: 'child', parentId: folderid });
		expect(await ok('file/renamefolder', { folder: child.folderid, name: 'renamed' })).toBe(true);
		expect((await ok('file/listfolder', { folder: folderid })).folders).toEqual([{ id: child.folderid, name: 'renamed' }]);
		expectEnvelopeError(await api('file/createfolder', {}), 400, 'Missing parameter: name');
		expectEnvelopeError(await api('file/createfolder', { name: 'x', pid: '999999' }), 404, 'Folder not found');
		expectEnvelopeError(await api('file/renamefolder', { folder: folderid }), 400, 'Missing parameter: name');
	});

	test('deletefolder deletes subfolders and files recursively; root and missing id are refused', async () => {
		await start();
		const keep = sim.addFolder('keep');
		const kept = sim.addFile({ name: 'kept.mp4', folderId: keep.id });
		const top = sim.addFolder('top');
		const mid = sim.addFolder('mid', top.id);
		const leaf = sim.addFolder('leaf', mid.id);
		const doomed = [top, mid, leaf].map((f) => sim.addFile({ name: `in-${f.name}.mp4`, folderId: f.id }));
		expect(await ok('file/deletefolder', { folder: top.id })).toBe(true);
		for (const f of [top, mid, leaf]) expect(sim.state.folders.has(f.id)).toBe(false);
		for (const f of doomed) expect(sim.state.files.has(f.id)).toBe(false);
		expect(sim.state.files.has(kept.id)).toBe(true);
		expectEnvelopeError(await api('file/listfolder', { folder: mid.id }), 404, 'Folder not found');
		expectEnvelopeError(await api('file/deletefolder', { folder: ROOT_FOLDER_ID }), 400, 'Cannot delete the root folder');
		expectEnvelopeError(await api('file/deletefolder', { folder: '' }), 400, 'Missing parameter: folder');
		expectEnvelopeError(await api('file/deletefolder', {}), 400, 'Missing parameter: folder');
		expect(sim.state.files.has(kept.id)).toBe(true);
	});
});

// ---------- numbers switch ----------

describe('numbers switch', () => {
	test("'numbers': numeric fields and folder ids are JSON numbers, file ids stay strings", async () => {
		await start({ numbers: 'numbers' });
		const folder = sim.addFolder('videos');
		const f = sim.addFile({ name: 'a.mp4', folderId: folder.id, size: 42, downloadCount: 7 });
		const listing = await ok('file/listfolder', { folder: folder.id });
		expect(listing.files[0]).toMatchObject({ size: 42, download_count: 7, folderid: Number(folder.id), id: f.id });
		expect((await ok('file/listfolder')).folders[0].id).toBe(Number(folder.id));
		expect(await ok('file/info', { file: f.id })).toMatchObject({ size: 42, folder: Number(folder.id), folderid: Number(folder.id), status: 200 });
		expect(typeof (await ok('account/info')).storage_used).toBe('number');
		expect(typeof (await ok('file/createfolder', { name: 'n' })).folderid).toBe('number');
		const added = await ok('remotedl/add', { url: 'https://example.com/a.mp4', folder: folder.id });
		expect(added).toEqual({ id: expect.any(String), folderid: Number(folder.id) });
		sim.advanceRemoteUpload(added.id, 'downloading', { bytesLoaded: 10, bytesTotal: 100 });
		expect(await ok('remotedl/status', { id: added.id })).toMatchObject({ bytes_loaded: 10, bytes_total: 100, folderid: Number(folder.id) });
		sim.options.numbers = 'strings';
		expect(await ok('remotedl/status', { id: added.id })).toMatchObject({ bytes_loaded: '10', bytes_total: '100', folderid: folder.id });
	});
});

// ---------- remote uploads ----------

describe('remote uploads', () => {
	test('add, status (pending → downloading → finished creates the file), remove', async () => {
		await start();
		const folder = sim.addFolder('RemoteDl');
		const added = await ok('remotedl/add', { url: 'http://proof.ovh.net/files/100Mio.dat', folder: folder.id });
		expect(Object.keys(added)).toEqual(['id', 'folderid']);
		expect(added.folderid).toBe(folder.id);
		const pending = await ok('remotedl/status', { id: added.id });
		expect(Object.keys(pending)).toEqual(REMOTE_KEYS);
		expect(pending).toMatchObject({ id: added.id, remoteurl: 'http://proof.ovh.net/files/100Mio.dat', status: 'pending', bytes_loaded: null, bytes_total: '0', folderid: folder.id, started: '0000-00-00 00:00:00', finished: '0000-00-00 00:00:00' });
		expect(pending.added).toMatch(SERVER_TIME);

		sim.advanceRemoteUpload(added.id, 'downloading', { bytesLoaded: 500, bytesTotal: 1000 });
		expect(await ok('remotedl/status', { id: added.id })).toMatchObject({ status: 'downloading', bytes_loaded: '500', bytes_total: '1000', finished: '0000-00-00 00:00:00' });
		sim.advanceRemoteUpload(added.id, 'finished');
		const done = await ok('remotedl/status', { id: added.id });
		expect(done).toMatchObject({ status: 'finished', bytes_loaded: '1000', bytes_total: '1000' });
		expect(done.started).toMatch(SERVER_TIME);
		expect(done.finished).not.toBe('0000-00-00 00:00:00');
		const file = sim.state.files.get(done.linkid);
		expect(file).toMatchObject({ name: '100Mio.dat', folderId: folder.id, size: 1000 });
		expect(done.url).toBe(`https://highload.to/f/${done.linkid}/100Mio.dat`);

		expect(await ok('remotedl/remove', { id: added.id })).toBe(true);
		expectEnvelopeError(await api('remotedl/status', { id: added.id }), 404);
		sim.addRemoteUpload('http://a/1');
		sim.addRemoteUpload('http://a/2');
		expect(await ok('remotedl/remove', { id: 'all' })).toBe(true);
		expect(sim.state.remoteUploads.size).toBe(0);
	});

	test('add validates url and folder', async () => {
		await start();
		expectEnvelopeError(await api('remotedl/add', { url: 'ftp://example.com/x' }), 400, /url/i);
		expectEnvelopeError(await api('remotedl/add', {}), 400, 'Missing parameter: url');
		expectEnvelopeError(await api('remotedl/add', { url: 'https://e.com/x', folder: 'nope' }), 400, /folder/);
		expect((await ok('remotedl/add', { url: 'https://e.com/x' })).folderid).toBe(ROOT_FOLDER_ID);
	});

	test('status shapes: object or map for one id, always a map for several or none; without id: list or error', async () => {
		await start();
		const a = sim.addRemoteUpload('http://e.com/a.mp4');
		const b = sim.addRemoteUpload('http://e.com/b.mp4');
		expect((await ok('remotedl/status', { id: a.id })).id).toBe(a.id);
		sim.options.remoteStatusShape = 'map';
		expect(Object.keys(await ok('remotedl/status', { id: a.id }))).toEqual([a.id]);
		sim.options.remoteStatusShape = 'object';
		const several = await ok('remotedl/status', { id: `${a.id},${b.id}` });
		expect(Object.keys(several)).toEqual([a.id, b.id]);
		expect(several[b.id].remoteurl).toBe('http://e.com/b.mp4');
		expect(Object.keys(await ok('remotedl/status'))).toEqual([a.id, b.id]);
		sim.options.remoteStatusWithoutId = 'error';
		expectEnvelopeError(await api('remotedl/status'), 400, 'Missing parameter: id');
	});

	test('restart puts failed uploads back to pending; restart param is required', async () => {
		await start();
		const failed = sim.addRemoteUpload('http://e.com/a.mp4');
		const running = sim.addRemoteUpload('http://e.com/b.mp4');
		sim.advanceRemoteUpload(failed.id, 'error');
		sim.advanceRemoteUpload(running.id, 'downloading');
		expect((await ok('remotedl/status', { id: failed.id })).status).toBe('error');
		expectEnvelopeError(await api('remotedl/restart'), 400, 'Missing parameter: restart');
		expect(await ok('remotedl/restart', { restart: 'true' })).toBe(true);
		expect(await ok('remotedl/status', { id: failed.id })).toMatchObject({ status: 'pending', bytes_loaded: null, started: '0000-00-00 00:00:00' });
		expect((await ok('remotedl/status', { id: running.id })).status).toBe('downloading');
	});

	test('autoAdvanceRemote: each status call advances one step along the script', async () => {
		await start({ autoAdvanceRemote: ['downloading', 'downloading', 'finished'] });
		const { id } = await ok('remotedl/add', { url: 'https://e.com/movie.mkv' });
		const statuses: string[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await ok('remotedl/status', { id })).status);
		expect(statuses).toEqual(['downloading', 'downloading', 'finished', 'finished']);
		const done = await ok('remotedl/status', { id });
		expect(sim.state.files.get(done.linkid)?.name).toBe('movie.mkv');
		expect(sim.state.files.size).toBe(1);
	});
});

// ---------- conversions and thumbnails ----------

describe('conversions and splash images', () => {
	test('runningconverts lists files whose conversion is not Completed', async () => {
		await start();
		const running = sim.addFile({ name: 'MyOldCamera.avi', cstatus: 'pending' });
		sim.addFile({ name: 'done.mp4' });
		const list = await ok('file/runningconverts');
		expect(list).toEqual([{ name: 'MyOldCamera.avi', id: running.id, status: 'pending', last_update: running.uploadAt, link: `https://highload.to/f/${running.id}/MyOldCamera.avi` }]);
		sim.finishConversion(running.id);
		expect(await ok('file/runningconverts')).toEqual([]);
		expect((await ok('file/info', { file: running.id })).cstatus).toBe('Completed');
	});

	test('getsplash returns a thumbnail URL that serves a JPEG', async () => {
		await start();
		const f = sim.addFile({ name: 'a.mp4' });
		const url = await ok('file/getsplash', { file: f.id });
		expect(url).toBe(`${sim.url}/thumb/${f.id}.jpg`);
		const res = await request(url);
		expect(res.statusCode).toBe(200);
		expect(res.headers['content-type']).toBe('image/jpeg');
		const jpeg = Buffer.from(await res.body.arrayBuffer());
		expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		expect(jpeg.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
		expectEnvelopeError(await api('file/getsplash', { file: 'nosuchfile00' }), 404, 'File not found');
		expect((await request(`${sim.url}/thumb/nosuchfile00.jpg`)).statusCode).toBe(404);
	});
});

// ---------- uploads ----------

describe('upload server', () => {
	test('file/ul returns {url, valid_until}; folder is validated', async () => {
		await start();
		const r = await ok('file/ul');
		expect(Object.keys(r)).toEqual(['url', 'valid_until']);
		expect(r.url).toMatch(new RegExp(`^${sim.url}/uls/[0-9a-f]+$`));
		expect(r.valid_until).toMatch(SERVER_TIME);
		expectEnvelopeError(await api('file/ul', { folder: '55555' }), 404, 'Folder not found');
		expectEnvelopeError(await api('file/ul', { folder: 'x' }), 400);
	});

	test.each([
		['0 B', 0],
		['1 B', 1],
		['3 MiB', 3 * 1024 * 1024 + 17],
	])('streams %s: size and sha1 of the received bytes, answer matches the stored file', async (_label, size) => {
		await start();
		const folder = sim.addFolder('up');
		const data = Buffer.alloc(size, 0);
		for (let i = 0; i < size; i++) data[i] = (i * 31 + 7) & 0xff;
		const answer = await upload({ name: 'clip.mp4', data }, {}, { url: await uploadUrl(folder.id) });
		expect(answer.http).toBe(200);
		expect(answer.contentType).toMatch(/^application\/json/);
		const r = answer.body.result;
		expect(Object.keys(r)).toEqual(['id', 'name', 'size', 'sha1', 'folderid', 'content_type', 'url']);
		expect(r).toEqual({ id: r.id, name: 'clip.mp4', size: String(size), sha1: sha1(data), folderid: folder.id, content_type: 'video/mp4', url: `https://highload.to/f/${r.id}/clip.mp4` });
		expect(sim.state.files.get(r.id)).toMatchObject({ name: 'clip.mp4', size, sha1: sha1(data), folderId: folder.id, cstatus: 'pending', status: 'active', downloadCount: 0 });
		expect(sim.uploads).toHaveLength(1);
		expect(sim.uploads[0]).toMatchObject({ fieldName: 'file1', fileName: 'clip.mp4', contentType: 'video/mp4', size, sha1: sha1(data), fileId: r.id, status: 200, fields: { login: sim.login, key: sim.key } });
		expect(sim.countRequests('upload')).toBe(1);
	});

	test('records Content-Length vs chunked transfer and the file field name', async () => {
		await start();
		await upload({ field: 'file', name: 'a.bin', data: Buffer.from('abc') });
		await upload({ field: 'whatever', name: 'b.bin', data: Buffer.from('abc') }, {}, { chunked: true });
		expect(sim.uploads.map((u) => [u.fieldName, u.hadContentLength, u.chunked])).toEqual([
			['file', true, false],
			['whatever', false, true],
		]);
	});

	test('boundary split across chunks (HTTP writes in small pieces), field order irrelevant', async () => {
		await start();
		const data = Buffer.from('0123456789'.repeat(1000));
		const body = multipartBody({ key: sim.key, login: sim.login }, { name: 'split.mp4', data });
		const pieces: Buffer[] = [];
		for (let i = 0; i < body.length; i += 37) pieces.push(body.subarray(i, i + 37));
		const slow = pieces.slice(-40); // the tail (closing boundary) arrives byte group by byte group
		const fast = Buffer.concat(pieces.slice(0, -40));
		const answer = await rawPost(await uploadUrl(), [fast, ...slow], { chunked: true, pauseMs: 1 });
		expect(answer.body.result).toMatchObject({ size: String(data.length), sha1: sha1(data) });
	});

	test('parser: every split position of a body gives the same parts', () => {
		const data = Buffer.from('--not-a-boundary\r\n\r\nbody with \r\n-- and CRLFs\r\n');
		const body = Buffer.concat([Buffer.from('preamble\r\n'), multipartBody({ login: 'l', folder: '12' }, { name: 'x.bin', data }), Buffer.from('epilogue')]);
		const parse = (chunks: Buffer[]) => {
			const parts: Record<string, Buffer[]> = {};
			const parser = new MultipartParser(BOUNDARY, (h) => {
				const key = `${h.name}|${h.filename ?? ''}|${h.contentType ?? ''}`;
				parts[key] = [];
				return { data: (c) => parts[key].push(Buffer.from(c)), end: () => undefined };
			});
			for (const c of chunks) parser.write(c);
			parser.end();
			return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Buffer.concat(v).toString('latin1')]));
		};
		const expected = { 'login||': 'l', 'folder||': '12', 'file1|x.bin|video/mp4': data.toString('latin1') };
		expect(parse([body])).toEqual(expected);
		for (let i = 1; i < body.length; i++) expect(parse([body.subarray(0, i), body.subarray(i)])).toEqual(expected);
		expect(parse([...body].map((b) => Buffer.from([b])))).toEqual(expected);
		expect(() => parse([body.subarray(0, body.length - 20)])).toThrow(/closing boundary/);
	});

	test('upload URLs are single-use and expire', async () => {
		await start({ uploadUrlTtlMs: 150 });
		const url = await uploadUrl();
		expect((await upload({ name: 'a.mp4', data: Buffer.from('a') }, {}, { url })).body.status).toBe(200);
		const again = await upload({ name: 'a.mp4', data: Buffer.from('a') }, {}, { url });
		expectEnvelopeError(again, 403, 'Upload URL expired or already used');
		const stale = await uploadUrl();
		await delay(250);
		expectEnvelopeError(await upload({ name: 'b.mp4', data: Buffer.from('b') }, {}, { url: stale }), 403, 'Upload URL expired or already used');
		expect(sim.state.files.size).toBe(1);
		expect(sim.uploads.map((u) => u.status)).toEqual([200, 403, 403]);
	});

	test('wrong key 403, no file part 400, folder field overrides the URL folder', async () => {
		await start();
		const a = sim.addFolder('a');
		const b = sim.addFolder('b');
		expectEnvelopeError(await upload({ name: 'x.mp4', data: Buffer.from('x') }, { key: 'wrong' }), 403, 'Permission denied: wrong login or key');
		const noFile = await rawPost(await uploadUrl(), [multipartBody({ login: sim.login, key: sim.key })]);
		expectEnvelopeError(noFile, 400, 'Missing parameter: file');
		const moved = await upload({ name: 'x.mp4', data: Buffer.from('x') }, { folder: b.id }, { url: await uploadUrl(a.id) });
		expect(moved.body.result.folderid).toBe(b.id);
		expectEnvelopeError(await upload({ name: 'x.mp4', data: Buffer.from('x') }, { folder: '999999' }), 404, 'Folder not found');
		expect(sim.uploads[0].fields.folder).toBeUndefined();
		expect(sim.uploads[2].fields.folder).toBe(b.id);
	});

	test('upload answer switches: corruptUploads, uploadResponseContentType, uploadResultIdField, always200', async () => {
		await start({ corruptUploads: true, uploadResponseContentType: 'text/html', uploadResultIdField: false, httpStatus: 'always200' });
		const data = Buffer.from('hello world');
		const answer = await upload({ name: 'c.mp4', data });
		expect(answer.contentType).toBe('text/html');
		const r = answer.body.result;
		expect(r).not.toHaveProperty('id');
		expect(r.sha1).toMatch(/^[0-9a-f]{40}$/);
		expect(r.sha1).not.toBe(sha1(data));
		expect(sim.uploads[0].sha1).toBe(sha1(data));
		const id = /\/f\/([a-z0-9]{12})\//.exec(r.url)?.[1];
		expect(sim.state.files.get(id as string)?.name).toBe('c.mp4');
		const denied = await upload({ name: 'c.mp4', data }, { key: 'bad' });
		expect(denied.http).toBe(200);
		expect(denied.body.status).toBe(403);
		sim.options.uploadResponseContentType = 'text/plain';
		expect((await upload({ name: 'd.mp4', data })).contentType).toBe('text/plain');
	});

	test('undici FormData + fetch-style upload (field file1) works', async () => {
		await start();
		const data = Buffer.alloc(256 * 1024, 7);
		const form = new FormData();
		form.set('login', sim.login);
		form.set('key', sim.key);
		form.set('file1', new Blob([data], { type: 'application/octet-stream' }), 'movie.mkv');
		const answer = await readAnswer(await request(await uploadUrl(), { method: 'POST', body: form }));
		expect(answer.body.result).toMatchObject({ name: 'movie.mkv', size: String(data.length), sha1: sha1(data), content_type: 'video/x-matroska' });
		expect(sim.uploads[0]).toMatchObject({ fieldName: 'file1', contentType: 'application/octet-stream' });
	});
});

// ---------- faults ----------

describe('faults', () => {
	test.each(['mirror', 'always200'] as const)('bandwidth: 509 envelope (%s)', async (mode) => {
		await start({ httpStatus: mode });
		sim.fault('account/info', { kind: 'bandwidth' });
		expectEnvelopeError(await api('account/info'), 509, 'Bandwidth usage exceeded. Please try again later.', mode);
		expect((await api('account/info')).body.status).toBe(200);
	});

	test('html: a 502 HTML page from a proxy', async () => {
		await start();
		sim.fault('*', { kind: 'html' });
		const answer = await api('file/listfolder');
		expect(answer.http).toBe(502);
		expect(answer.contentType).toMatch(/^text\/html/);
		expect(answer.text).toMatch(/<html>[\s\S]*502 Bad Gateway/);
		expect(answer.body).toBeUndefined();
	});

	test('truncated: HTTP 200 JSON cut in the middle', async () => {
		await start();
		sim.fault('file/listfolder', { kind: 'truncated' });
		const answer = await api('file/listfolder');
		expect(answer.http).toBe(200);
		expect(answer.contentType).toMatch(/^application\/json/);
		expect(answer.text.startsWith('{"status":200')).toBe(true);
		expect(answer.body).toBeUndefined();
	});

	test('reset: the socket is destroyed without an answer', async () => {
		await start();
		sim.fault('account/info', { kind: 'reset' });
		await expect(api('account/info')).rejects.toThrow();
		expect((await api('account/info')).body.status).toBe(200);
		await delay(20);
		expect(sim.inFlight).toBe(0);
	});

	test('noAnswer: held until the client times out; close() ends held requests', async () => {
		await start();
		sim.fault('account/info', { kind: 'noAnswer', times: Infinity });
		const t0 = Date.now();
		await expect(api('account/info', {}, { headersTimeout: 300 })).rejects.toThrow(/timeout/i);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
		const hanging = api('account/info');
		await delay(50);
		await sim.close();
		await expect(hanging).rejects.toThrow();
	});

	test('envelope error kinds; skip and times select which requests fail', async () => {
		await start();
		sim.fault('file/listfolder', { kind: { status: 451, msg: 'Unavailable For Legal Reasons' }, skip: 2, times: 2 });
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await api('file/listfolder')).body.status);
		expect(statuses).toEqual([200, 200, 451, 451, 200, 200]);
		expect((await api('account/info')).body.status).toBe(200);
		sim.fault('account/info', { kind: { status: 500 } });
		expectEnvelopeError(await api('account/info'), 500);
		sim.fault('*', { kind: { status: 403, msg: 'Nope' }, times: Infinity });
		expectEnvelopeError(await api('file/ul'), 403, 'Nope');
		sim.clearFaults();
		expect((await api('file/ul')).body.status).toBe(200);
	});

	test('faults apply to the upload server (and do not use up the URL)', async () => {
		await start({ uploadResponseContentType: 'text/plain' });
		const url = await uploadUrl();
		sim.fault('upload', { kind: 'bandwidth' });
		const throttled = await upload({ name: 'a.mp4', data: Buffer.alloc(100000) }, {}, { url });
		expectEnvelopeError(throttled, 509);
		expect(throttled.contentType).toBe('text/plain');
		sim.fault('upload', { kind: 'reset' });
		await expect(upload({ name: 'a.mp4', data: Buffer.alloc(10) }, {}, { url })).rejects.toThrow();
		expect((await upload({ name: 'a.mp4', data: Buffer.from('x') }, {}, { url })).body.status).toBe(200);
		expect(sim.countRequests('upload')).toBe(3);
		expect(sim.uploads).toHaveLength(1);
	});
});

// ---------- concurrency ----------

describe('latency, concurrency and throttling', () => {
	test('latencyMs makes concurrency observable in maxConcurrency; resetStats clears', async () => {
		await start({ latencyMs: 150 });
		const t0 = Date.now();
		await Promise.all(Array.from({ length: 5 }, () => ok('account/info')));
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(sim.maxConcurrency).toBe(5);
		expect(sim.requests).toHaveLength(5);
		sim.resetStats();
		expect(sim.maxConcurrency).toBe(0);
		expect(sim.requests).toEqual([]);
		sim.options.latencyMs = 0;
		await ok('account/info');
		await ok('account/info');
		expect(sim.maxConcurrency).toBe(1);
		expect(sim.requests[0].startedAt).toBeLessThanOrEqual(Date.now());
	});

	test('throttleAbove: requests beyond N in flight get a 509 envelope', async () => {
		await start({ latencyMs: 200, throttleAbove: 2 });
		const answers = await Promise.all(Array.from({ length: 5 }, () => api('account/info')));
		const statuses = answers.map((a) => a.body.status).sort();
		expect(statuses).toEqual([200, 200, 509, 509, 509]);
		expect(answers.find((a) => a.body.status === 509)?.body.msg).toBe('Bandwidth usage exceeded. Please try again later.');
		expect((await api('account/info')).body.status).toBe(200);
	});
});
