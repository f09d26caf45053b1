import { randomBytes } from 'crypto';

import { byId, jsonOf, useHighload } from '../support/setup';

/** The one request path: each rule holds once, for every kind of request. */
describe('one request path', () => {
	const t = useHighload({ latencyMs: 5 });

	test('a persistent 509 on file/ul is retried once per attempt: retries + 1 requests, not retries squared', async () => {
		t.sim.fault('file/ul', { kind: 'bandwidth', times: Infinity });
		const started = Date.now();
		const run = await t.run(
			'file',
			'upload',
			{ requestOptions: { bandwidthRetries: 2 } },
			{ input: [{ json: {}, binary: { data: { content: Buffer.from('x'), fileName: 'x.bin' } } }] },
		);
		expect(run.error?.message).toBe('Highload bandwidth limit exceeded (509): try again later or enable Retry On Fail');
		expect(t.sim.countRequests('file/ul')).toBe(3);
		// Waits of 1 s and 2 s, nothing more.
		expect(Date.now() - started).toBeLessThan(6000);
		expect(t.sim.uploads).toEqual([]);
	});

	test('a 404 on a subfolder during Folder → List names that subfolder, not the listed folder', async () => {
		const root = t.sim.addFolder('videos');
		const sub = t.sim.addFolder('series', root.id);
		t.sim.addFiles(3, sub.id);
		// The subfolder disappears between its parent's listing and its own.
		t.sim.onRequest('file/listfolder', (query) => {
			if (query.folder === sub.id) t.sim.state.deleteFolder(sub.id);
		});
		const run = await t.run('folder', 'list', { folderId: byId(root.id), returnAll: true, options: { includeSubfolders: true } });
		expect(run.error?.message).toBe(`Highload could not find folder "${sub.id}" (404)`);
	});

	test('a concurrency limit that varies per item still limits: never more in flight than the largest limit', async () => {
		const files = Array.from({ length: 60 }, (_, i) => t.sim.addFile({ name: `f${i}.mp4` }));
		const input = files.map((file) => ({ json: { id: file.id } }));
		const run = await t.run(
			'file',
			'get',
			{ fileId: byId('={{ $json.id }}'), requestOptions: { maxConcurrentRequests: '={{ $itemIndex % 2 === 0 ? 2 : 3 }}' } },
			{ input },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)).toHaveLength(60);
		expect(t.sim.maxConcurrency).toBeLessThanOrEqual(3);
	});

	test('the limit holds per account across runs at once: two runs of 5 never put more than 5 in flight', async () => {
		const files = Array.from({ length: 80 }, (_, i) => t.sim.addFile({ name: `f${i}.mp4` }));
		const input = files.map((file) => ({ json: { id: file.id } }));
		const runs = await Promise.all([0, 1].map(async () => await t.run('file', 'get', { fileId: byId('={{ $json.id }}') }, { input })));
		for (const run of runs) expect(jsonOf(run)).toHaveLength(80);
		expect(t.sim.maxConcurrency).toBeLessThanOrEqual(5);
		expect(t.sim.maxConcurrency).toBeGreaterThan(1);
	});

	test('uploads share the account limit with the other requests', async () => {
		const input = Array.from({ length: 8 }, () => ({ json: {}, binary: { data: { content: randomBytes(64 * 1024), fileName: 'f.bin' } } }));
		const run = await t.run('file', 'upload', { requestOptions: { maxConcurrentRequests: 2 } }, { input });
		expect(run.error).toBeUndefined();
		expect(t.sim.uploads).toHaveLength(8);
		expect(t.sim.maxConcurrency).toBeLessThanOrEqual(2);
	});
});

describe('folder search that scales', () => {
	const t = useHighload();

	test('300 folders: the first answer costs at most 10 listing requests and says more may follow; the chain lists each folder once', async () => {
		const parents = Array.from({ length: 30 }, (_, i) => t.sim.addFolder(`parent ${String(i).padStart(2, '0')}`));
		for (const parent of parents) for (let i = 0; i < 9; i++) t.sim.addFolder(`child ${i}`, parent.id);

		const first = await t.engine.listSearch('searchFolders');
		expect(t.sim.countRequests('file/listfolder')).toBeLessThanOrEqual(10);
		expect(first.paginationToken).toBeDefined();
		expect(first.results.length).toBeGreaterThan(0);

		// Scrolling on: the editor passes the token back until the walk is complete; every folder once.
		const seen = [...first.results];
		let token = first.paginationToken;
		for (let call = 0; token !== undefined && call < 100; call++) {
			const next = await t.engine.listSearch('searchFolders', undefined, undefined, token);
			seen.push(...next.results);
			token = next.paginationToken;
		}
		expect(token).toBeUndefined();
		expect(seen).toHaveLength(300);
		expect(new Set(seen.map((result) => result.value)).size).toBe(300);
		// The whole walk, spread over the calls: each folder listed once (the root and 300 folders).
		expect(t.sim.countRequests('file/listfolder')).toBe(301);

		// Nothing is kept between calls: a search typed now walks again (the root, then 5 folders at a time) and hands
		// over what the first batch with matches found.
		t.sim.resetStats();
		const typed = await t.engine.listSearch('searchFolders', 'parent 07/child');
		expect(typed.results.map((result) => result.name)).toEqual(Array.from({ length: 9 }, (_, i) => `parent 07/child ${i}`));
		expect(t.sim.countRequests('file/listfolder')).toBe(11);
	});
});
