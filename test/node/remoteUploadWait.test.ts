import type { SimulatorOptions } from '../simulator';
import { jsonOf, useHighload } from '../support/setup';

const REMOTE_URL = 'https://example.com/video.mp4';

const shapes: Array<[string, SimulatorOptions]> = [
	['status as one object', { remoteStatusShape: 'object' }],
	['status as a map keyed by id, numbers as numbers', { remoteStatusShape: 'map', numbers: 'numbers' }],
];

describe.each(shapes)('Remote Upload → wait for completion — %s', (_label, options) => {
	const t = useHighload(options);
	const statusCalls = () => t.sim.requests.filter((request) => request.endpoint === 'remotedl/status');

	test('Add: polls until finished, with growing waits, and outputs the final status', async () => {
		t.sim.options.autoAdvanceRemote = ['downloading', 'downloading', 'finished'];
		const folder = t.sim.addFolder('incoming');
		const run = await t.run('remoteUpload', 'add', {
			url: REMOTE_URL,
			folderId: { __rl: true, mode: 'id', value: folder.id },
			options: { waitForCompletion: true },
		});

		expect(run.error).toBeUndefined();
		const [upload] = [...t.sim.state.remoteUploads.values()];
		const file = t.sim.state.files.get(upload.fileId!)!;
		expect(jsonOf(run)).toEqual([
			expect.objectContaining({
				id: upload.id,
				status: 'finished',
				remoteurl: REMOTE_URL,
				folderid: folder.id,
				bytes_loaded: upload.bytesTotal,
				bytes_total: upload.bytesTotal,
				linkid: file.id,
			}),
		]);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		const calls = statusCalls();
		expect(calls.map((call) => call.query.id)).toEqual([upload.id, upload.id, upload.id]);
		const [first, second] = [calls[1].startedAt - calls[0].startedAt, calls[2].startedAt - calls[1].startedAt];
		expect(first).toBeGreaterThanOrEqual(900);
		expect(second).toBeGreaterThan(first + 500);
	});

	test('Get: waits for an upload that is already running', async () => {
		const upload = t.sim.addRemoteUpload(REMOTE_URL);
		t.sim.advanceRemoteUpload(upload.id, 'downloading');
		t.sim.options.autoAdvanceRemote = ['downloading', 'finished'];
		const run = await t.run('remoteUpload', 'get', { remoteUploadId: upload.id, options: { waitForCompletion: true } });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run)).toEqual([expect.objectContaining({ id: upload.id, status: 'finished' })]);
		expect(statusCalls()).toHaveLength(2);
	});

	test('an upload that ends in error is a NodeApiError, or an error item with Continue On Fail', async () => {
		t.sim.options.autoAdvanceRemote = ['downloading', 'error'];
		const run = await t.run('remoteUpload', 'add', { url: REMOTE_URL, options: { waitForCompletion: true } });
		const [upload] = [...t.sim.state.remoteUploads.values()];
		expect(run.error?.name).toBe('NodeApiError');
		expect(run.error?.message).toBe(`Highload could not fetch remote upload "${upload.id}" (its status is 'error')`);
		expect(run.error?.description).toBe(
			`Highload failed to download ${REMOTE_URL}. Check that the link works, then use Remote Upload → Restart Failed.`,
		);

		const next = await t.run('remoteUpload', 'add', { url: REMOTE_URL, options: { waitForCompletion: true } }, { continueOnFail: true });
		const second = [...t.sim.state.remoteUploads.values()][1];
		expect(next.error).toBeUndefined();
		expect(jsonOf(next)).toEqual([{ error: `Highload could not fetch remote upload "${second.id}" (its status is 'error')` }]);
	});

	test('an upload that does not finish in time fails after the timeout, saying how long and the last status', async () => {
		const started = Date.now();
		const run = await t.run('remoteUpload', 'add', { url: REMOTE_URL, options: { waitForCompletion: true, waitTimeout: 1 } });
		const [upload] = [...t.sim.state.remoteUploads.values()];
		expect(run.error?.message).toBe(`Remote upload "${upload.id}" did not finish within 1 s (last status: pending)`);
		expect(run.error?.description).toBe(
			'It keeps running on Highload: check it later with Remote Upload → Get, or raise Wait Timeout (Seconds) under Options.',
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(Date.now() - started).toBeLessThan(4000);
	});

	test('the timeout message shows the progress of a download', async () => {
		const upload = t.sim.addRemoteUpload(REMOTE_URL);
		t.sim.advanceRemoteUpload(upload.id, 'downloading', { bytesLoaded: 250, bytesTotal: 1000 });
		const run = await t.run('remoteUpload', 'get', { remoteUploadId: upload.id, options: { waitForCompletion: true, waitTimeout: 1 } });
		expect(run.error?.message).toBe(`Remote upload "${upload.id}" did not finish within 1 s (last status: downloading, 250 of 1000 bytes)`);
	});

	test('off by default: Add answers at once with the new upload', async () => {
		t.sim.options.autoAdvanceRemote = ['finished'];
		const run = await t.run('remoteUpload', 'add', { url: REMOTE_URL });
		const [upload] = [...t.sim.state.remoteUploads.values()];
		expect(jsonOf(run)).toEqual([{ id: upload.id, folderid: '0' }]);
		expect(statusCalls()).toHaveLength(0);
	});
});
