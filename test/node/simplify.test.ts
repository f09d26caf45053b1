/**
 * n8n's guideline for records of more than 10 fields, through the real engine: Simplify (on by default) keeps the
 * 10 most used fields; as an AI tool (n8n generates the type `highloadTool` from `usableAsTool`, and `@tool` display
 * options follow its name) the node offers Output: Simplified, Raw, or Selected Fields with the id always kept.
 */
import type { INodeType } from 'n8n-workflow';

import { byId, jsonOf, useHighload } from '../support/setup';

const FILE_SIMPLIFIED = ['id', 'name', 'link', 'size', 'upload_at', 'sha1', 'download_count', 'cstatus', 'folderid', 'content_type'];

describe('Simplify, on by default, for records of more than 10 fields', () => {
	const t = useHighload();
	const file = () => t.sim.addFile({ name: 'clip.mp4', folderId: t.sim.addFolder('videos').id, size: 361357875, downloadCount: 848 });

	test('File → Get: the 10 most used fields, in that order; Simplify off: every field Highload sends', async () => {
		const { id } = file();
		const [simple] = jsonOf(await t.run('file', 'get', { fileId: byId(id) }));
		expect(Object.keys(simple)).toEqual(FILE_SIMPLIFIED);
		expect(simple).toMatchObject({ id, name: 'clip.mp4', size: 361357875, download_count: 848 });

		const [raw] = jsonOf(await t.run('file', 'get', { fileId: byId(id), simplify: false }));
		expect(Object.keys(raw).length).toBeGreaterThan(10);
		expect(raw).toMatchObject({ ...simple, status: 200 });
	});

	test('Folder → List with subfolders: at most 10 fields per record, type, path and what a clean-up filters on among them', async () => {
		const videos = t.sim.addFolder('videos');
		t.sim.addFile({ name: 'a.mp4', folderId: t.sim.addFolder('2026', videos.id).id, downloadCount: 3 });
		const items = jsonOf(await t.run('folder', 'list', { folderId: byId(videos.id), returnAll: true, options: { includeSubfolders: true } }));
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0])).toEqual(['type', 'id', 'name', 'path', 'link', 'size', 'upload_at', 'sha1', 'download_count', 'cstatus']);
		expect(items[0]).toMatchObject({ type: 'file', path: '2026', download_count: 3 });
	});

	test('Remote Upload → Get of a finished upload (11 fields): 10, status first after the id', async () => {
		const upload = t.sim.addRemoteUpload('https://example.com/a.mp4');
		t.sim.advanceRemoteUpload(upload.id, 'finished', { bytesTotal: 1000 });
		const [simple] = jsonOf(await t.run('remoteUpload', 'get', { remoteUploadId: upload.id }));
		expect(Object.keys(simple).slice(0, 2)).toEqual(['id', 'status']);
		expect(Object.keys(simple)).toEqual(['id', 'status', 'url', 'linkid', 'remoteurl', 'folderid', 'bytes_loaded', 'bytes_total', 'finished', 'added']);
		const [raw] = jsonOf(await t.run('remoteUpload', 'get', { remoteUploadId: upload.id, simplify: false }));
		expect(Object.keys(raw).length).toBeGreaterThan(10);
	});

	test('records of 10 fields or fewer are left as they are (Account → Get has no Simplify)', async () => {
		const [account] = jsonOf(await t.run('account', 'get', { simplify: true }));
		expect(Object.keys(account).length).toBeGreaterThan(3);
	});
});

describe('as an AI tool: Output (Simplified, Raw, Selected Fields)', () => {
	const t = useHighload();
	/** The node as n8n's tool generation shapes it: the same node, its type name ending in "Tool". */
	const asTool = () => {
		const type = t.engine.nodeTypes.getByNameAndVersion('n8n-nodes-highload.highload') as INodeType;
		const tool = Object.assign(Object.create(Object.getPrototypeOf(type) as object) as INodeType, type, { description: { ...type.description, name: 'highloadTool' } });
		t.engine.registerNodeType('n8n-nodes-highload.highloadTool', tool);
	};
	const runTool = async (parameters: Record<string, unknown>) =>
		jsonOf(await t.engine.runNode({ type: 'highloadTool', parameters: { resource: 'file', operation: 'get', ...parameters } as never }));

	test('Output left at its default (not saved): simplified', async () => {
		asTool();
		const { id } = t.sim.addFile({ name: 'clip.mp4' });
		expect(Object.keys((await runTool({ fileId: byId(id) }))[0])).toEqual(FILE_SIMPLIFIED);
	});

	test('Raw: every field; Selected Fields: the chosen ones and the id', async () => {
		asTool();
		const { id } = t.sim.addFile({ name: 'clip.mp4', size: 1234 });
		const [raw] = await runTool({ fileId: byId(id), output: 'raw' });
		expect(Object.keys(raw).length).toBeGreaterThan(10);
		const [picked] = await runTool({ fileId: byId(id), output: 'selected', fields: ['size', 'name'] });
		expect(picked).toEqual({ id, name: 'clip.mp4', size: 1234 });
	});

	test('a Simplify saved while it was a normal node does not apply to the tool', async () => {
		asTool();
		const { id } = t.sim.addFile({ name: 'clip.mp4' });
		const [raw] = await runTool({ fileId: byId(id), simplify: true, output: 'raw' });
		expect(Object.keys(raw).length).toBeGreaterThan(10);
	});
});
