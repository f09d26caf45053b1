import { Engine, testCredential } from '../harness';
import { HighloadSimulator } from '../simulator';
import { ForwardProxy } from '../support/forwardProxy';
import { selfSignedCertificate } from '../support/selfSigned';
import { byId, byPath, jsonOf, useHighload } from '../support/setup';

const fileItem = (text: string) => ({ binary: { data: { content: Buffer.from(text), fileName: 'clip.mp4', mimeType: 'video/mp4' } } });

/** Request Options → Proxy: every request of a node run goes through it (plain http: absolute-URI requests). */
describe('Request Options → Proxy', () => {
	const t = useHighload();
	let proxy: ForwardProxy;
	beforeEach(async () => {
		proxy = await ForwardProxy.start();
	});
	afterEach(async () => {
		await proxy.close();
	});

	test('an API call goes through the proxy', async () => {
		const file = t.sim.addFile({ name: 'clip.mp4' });
		const run = await t.run('file', 'get', { fileId: byId(file.id), requestOptions: { proxy: proxy.url } });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)).toEqual([expect.objectContaining({ id: file.id, name: 'clip.mp4' })]);
		expect(proxy.requests).toEqual([{ method: 'GET', target: expect.stringContaining(`${t.sim.url}/file/info?`) }]);
		expect(t.sim.requests).toHaveLength(1);
	});

	test('folder-by-path resolution, file/ul, the upload POST, the read-back and the thumbnail all go through it', async () => {
		t.sim.addFolder('incoming');
		const upload = await t.run('file', 'upload', { folderId: byPath('incoming'), requestOptions: { proxy: proxy.url } }, { input: [fileItem('proxied bytes')] });
		expect(upload.error).toBeUndefined();
		const stored = t.sim.uploads[0];
		expect(stored).toMatchObject({ size: 13, status: 200 });
		expect(proxy.requests.map((entry) => `${entry.method} ${new URL(entry.target).pathname.split('/').slice(0, 2).join('/')}`)).toEqual([
			'GET /file',
			'GET /file',
			'POST /uls',
			'GET /file',
		]);
		expect(proxy.count('/file/listfolder')).toBe(1);
		expect(proxy.count('/file/ul?')).toBe(1);
		expect(proxy.count('/file/info')).toBe(1);

		const thumb = await t.run('file', 'getThumbnail', { fileId: byId(stored.fileId!), options: { download: true }, requestOptions: { proxy: proxy.url } });
		expect(thumb.error).toBeUndefined();
		expect(thumb.items[0].binary?.data.mimeType).toBe('image/jpeg');
		expect(proxy.count('/file/getsplash')).toBe(1);
		expect(proxy.count('/thumb/')).toBe(1);
		expect(proxy.requests).toHaveLength(t.sim.requests.length);
	});

	test('a proxy with a user and password gets them as Proxy-Authorization, which does not travel on to Highload', async () => {
		const file = t.sim.addFile({ name: 'clip.mp4' });
		const withAuth = proxy.url.replace('http://', 'http://proxyuser:s3cret%21@');
		const run = await t.run('file', 'get', { fileId: byId(file.id), requestOptions: { proxy: withAuth } });
		expect(run.error).toBeUndefined();
		expect(proxy.requests.map((entry) => entry.auth)).toEqual([`Basic ${Buffer.from('proxyuser:s3cret!').toString('base64')}`]);
		expect(t.sim.requests[0].headers['proxy-authorization']).toBeUndefined();
	});

	test('a Proxy n8n would ignore (socks5, here for the second item only) fails that item naming the field', async () => {
		const file = t.sim.addFile({ name: 'clip.mp4' });
		const run = await t.run(
			'file',
			'get',
			{ fileId: byId(file.id), requestOptions: { proxy: `={{ $itemIndex === 0 ? "${proxy.url}" : "socks5://127.0.0.1:1080" }}` } },
			{ input: [{ json: {} }, { json: {} }], continueOnFail: true },
		);
		expect(jsonOf(run)).toEqual([
			expect.objectContaining({ id: file.id }),
			{ error: 'The Proxy under Request Options is not an http:// or https:// URL' },
		]);
		expect(proxy.requests).toHaveLength(1);
	});

	test('a proxy where nothing listens fails with a message naming the proxy, and nothing reaches Highload', async () => {
		const file = t.sim.addFile({ name: 'clip.mp4' });
		const run = await t.run('file', 'get', { fileId: byId(file.id), requestOptions: { proxy: 'http://127.0.0.1:9' } });
		expect(run.error?.message).toBe('Could not connect to the proxy http://127.0.0.1:9: nothing accepted the connection (ECONNREFUSED)');
		expect(run.error?.description).toBe('Check Proxy under Request Options.');
		expect(t.sim.requests).toHaveLength(0);
	});
});

/** The trigger and the folder search have no Request Options: n8n's own proxy settings (environment) apply to them. */
describe("the trigger and the folder search use n8n's proxy environment (HTTP_PROXY)", () => {
	const t = useHighload();
	let proxy: ForwardProxy;
	const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
	beforeEach(async () => {
		proxy = await ForwardProxy.start();
		for (const name of ['NO_PROXY', 'no_proxy', 'http_proxy'] as const) delete process.env[name];
		process.env.HTTP_PROXY = proxy.url;
	});
	afterEach(async () => {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
		await proxy.close();
	});

	test('a poll and a folder search go through it', async () => {
		t.sim.addFolder('videos');
		expect(await t.poller({ event: 'newFile' }).poll()).toBeNull();
		const found = await t.engine.listSearch('searchFolders', 'videos');
		expect(found.results.map((result) => result.name)).toEqual(['videos']);
		expect(proxy.count('/file/listfolder')).toBe(t.sim.countRequests('file/listfolder'));
		expect(proxy.count('/file/listfolder')).toBeGreaterThanOrEqual(2);
	});
});

/** A Base URL with a self-signed certificate: refused with a clear message unless Ignore SSL Issues is on. */
describe('https Base URL with a self-signed certificate', () => {
	const tls = selfSignedCertificate();
	let engine: Engine;
	let sim: HighloadSimulator;
	beforeAll(async () => {
		engine = await Engine.load();
	});
	beforeEach(async () => {
		sim = await HighloadSimulator.start({}, { tls });
		engine.setCredential({ login: sim.login, apiKey: sim.key, baseUrl: sim.url });
	});
	afterEach(async () => {
		await sim.close();
	});
	const run = async (operation: string, parameters: object, input?: Array<ReturnType<typeof fileItem>>) =>
		await engine.runNode({ parameters: { resource: 'file', operation, ...parameters }, input });

	test('the credential accepts the https Base URL; without Ignore SSL Issues the call fails naming the certificate', async () => {
		expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const file = sim.addFile({ name: 'clip.mp4' });
		const failed = await run('get', { fileId: byId(file.id) });
		expect(failed.error?.message).toMatch(/^The certificate of Highload \(127\.0\.0\.1:\d+\) could not be verified \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)$/);
		expect(failed.error?.description).toContain('turn on Ignore SSL Issues under Request Options');
		expect(sim.requests).toHaveLength(0);
	});

	test('with Ignore SSL Issues on, API calls, the upload and the thumbnail download work', async () => {
		const requestOptions = { allowUnauthorizedCerts: true };
		const upload = await run('upload', { requestOptions }, [fileItem('over tls')]);
		expect(upload.error).toBeUndefined();
		const [stored] = sim.uploads;
		expect(stored).toMatchObject({ size: 8, status: 200 });
		expect(jsonOf(upload)).toEqual([expect.objectContaining({ id: stored.fileId, size: 8 })]);

		const thumb = await run('getThumbnail', { fileId: byId(stored.fileId!), options: { download: true }, requestOptions });
		expect(thumb.error).toBeUndefined();
		expect(thumb.items[0].binary?.data.mimeType).toBe('image/jpeg');
		expect(sim.requests.map((request) => request.endpoint)).toEqual(['file/ul', 'upload', 'file/info', 'file/getsplash', 'thumb']);
	});

	test('through a proxy (CONNECT tunnel) with Ignore SSL Issues on', async () => {
		const proxy = await ForwardProxy.start();
		try {
			const file = sim.addFile({ name: 'clip.mp4' });
			const ok = await run('get', { fileId: byId(file.id), requestOptions: { proxy: proxy.url, allowUnauthorizedCerts: true } });
			expect(ok.error).toBeUndefined();
			expect(jsonOf(ok)).toEqual([expect.objectContaining({ id: file.id })]);
			expect(proxy.requests).toEqual([{ method: 'CONNECT', target: new URL(sim.url).host }]);
		} finally {
			await proxy.close();
		}
	});

	test('the trigger and the credential test, which have no Request Options, say certificates are always verified', async () => {
		const trigger = engine.poller({ parameters: { event: 'newFile' } });
		const polled = await trigger.poll().then(
			() => undefined,
			(error: Error & { description?: string }) => error,
		);
		expect(polled?.message).toMatch(/^The certificate of Highload \(127\.0\.0\.1:\d+\) could not be verified/);
		expect(polled?.description).toContain('always verify certificates');

		const tested = await testCredential(engine, { login: sim.login, apiKey: sim.key, baseUrl: sim.url });
		expect(tested.status).toBe('Error');
		expect(tested.message).toMatch(/^The certificate of Highload \(127\.0\.0\.1:\d+\) could not be verified .*always verify certificates/);
		expect(sim.requests).toHaveLength(0);
	});
});
