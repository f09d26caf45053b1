/**
 * n8n's UX guidelines' behaviours in a real n8n 2.41.1 (`n8n execute`): Simplify is on by default and keeps the 10
 * most used fields, off gives every field, and a delete answers `{ deleted: true, fileId }`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/lib/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { killAll } = require('../../scripts/lib/procs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../../scripts/lib/local-services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const examples = require('../../scripts/lib/examples');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshInstance } = require('./e2e-context');

const CREDENTIAL = { id: 'hlE2eCredUx0001', name: 'Highload e2e ux' };
const WORKFLOW_ID = 'hlE2eUxGetDel01';

describe('Simplify and Delete in real n8n 2.41.1', () => {
	let inst: any;
	let sandbox: any;
	let fileId: string;
	let run: any;

	beforeAll(async () => {
		inst = await freshInstance('ux');
		sandbox = await startSandbox({ seedData: false });
		fileId = sandbox.sim.addFile({ name: 'clip.mp4', size: 361357875, downloadCount: 848 }).id;
		await n8n.importCredentials(inst, [examples.credentialFor(sandbox.sim, CREDENTIAL)]);
		// The Highload node as the shipped examples use it (type and version).
		const template = examples.loadExample('disk').nodes.find((node: any) => node.type === 'n8n-nodes-highload.highload');
		const node = (name: string, x: number, parameters: Record<string, unknown>) => ({
			...template,
			id: `ux-${x}`,
			name,
			position: [x, 0],
			parameters,
			credentials: { highloadApi: CREDENTIAL },
		});
		const byId = (value: string) => ({ __rl: true, mode: 'id', value });
		const chain = ['Start', 'Get', 'Get Raw', 'Delete'];
		await n8n.importWorkflows(inst, [
			{
				id: WORKFLOW_ID,
				name: 'UX guidelines',
				nodes: [
					{ id: 'ux-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					node('Get', 200, { resource: 'file', operation: 'get', fileId: byId(fileId) }),
					node('Get Raw', 400, { resource: 'file', operation: 'get', fileId: byId('={{ $json.id }}'), simplify: false }),
					node('Delete', 600, { resource: 'file', operation: 'delete', fileId: byId('={{ $json.id }}') }),
				],
				connections: Object.fromEntries(chain.slice(0, -1).map((name, i) => [name, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }])),
				active: false,
				settings: { executionOrder: 'v1' },
				pinData: {},
			},
		]);
		run = await n8n.execute(inst, WORKFLOW_ID);
	});

	afterAll(async () => {
		await sandbox?.close();
		await killAll();
	});

	test('Simplify on by default: the 10 most used fields of the file, most used first', () => {
		expect(run.code).toBe(0);
		const [item] = run.items('Get');
		expect(Object.keys(item)).toEqual(['id', 'name', 'link', 'size', 'upload_at', 'sha1', 'download_count', 'cstatus', 'folderid', 'content_type']);
		expect(item).toMatchObject({ id: fileId, size: 361357875, download_count: 848 });
	});

	test('Simplify off: every field Highload sends', () => {
		const [item] = run.items('Get Raw');
		expect(Object.keys(item).length).toBeGreaterThan(10);
		expect(item).toMatchObject({ id: fileId, status: 200 });
	});

	test('Delete answers { deleted: true, fileId } and the file is gone', () => {
		expect(run.items('Delete')).toEqual([{ deleted: true, fileId }]);
		expect(sandbox.sim.state.files.has(fileId)).toBe(false);
	});
});
