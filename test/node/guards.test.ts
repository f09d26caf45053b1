import { byId, byUrl, jsonOf, useHighload } from '../support/setup';

describe('nothing destructive by accident', () => {
	const t = useHighload();

	test.each([
		['empty', '', /Folder|issues/],
		['whitespace', '={{ "   " }}', /^Folder: enter a folder$/],
		['the root folder', '0', /^Folder: is the root folder, which this operation never acts on$/],
		['an expression that comes out empty', '={{ $json.missing }}', /^Folder: enter a folder$/],
	])('folder → delete refuses %s before any request', async (_label, value, message) => {
		const folder = t.sim.addFolder('keep');
		const run = await t.run('folder', 'delete', { folderId: byId(value) }, { input: [{ json: { other: 1 } }] });
		expect(run.error?.message).toMatch(message);
		expect(t.sim.requests).toHaveLength(0);
		expect(t.sim.state.folders.has(folder.id)).toBe(true);
	});

	test('remove with the id "all" is refused: removing everything is its own operation', async () => {
		const upload = t.sim.addRemoteUpload('https://example.com/a.mp4');
		const run = await t.run('remoteUpload', 'remove', { remoteUploadId: 'all' });
		expect(run.error?.message).toBe('Remote Upload ID: "all" is not an upload ID; use the Remove All operation to remove every upload');
		expect(t.sim.requests).toHaveLength(0);
		expect(t.sim.state.remoteUploads.has(upload.id)).toBe(true);
	});

	// Values come from the previous node's item, as in real workflows: the editor cannot check them beforehand.
	const fromItem = (field: string) => `={{ $json.${field} }}`;
	test.each([
		['file', 'delete', { fileId: byId(fromItem('id')) }, { id: 'abc$%def' }, 'File: "abc$%def" is not valid', 'A file ID is letters and digits'],
		['file', 'delete', { fileId: byId(fromItem('id')) }, { id: 'abc,def' }, 'File: "abc,def" is not valid', 'A file ID is letters and digits'],
		['file', 'move', { fileId: byId('abc123'), folderId: byId(fromItem('folder')) }, { folder: 'videos' }, 'Destination Folder: "videos" is not a folder ID', 'A folder ID is a whole number'],
		['file', 'move', { fileId: byId('abc123'), folderId: byId('0') }, {}, 'Destination Folder: is the root folder, which this operation never acts on', 'cannot move files into the root folder'],
		['remoteUpload', 'add', { url: 'ftp://example.com/a.mp4' }, {}, 'URL: "ftp://example.com/a.mp4" is not valid', 'Give a full http:// or https:// link'],
		['remoteUpload', 'add', { url: fromItem('link') }, { link: 'example.com/a.mp4' }, 'URL: "example.com/a.mp4" is not valid', 'Give a full http:// or https:// link'],
		['folder', 'rename', { folderId: byId('12'), name: '  ' }, {}, 'New Name: enter a value', 'it came out empty'],
	])('%s → %s with bad input fails clearly before any request', async (resource, operation, parameters, json, message, hint) => {
		const run = await t.run(resource, operation, parameters as never, { input: [{ json }] });
		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toContain(hint);
		expect(t.sim.requests).toHaveLength(0);
	});

	test("a malformed id typed into the field is caught by the editor's own check", async () => {
		const run = await t.run('file', 'delete', { fileId: byId('abc$%def') });
		expect(run.error?.message).toBe("The 'Highload' node has issues:\n- A file ID is letters and digits");
		expect(t.sim.requests).toHaveLength(0);
	});

	test('a link that is not a Highload file link is refused', async () => {
		const run = await t.run('file', 'delete', { fileId: byUrl('https://example.com/f/abc123/x.mp4') });
		expect(run.error?.message).toBe("The 'Highload' node has issues:\n- Not a Highload file link (https://highload.to/f/<id>/...)");
		expect(t.sim.requests).toHaveLength(0);
	});
});

describe('names reach the API exactly', () => {
	const t = useHighload();
	const names = ['my new videos', 'Café ñandú 東京 🎬', 'a&b=c', '#1 hit', '100% sure', 'a+b', `"quoted" 'single'`, 'slash/and\\back', '?query=1;x'];

	test.each(names)('%s', async (name) => {
		const file = t.sim.addFile({ name: 'before.mp4' });
		const renamed = await t.run('file', 'rename', { fileId: byId(file.id), name });
		expect(renamed.error).toBeUndefined();
		expect(jsonOf(renamed)).toEqual([{ success: true, fileId: file.id, name }]);
		expect(t.sim.state.files.get(file.id)!.name).toBe(name);

		const [created] = jsonOf(await t.run('folder', 'create', { name }));
		expect(t.sim.state.folders.get(created.folderid as string)!.name).toBe(name);
	});
});
