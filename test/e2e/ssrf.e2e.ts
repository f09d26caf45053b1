/**
 * n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED=true, n8n ≥ 2.37) in a real n8n 2.41.1: every request of the
 * package goes through n8n's checked helpers. The sandbox's API is reached as `localhost`, and the upload and
 * thumbnail URLs it hands out point at `127.0.0.1` (the same simulator), so each destination can be allowed alone:
 * 1. nothing allowed: the API call is refused, with a message naming the host and what to allow;
 * 2. the API's host allowed (N8N_SSRF_ALLOWED_HOSTNAMES=localhost): API calls work, but the upload POST and the
 *    thumbnail download, to the addresses the API handed out, are refused (the file/ul and file/getsplash calls
 *    before them went through);
 * 3. the handed-out address allowed too (N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32): everything works, the bytes arrive.
 * Each stage is a fresh `n8n execute` process, so n8n reads the settings anew.
 */
import { expectUploadedFromDisk } from './examples-checks';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const n8n = require('../../scripts/lib/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { killAll } = require('../../scripts/lib/procs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox, writeSampleFiles } = require('../../scripts/lib/local-services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const examples = require('../../scripts/lib/examples');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshInstance } = require('./e2e-context');

const CREDENTIAL = { id: 'hlE2eCredSsrf01', name: 'Highload e2e ssrf' };
const IDS = { api: 'hlE2eSsrfApi001', upload: 'hlE2eSsrfUpload', thumbnail: 'hlE2eSsrfThumb1' };
const MANUAL = 'Start';

/** The Highload node as the shipped example uses it (its type and version), with other parameters. */
function highloadNode(template: any, name: string, parameters: Record<string, unknown>) {
	return { ...template, id: `${name}-id`, name, parameters, position: [220, 0], credentials: { highloadApi: CREDENTIAL } };
}

function workflow(id: string, node: any) {
	return {
		id,
		name: `SSRF ${id}`,
		nodes: [{ id: `${id}-start`, name: MANUAL, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, node],
		connections: { [MANUAL]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** The error of the node that failed, as n8n stored it in the execution. */
function nodeError(run: any, nodeName: string) {
	return run.run?.data?.resultData?.runData?.[nodeName]?.[0]?.error ?? run.error;
}

describe("n8n's SSRF protection on (real n8n 2.41.1): the sandbox is refused until allow-listed", () => {
	let inst: any;
	let sandbox: any;
	let sample: { files: string[]; glob: string };
	let fileId: string;
	let requestsWhenBlocked = -1;
	const runs: Record<string, any> = {};

	async function executeWith(env: Record<string, string>, id: string) {
		inst.env = { ...inst.env, N8N_SSRF_PROTECTION_ENABLED: 'true', N8N_SSRF_ALLOWED_HOSTNAMES: '', N8N_SSRF_ALLOWED_IP_RANGES: '', ...env };
		return await n8n.execute(inst, id);
	}

	beforeAll(async () => {
		inst = await freshInstance('ssrf');
		sandbox = await startSandbox({ seedData: false, options: { fileServerHost: '127.0.0.1' } });
		fileId = sandbox.sim.addFile({ name: 'clip.mp4' }).id;
		sample = writeSampleFiles(inst.filesDir);

		const apiUrl = sandbox.sim.url.replace('127.0.0.1', 'localhost');
		const credential = examples.credentialFor(sandbox.sim, CREDENTIAL);
		for (const key of Object.keys(credential.data)) if (credential.data[key] === sandbox.sim.url) credential.data[key] = apiUrl;
		await n8n.importCredentials(inst, [credential]);

		const disk = examples.prepare(examples.loadExample('disk'), { credential: CREDENTIAL, fileSelector: sample.glob, id: IDS.upload, nameSuffix: '(SSRF)' });
		const template = disk.nodes.find((node: any) => node.type === 'n8n-nodes-highload.highload');
		await n8n.importWorkflows(inst, [
			workflow(IDS.api, highloadNode(template, 'Account', { resource: 'account', operation: 'get' })),
			disk,
			workflow(IDS.thumbnail, highloadNode(template, 'Thumbnail', { resource: 'file', operation: 'getThumbnail', fileId: { __rl: true, mode: 'id', value: fileId }, options: { download: true } })),
		]);

		runs.blocked = await executeWith({}, IDS.api);
		requestsWhenBlocked = sandbox.sim.requests.length;
		runs.apiAllowed = await executeWith({ N8N_SSRF_ALLOWED_HOSTNAMES: 'localhost' }, IDS.api);
		runs.uploadApiOnly = await executeWith({ N8N_SSRF_ALLOWED_HOSTNAMES: 'localhost' }, IDS.upload);
		runs.thumbnailApiOnly = await executeWith({ N8N_SSRF_ALLOWED_HOSTNAMES: 'localhost' }, IDS.thumbnail);
		const both = { N8N_SSRF_ALLOWED_HOSTNAMES: 'localhost', N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' };
		runs.upload = await executeWith(both, IDS.upload);
		runs.thumbnail = await executeWith(both, IDS.thumbnail);
	});

	afterAll(async () => {
		await sandbox?.close();
		await killAll();
	});

	const port = () => new URL(sandbox.sim.url).port;

	test('nothing allowed: the API call is refused before it is sent, the message says what to allow', () => {
		const error = nodeError(runs.blocked, 'Account');
		expect(runs.blocked.code).not.toBe(0);
		expect(error.message).toBe(`n8n's SSRF protection blocked the request to Highload at localhost:${port()}`);
		expect(error.description).toContain('add localhost to N8N_SSRF_ALLOWED_HOSTNAMES');
		expect(error.description).not.toMatch(/\b(error|problem|failure|mistake)s?\b/i);
		expect(JSON.stringify(runs.blocked.run)).not.toContain(sandbox.sim.key);
		expect(requestsWhenBlocked).toBe(0);
	});

	test('the API host allowed: the API call works', () => {
		expect(runs.apiAllowed.code).toBe(0);
		expect(runs.apiAllowed.items('Account')).toEqual([expect.objectContaining({ id: expect.any(String) })]);
	});

	test('the API host allowed only: the upload POST to the handed-out URL is refused, nothing arrives', () => {
		const error = nodeError(runs.uploadApiOnly, 'Upload to Highload');
		expect(error.message).toBe(`n8n's SSRF protection blocked the request to the upload server at 127.0.0.1:${port()}`);
		expect(error.description).toContain('127.0.0.1/32 to N8N_SSRF_ALLOWED_IP_RANGES');
	});

	test('the API host allowed only: the thumbnail download from the handed-out URL is refused', () => {
		const error = nodeError(runs.thumbnailApiOnly, 'Thumbnail');
		expect(error.message).toBe(`n8n's SSRF protection blocked the request to the thumbnail server at 127.0.0.1:${port()}`);
	});

	test('both allowed: the upload arrives whole, the thumbnail is downloaded', () => {
		expect(runs.upload.code).toBe(0);
		expectUploadedFromDisk(sandbox.sim, sample.files[0], runs.upload.items);

		expect(runs.thumbnail.code).toBe(0);
		expect(runs.thumbnail.items('Thumbnail')).toEqual([expect.objectContaining({ fileId, thumbnailUrl: `http://127.0.0.1:${port()}/thumb/${fileId}.jpg` })]);
		const binary = runs.thumbnail.run.data.resultData.runData.Thumbnail[0].data.main[0][0].binary.data;
		expect(binary).toMatchObject({ mimeType: 'image/jpeg' });
		expect(sandbox.sim.countRequests('thumb')).toBe(1);
	});

	test('requests the API handed out were asked for in the refused stages too (file/ul, file/getsplash went through)', () => {
		expect(sandbox.sim.countRequests('file/ul')).toBe(2);
		expect(sandbox.sim.countRequests('file/getsplash')).toBe(2);
	});
});
