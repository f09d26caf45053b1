import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { byId, useHighload } from '../support/setup';

interface Answer {
	status: number;
	type?: string;
	body: string | Buffer;
}

/** A stand-in for Highload's thumbnail CDN that answers whatever the test says. */
async function cdn(answer: Answer): Promise<{ url: string; server: Server }> {
	const server = createServer((_req, res) => {
		res.writeHead(answer.status, answer.type ? { 'content-type': answer.type } : {});
		res.end(answer.body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/thumb/abc.png`, server };
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('File → Get Thumbnail with Download: what the thumbnail server answers is checked', () => {
	const t = useHighload();
	let server: Server | undefined;
	afterEach(async () => {
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		server = undefined;
	});

	async function download(answer: Answer) {
		const stand = await cdn(answer);
		server = stand.server;
		const file = t.sim.addFile({ name: 'clip.mp4' });
		t.sim.fault('file/getsplash', { kind: { result: stand.url } });
		const run = await t.run('file', 'getThumbnail', { fileId: byId(file.id), options: { download: true } });
		return { run, host: new URL(stand.url).host };
	}

	test('HTTP 404 says the server answered 404 (not that the connection broke), and stores nothing', async () => {
		const { run, host } = await download({ status: 404, type: 'text/html', body: '<html><body>Not Found</body></html>' });
		expect(run.error?.message).toBe(`The thumbnail server (${host}) answered HTTP 404 instead of the thumbnail`);
		expect(run.error?.description).toMatch(/^Highload listed a thumbnail that is not there \(yet\).*It began: <html><body>Not Found<\/body><\/html>$/);
		expect(run.items).toEqual([]);
	});

	test('HTTP 200 with an HTML page is not stored as an image', async () => {
		const { run, host } = await download({ status: 200, type: 'text/html; charset=utf-8', body: '<html>Please log in</html>' });
		expect(run.error?.message).toBe(`The thumbnail server (${host}) sent text/html instead of an image`);
		expect(run.error?.description).toBe('Nothing was stored as the thumbnail. It began: <html>Please log in</html>');
		expect(run.items).toEqual([]);
	});

	test('HTTP 200 with a JSON envelope is not stored as an image', async () => {
		const { run, host } = await download({ status: 200, type: 'application/json', body: '{"status":403,"msg":"no"}' });
		expect(run.error?.message).toBe(`The thumbnail server (${host}) sent application/json instead of an image`);
		expect(run.items).toEqual([]);
	});

	test('an empty image is refused', async () => {
		const { run, host } = await download({ status: 200, type: 'image/jpeg', body: '' });
		expect(run.error?.message).toBe(`The thumbnail server (${host}) sent an empty answer instead of the thumbnail`);
	});

	test('the binary carries the mime type the server sent', async () => {
		const { run } = await download({ status: 200, type: 'image/png', body: PNG });
		expect(run.error).toBeUndefined();
		const image = run.items[0].binary!.data;
		expect(image).toMatchObject({ mimeType: 'image/png', fileName: 'abc.png' });
		expect(Buffer.from(image.data, 'base64')).toEqual(PNG);
	});
});
