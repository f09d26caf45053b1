/**
 * Examples 1-3 in a real n8n: each imported with a credential pointing at its own fresh simulator, executed with
 * `n8n execute --id`; assertions on the simulator's state and on the items the nodes emitted. Example 1 runs twice,
 * as a schedule or a retry would run it: the second run must add nothing. Run in 2.41.1 (examples.e2e.ts, with the
 * module probe) and in the newest n8n 1.x (n8n-1x.e2e.ts).
 */
import {
	cleanupMatchingTooMuch,
	expectCleanedUp,
	expectNothingDeleted,
	expectRssUploads,
	expectUploadedFromDisk,
	seedCleanup,
	type CleanupSeed,
} from './examples-checks';

const CLEANUP_TOO_MUCH_ID = 'hlE2eCleanMuch1';

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

export interface ExampleSuiteOptions {
	/** Also check that every process that loaded the package got n8n's own n8n-workflow (2.x: its module probe). */
	moduleProbe?: boolean;
}

export function defineExampleSuite(lane: '2.x' | '1.x', label: string, options: ExampleSuiteOptions = {}) {
	let inst: any;
	const sandboxes: Record<string, Sandbox> = {};
	const runs: Record<string, any> = {};
	let sample: { files: string[]; glob: string };
	let seeded: CleanupSeed;
	let addedAfterFirstRun = 0;
	let foldersAfterFirstRun = 0;
	let deletesAfterCleanup = 0;

	beforeAll(async () => {
		inst = await freshInstance(`examples-${lane.replace('.', '')}`, { lane });
		// One fresh simulator per example, each with its own credential.
		for (const key of ['rss', 'cleanup', 'disk']) sandboxes[key] = await startSandbox({ seedData: false });
		seeded = seedCleanup(sandboxes.cleanup.sim);
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
		workflows.push(cleanupMatchingTooMuch(workflows[Object.keys(ids).indexOf('cleanup')], CLEANUP_TOO_MUCH_ID));
		await n8n.importCredentials(inst, creds);
		await n8n.importWorkflows(inst, workflows);
		for (const key of Object.keys(ids)) runs[key] = await n8n.execute(inst, all[key].id);
		addedAfterFirstRun = sandboxes.rss.sim.countRequests('remotedl/add');
		foldersAfterFirstRun = sandboxes.rss.sim.countRequests('file/createfolder');
		runs.rssAgain = await n8n.execute(inst, all.rss.id);
		deletesAfterCleanup = sandboxes.cleanup.sim.countRequests('file/delete');
		runs.cleanupTooMuch = await n8n.execute(inst, CLEANUP_TOO_MUCH_ID);
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
		test('adds one remote upload per feed item, into the folder named by path (created on the way), waits, summarises', () => {
			const run = runs.rss;
			expectSuccess(run);
			expectRssUploads(sandboxes.rss, run.items);
			const added = run.items('Remote upload each link');
			expect(added).toHaveLength(3);
			expect(run.items('Summary')).toEqual([expect.objectContaining({ skipped: false })]);

			const folders = [...sandboxes.rss.sim.state.folders.values()];
			const feeds = folders.filter((f: any) => f.name === 'feeds' && f.parentId === '0');
			expect(feeds).toHaveLength(1);
			const rss = folders.filter((f: any) => f.name === 'rss' && f.parentId === feeds[0].id);
			expect(rss).toHaveLength(1);
			expect([...sandboxes.rss.sim.state.remoteUploads.values()].every((u: any) => u.folderId === rss[0].id)).toBe(true);
			expect([addedAfterFirstRun, foldersAfterFirstRun]).toEqual([3, 2]);
			for (const item of added) expect(item).toMatchObject({ status: 'finished', skipped: false, folderId: rss[0].id, folderPath: 'feeds/rss' });
		});

		test('run again, it adds nothing and creates no folder: every item is the upload already added, skipped', () => {
			const run = runs.rssAgain;
			expectSuccess(run);
			const sim = sandboxes.rss.sim;
			expect(sim.countRequests('remotedl/add')).toBe(addedAfterFirstRun);
			expect(sim.countRequests('file/createfolder')).toBe(foldersAfterFirstRun);
			expect(sim.state.remoteUploads.size).toBe(3);

			const first = runs.rss.items('Remote upload each link').map((i: any) => i.id).sort();
			const again = run.items('Remote upload each link');
			expect(again.map((i: any) => i.id).sort()).toEqual(first);
			for (const item of again) expect(item).toMatchObject({ status: 'finished', skipped: true });
			expect(run.items('Summary')).toEqual([expect.objectContaining({ status: 'finished', skipped: true, count_id: 3 })]);
		});
	});

	describe(`${label}: example 2: Scheduled clean-up`, () => {
		test('deletes exactly the files older than 30 days that were never downloaded, subfolders included', () => {
			const run = runs.cleanup;
			expectSuccess(run);
			expectCleanedUp(sandboxes.cleanup.sim, seeded);

			// The listing's filters alone chose them: no Filter node, only the matches left the node.
			const listed = run.items('Old files nobody downloaded');
			expect(listed.map((i: any) => i.id).sort()).toEqual([seeded.oldUnseenRoot, seeded.oldUnseenNested].sort());
			expect(listed.find((i: any) => i.id === seeded.oldUnseenNested)).toMatchObject({ type: 'file', download_count: 0, path: 'videos/old' });
			expect(run.items('Delete file').map((i: any) => i.fileId).sort()).toEqual([seeded.oldUnseenRoot, seeded.oldUnseenNested].sort());
			expect(run.items('Delete file')).toEqual([expect.objectContaining({ deleted: true }), expect.objectContaining({ deleted: true })]);
		});

		test('the same workflow with a filter that matches too much deletes nothing: Stop If More Than stops it', () => {
			const run = runs.cleanupTooMuch;
			expect(run.code).not.toBe(0);
			expectNothingDeleted(sandboxes.cleanup.sim, seeded, deletesAfterCleanup, run.error);
		});
	});

	describe(`${label}: example 3: Upload from disk`, () => {
		test('uploads the file read from disk (filesystem binary mode) with the right bytes', () => {
			expectSuccess(runs.disk);
			expectUploadedFromDisk(sandboxes.disk.sim, sample.files[0], runs.disk.items);
		});
	});

	if (options.moduleProbe) {
		describe(`${label}: n8n's own n8n-workflow in the CLI too`, () => {
			test('every require("n8n-workflow") of the package in `n8n import`/`n8n execute` got n8n\'s own copy', () => {
				const probed: Array<{ resolved: string; pid: number }> = n8n.readModuleProbe(inst);
				// At least the imports and the four executions each loaded the package in their own process.
				expect(new Set(probed.map((entry) => entry.pid)).size).toBeGreaterThanOrEqual(3);
				expect([...new Set(probed.map((entry) => n8n.packageRootOf(entry.resolved, 'n8n-workflow')))]).toEqual([n8n.n8nOwnWorkflowRoot()]);
			});
		});
	}
}
