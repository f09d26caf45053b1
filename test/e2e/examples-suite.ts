/**
 * Examples 1-3 in a real n8n: each imported with a credential pointing at its own fresh simulator, executed with
 * `n8n execute --id`; assertions on the simulator's state and on the items the nodes emitted. Run in the newest
 * n8n 1.x (n8n-1x.e2e.ts); examples.e2e.ts runs the same examples in 2.41.1 with more (the RSS example twice, the
 * module probe).
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

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

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const daysAgo = (d: number) => new Date(Date.now() - d * 86400000).toISOString().slice(0, 19).replace('T', ' ');

export function defineExampleSuite(lane: '2.x' | '1.x', label: string) {
	let inst: any;
	const sandboxes: Record<string, Sandbox> = {};
	const runs: Record<string, any> = {};
	let sample: { files: string[]; glob: string };
	const seeded: Record<string, string> = {};

	beforeAll(async () => {
		inst = await freshInstance(`examples-${lane.replace('.', '')}`, { lane });
		// One fresh simulator per example, each with its own credential.
		for (const key of ['rss', 'cleanup', 'disk']) sandboxes[key] = await startSandbox({ seedData: false });

		const c = sandboxes.cleanup.sim;
		const videos = c.addFolder('videos');
		const old = c.addFolder('old', videos.id);
		seeded.oldUnseenRoot = c.addFile({ name: 'old-unseen.mp4', size: 1000, downloadCount: 0, uploadAt: daysAgo(90) }).id;
		seeded.oldUnseenNested = c.addFile({ name: 'old-unseen-nested.mp4', folderId: old.id, size: 2000, downloadCount: 0, uploadAt: daysAgo(45) }).id;
		seeded.oldSeen = c.addFile({ name: 'old-but-popular.mp4', folderId: videos.id, size: 3000, downloadCount: 848, uploadAt: daysAgo(400) }).id;
		seeded.newUnseen = c.addFile({ name: 'new-unseen.mp4', folderId: old.id, size: 4000, downloadCount: 0, uploadAt: daysAgo(2) }).id;

		sample = writeSampleFiles(inst.filesDir);

		const all = examples.loadAll();
		const creds: any[] = [];
		const workflows: any[] = [];
		const ids: Record<string, string> = { rss: 'hlE2eCredRss01', cleanup: 'hlE2eCredClean1', disk: 'hlE2eCredDisk01' };
		for (const key of Object.keys(ids)) {
			const credential = { id: ids[key], name: `Highload e2e ${key}` };
			creds.push(examples.credentialFor(sandboxes[key].sim, credential));
			workflows.push(examples.prepare(all[key], { credential, feedUrl: sandboxes.rss.feed.url, fileSelector: sample.glob }));
		}
		await n8n.importCredentials(inst, creds);
		await n8n.importWorkflows(inst, workflows);
		for (const key of Object.keys(ids)) runs[key] = await n8n.execute(inst, all[key].id);
	});

	afterAll(async () => {
		await Promise.all(Object.values(sandboxes).map((s) => s.close()));
		await killAll();
	});

	function expectSuccess(run: any) {
		if (run.code !== 0 || run.error) {
			throw new Error(`execution failed (exit ${run.code}): ${run.error?.message ?? ''}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
		}
	}

	describe(`${label}: example 1: RSS to Highload`, () => {
		test('adds one remote upload per feed item, waits for completion, and summarises', () => {
			const run = runs.rss;
			expectSuccess(run);
			const feedLinks = sandboxes.rss.feed.items.map((i: any) => i.link).sort();
			const uploads = [...sandboxes.rss.sim.state.remoteUploads.values()];
			expect(uploads.map((u: any) => u.remoteUrl).sort()).toEqual(feedLinks);
			expect(uploads.every((u: any) => u.status === 'finished')).toBe(true);

			const added = run.items('Remote upload each link');
			expect(added).toHaveLength(3);
			for (const item of added) expect(item.status).toBe('finished');
			expect(run.items('Summary')).toEqual([expect.objectContaining({ status: 'finished', count_id: 3 })]);
		});
	});

	describe(`${label}: example 2: Scheduled clean-up`, () => {
		test('deletes exactly the files older than 30 days that were never downloaded, subfolders included', () => {
			const run = runs.cleanup;
			expectSuccess(run);
			const files = sandboxes.cleanup.sim.state.files;
			expect(files.has(seeded.oldUnseenRoot)).toBe(false);
			expect(files.has(seeded.oldUnseenNested)).toBe(false);
			expect(files.has(seeded.oldSeen)).toBe(true);
			expect(files.has(seeded.newUnseen)).toBe(true);

			const listed = run.items('List all files');
			expect(listed.filter((i: any) => i.type === 'file').map((i: any) => i.id).sort()).toEqual(
				[seeded.oldUnseenRoot, seeded.oldUnseenNested, seeded.oldSeen, seeded.newUnseen].sort(),
			);
			expect(listed.find((i: any) => i.id === seeded.oldSeen).download_count).toBe(848);
			expect(run.items('Older than 30 days and never downloaded').map((i: any) => i.id).sort()).toEqual(
				[seeded.oldUnseenRoot, seeded.oldUnseenNested].sort(),
			);
			expect(run.items('Delete file')).toHaveLength(2);
			expect(sandboxes.cleanup.sim.countRequests('file/delete')).toBe(2);
		});
	});

	describe(`${label}: example 3: Upload from disk`, () => {
		test('uploads the file read from disk (filesystem binary mode) with the right bytes', () => {
			const run = runs.disk;
			expectSuccess(run);
			const bytes = fs.readFileSync(sample.files[0]);
			const sha1 = createHash('sha1').update(bytes).digest('hex');
			const uploads = sandboxes.disk.sim.uploads;
			expect(uploads).toHaveLength(1);
			expect(uploads[0]).toEqual(expect.objectContaining({ sha1, size: bytes.length, fileName: path.basename(sample.files[0]) }));

			const out = run.items('Upload to Highload');
			expect(out).toHaveLength(1);
			const stored = sandboxes.disk.sim.state.files.get(out[0].id);
			expect(stored).toBeDefined();
			expect(stored.sha1).toBe(sha1);
			expect(stored.name).toBe(path.basename(sample.files[0]));
		});
	});
}
