import { n8nLogEntries, n8nLogText } from '../harness';
import { byId, jsonOf, runText, useHighload } from '../support/setup';

describe('many items', () => {
	const t = useHighload({ latencyMs: 3 });

	test('by default a 1,000-item run stays under Highload 509 throttling', async () => {
		t.sim.options.throttleAbove = 5;
		const files = Array.from({ length: 1000 }, (_, i) => t.sim.addFile({ name: `f${i}.mp4` }));
		const run = await t.run('file', 'get', { fileId: byId('={{ $json.id }}') }, { input: files.map((file) => ({ json: { id: file.id } })) });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run).map((item) => item.id)).toEqual(files.map((file) => file.id));
		expect(t.sim.maxConcurrency).toBeLessThanOrEqual(5);
		expect(t.sim.countRequests('file/info')).toBe(1000);
	}, 60_000);

	test('Max Concurrent Requests bounds the requests in flight', async () => {
		const files = Array.from({ length: 40 }, (_, i) => t.sim.addFile({ name: `f${i}.mp4` }));
		const input = files.map((file) => ({ json: { id: file.id } }));
		const two = await t.run('file', 'get', { fileId: byId('={{ $json.id }}'), requestOptions: { maxConcurrentRequests: 2 } }, { input });
		expect(two.error).toBeUndefined();
		expect(jsonOf(two).map((item) => item.id)).toEqual(files.map((file) => file.id));
		expect(t.sim.maxConcurrency).toBe(2);
		t.sim.resetStats();
		const eight = await t.run('file', 'get', { fileId: byId('={{ $json.id }}'), requestOptions: { maxConcurrentRequests: 8 } }, { input });
		expect(eight.error).toBeUndefined();
		expect(jsonOf(eight)).toHaveLength(40);
		expect(t.sim.maxConcurrency).toBeGreaterThan(2);
		expect(t.sim.maxConcurrency).toBeLessThanOrEqual(8);
	});

	test('a 509 is retried after a wait, then succeeds', async () => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		t.sim.fault('file/info', { kind: 'bandwidth', times: 1 });
		const started = Date.now();
		const run = await t.run('file', 'get', { fileId: byId(file.id) });
		expect(jsonOf(run)).toEqual([expect.objectContaining({ id: file.id })]);
		expect(t.sim.countRequests('file/info')).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('509 retries are bounded, then the error says what to do', async () => {
		const file = t.sim.addFile({ name: 'a.mp4' });
		t.sim.fault('file/info', { kind: 'bandwidth', times: Infinity });
		const run = await t.run('file', 'get', { fileId: byId(file.id), requestOptions: { bandwidthRetries: 1 } });
		expect(run.error?.message).toBe('Highload bandwidth limit exceeded (509): try again later or enable Retry On Fail');
		expect(t.sim.countRequests('file/info')).toBe(2);
	});

	test('a reset is not retried by the node (the request may have been carried out)', async () => {
		t.sim.fault('remotedl/add', { kind: 'reset' });
		const run = await t.run('remoteUpload', 'add', { url: 'https://example.com/a.mp4' });
		expect(run.error?.message).toBe('The connection to Highload broke before it answered');
		expect(t.sim.countRequests('remotedl/add')).toBe(1);
	});
});

describe('continue on fail, and the API key', () => {
	const t = useHighload();

	test('failed items become error items, the others succeed, pairing kept', async () => {
		const good = [t.sim.addFile({ name: 'a.mp4' }), t.sim.addFile({ name: 'b.mp4' })];
		const input = [{ json: { id: good[0].id } }, { json: { id: 'missing0000' } }, { json: { id: 'bad id!' } }, { json: { id: good[1].id } }];
		const run = await t.run('file', 'get', { fileId: byId('={{ $json.id }}') }, { input, continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(4);
		expect(run.items[0].json).toMatchObject({ id: good[0].id });
		expect(run.items[3].json).toMatchObject({ id: good[1].id });
		expect(run.items[1].error?.message).toBe('Highload could not find file "missing0000" (404)');
		expect(run.items[2].error?.message).toBe('File: "bad id!" is not valid');
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	test('the API key appears nowhere: not in items, errors, descriptions or log lines', async () => {
		const logged = n8nLogEntries().length;
		const printed: string[] = [];
		const capture = (...args: unknown[]) => printed.push(args.map(String).join(' '));
		const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation(capture));
		try {
			const file = t.sim.addFile({ name: 'a.mp4' });
			t.sim.fault('file/info', { kind: { status: 403, msg: 'Permission denied' }, times: 1 });
			t.sim.fault('file/delete', { kind: 'html', times: 1 });
			t.sim.fault('file/rename', { kind: 'reset', times: 1 });
			const runs = [
				await t.run('account', 'get'),
				await t.run('file', 'get', { fileId: byId(file.id) }),
				await t.run('file', 'delete', { fileId: byId(file.id) }),
				await t.run('file', 'rename', { fileId: byId(file.id), name: 'x' }),
				await t.run('file', 'get', { fileId: byId('missing0000') }, { continueOnFail: true }),
				await t.run('file', 'getUploadUrl', {}),
				await t.run('folder', 'list', { returnAll: true }),
			];
			expect(runs.filter((run) => run.error)).toHaveLength(3);
			for (const run of runs) expect(runText(run)).not.toContain(t.sim.key);
			for (const run of runs.filter((each) => each.error)) {
				expect(`${run.error!.message} ${run.error!.description} ${JSON.stringify(run.error)}`).not.toContain(t.sim.key);
			}
			expect(printed.join('\n')).not.toContain(t.sim.key);
			// n8n logged the failures (the harness keeps its log whether or not it is printed): not the key.
			expect(n8nLogEntries().length).toBeGreaterThan(logged);
			expect(n8nLogText()).not.toContain(t.sim.key);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});
});
