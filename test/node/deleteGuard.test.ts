import { byId, jsonOf, useHighload } from '../support/setup';

const fromItem = byId('={{ $json.id }}');

describe('Stop If More Than on the delete operations', () => {
	const t = useHighload();

	const files = (count: number) => Array.from({ length: count }, (_, at) => t.sim.addFile({ name: `f${at}.mp4` }));
	const remaining = (ids: string[]) => ids.filter((id) => t.sim.state.files.has(id));

	test('a run with more files than the limit deletes none and says how many and where to change it', async () => {
		const ids = files(5).map((file) => file.id);
		const run = await t.run('file', 'delete', { fileId: fromItem, options: { stopIfMoreThan: 3 } }, { input: ids.map((id) => ({ json: { id } })) });
		expect(run.error?.message).toBe('Nothing was deleted: this execution would delete 5 files (one per input item), more than Stop If More Than (3)');
		expect(run.error?.description).toContain("raise Stop If More Than in this node's Options, or set it to 0 for no limit");
		expect(t.sim.countRequests('file/delete')).toBe(0);
		expect(remaining(ids)).toEqual(ids);
	});

	test('with Continue On Fail every item fails and still nothing is deleted', async () => {
		const ids = files(4).map((file) => file.id);
		const run = await t.run('file', 'delete', { fileId: fromItem, options: { stopIfMoreThan: 2 } }, { input: ids.map((id) => ({ json: { id } })), continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(jsonOf(run).map((json) => json.error)).toEqual(Array(4).fill(expect.stringContaining('Nothing was deleted: this execution would delete 4 files')));
		expect(t.sim.countRequests('file/delete')).toBe(0);
		expect(remaining(ids)).toEqual(ids);
	});

	test('at the limit, or with no limit set (0 or absent), every file is deleted', async () => {
		const atLimit = files(3).map((file) => file.id);
		const run = await t.run('file', 'delete', { fileId: fromItem, options: { stopIfMoreThan: 3 } }, { input: atLimit.map((id) => ({ json: { id } })) });
		expect(run.error).toBeUndefined();
		expect(remaining(atLimit)).toEqual([]);
		for (const options of [{ stopIfMoreThan: 0 }, {}]) {
			const ids = files(6).map((file) => file.id);
			expect((await t.run('file', 'delete', { fileId: fromItem, options }, { input: ids.map((id) => ({ json: { id } })) })).error).toBeUndefined();
			expect(remaining(ids)).toEqual([]);
		}
	});

	test('items naming the same file count once each: the guard errs towards stopping', async () => {
		const [file] = files(1);
		const run = await t.run('file', 'delete', { fileId: fromItem, options: { stopIfMoreThan: 2 } }, { input: Array(3).fill({ json: { id: file.id } }) });
		expect(run.error?.message).toContain('would delete 3 files (one per input item)');
		expect(t.sim.state.files.has(file.id)).toBe(true);
	});

	test('a limit that is no whole number (from an expression) stops the run, naming the option', async () => {
		const ids = files(2).map((file) => file.id);
		const run = await t.run('file', 'delete', { fileId: fromItem, options: { stopIfMoreThan: '={{ -1 }}' } }, { input: ids.map((id) => ({ json: { id } })) });
		expect(run.error?.message).toBe('Options → Stop If More Than: "-1" is not a whole number, 0 or more');
		expect(t.sim.requests).toHaveLength(0);
		expect(remaining(ids)).toEqual(ids);
	});

	test('the limit is read once for the whole run (from the first item): an expression cannot let some items through', async () => {
		const ids = files(3).map((file) => file.id);
		const run = await t.run('file', 'delete', { fileId: fromItem, options: { stopIfMoreThan: '={{ $itemIndex === 0 ? 1 : 10 }}' } }, { input: ids.map((id) => ({ json: { id } })), continueOnFail: true });
		expect(jsonOf(run).map((json) => json.error)).toEqual(Array(3).fill(expect.stringContaining('more than Stop If More Than (1)')));
		expect(t.sim.countRequests('file/delete')).toBe(0);
		expect(remaining(ids)).toEqual(ids);
	});

	test('folder → delete: the same guard, nothing deleted', async () => {
		const folders = ['a', 'b', 'c'].map((name) => t.sim.addFolder(name).id);
		const run = await t.run('folder', 'delete', { folderId: fromItem, options: { stopIfMoreThan: 2 } }, { input: folders.map((id) => ({ json: { id } })) });
		expect(run.error?.message).toBe('Nothing was deleted: this execution would delete 3 folders (one per input item), more than Stop If More Than (2)');
		expect(t.sim.requests).toHaveLength(0);
		expect(folders.every((id) => t.sim.state.folders.has(id))).toBe(true);
		expect((await t.run('folder', 'delete', { folderId: fromItem, options: { stopIfMoreThan: 3 } }, { input: folders.map((id) => ({ json: { id } })) })).error).toBeUndefined();
		expect(folders.some((id) => t.sim.state.folders.has(id))).toBe(false);
	});
});
