/**
 * What examples 1-3 must have done, checked the same way wherever they run: `n8n execute` in 2.41.1 and in n8n 1.x
 * (examples-suite.ts) and on queue-mode workers (queue.e2e.ts). `items(node)` gives the items a node emitted.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

type Items = (node: string) => any[];

const daysAgo = (d: number) => new Date(Date.now() - d * 86400000).toISOString().slice(0, 19).replace('T', ' ');

/** The clean-up example's Stop If More Than. */
export const CLEANUP_LIMIT = 100;

/**
 * The clean-up example's account: two old, never-downloaded files to delete (one nested), two to keep, and more
 * recent files than the example's Stop If More Than, so that a filter matching everything trips it.
 */
export interface CleanupSeed {
	oldUnseenRoot: string;
	oldUnseenNested: string;
	oldSeen: string;
	newUnseen: string;
	recent: string[];
}

export function seedCleanup(sim: any): CleanupSeed {
	const videos = sim.addFolder('videos');
	const old = sim.addFolder('old', videos.id);
	return {
		oldUnseenRoot: sim.addFile({ name: 'old-unseen.mp4', size: 1000, downloadCount: 0, uploadAt: daysAgo(90) }).id,
		oldUnseenNested: sim.addFile({ name: 'old-unseen-nested.mp4', folderId: old.id, size: 2000, downloadCount: 0, uploadAt: daysAgo(45) }).id,
		oldSeen: sim.addFile({ name: 'old-but-popular.mp4', folderId: videos.id, size: 3000, downloadCount: 848, uploadAt: daysAgo(400) }).id,
		newUnseen: sim.addFile({ name: 'new-unseen.mp4', folderId: old.id, size: 4000, downloadCount: 0, uploadAt: daysAgo(2) }).id,
		recent: sim.addFiles(CLEANUP_LIMIT + 10, videos.id).map((file: any) => file.id),
	};
}

/**
 * The clean-up example with a filter that matches too much (every file uploaded before tomorrow): its run must stop
 * at Stop If More Than and delete nothing.
 */
export function cleanupMatchingTooMuch(workflow: any, id: string): any {
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = id;
	copy.name = `${copy.name} (filter matching too much)`;
	const list = copy.nodes.find((node: any) => node.parameters?.operation === 'list');
	list.parameters.filters = { uploadedBefore: '={{ $now.plus({ days: 1 }) }}' };
	return copy;
}

/** What the too-broad run must have done: stopped naming the count and the option, nothing deleted. */
export function expectNothingDeleted(sim: any, seeded: CleanupSeed, deletesBefore: number, error: any): void {
	const remaining = [seeded.oldSeen, seeded.newUnseen, ...seeded.recent];
	expect(error?.message).toBe(
		`Nothing was deleted: this execution would delete ${remaining.length} files (one per input item), more than Stop If More Than (${CLEANUP_LIMIT})`,
	);
	expect(sim.countRequests('file/delete')).toBe(deletesBefore);
	expect(remaining.filter((id) => !sim.state.files.has(id))).toEqual([]);
}

/** Example 1: one finished remote upload per feed item, and the summary says so. */
export function expectRssUploads(sandbox: any, items: Items): void {
	const feedLinks = sandbox.feed.items.map((i: any) => i.link).sort();
	const uploads = [...sandbox.sim.state.remoteUploads.values()];
	expect(uploads.map((u: any) => u.remoteUrl).sort()).toEqual(feedLinks);
	expect(uploads.every((u: any) => u.status === 'finished')).toBe(true);
	expect(items('Summary')).toEqual([expect.objectContaining({ status: 'finished', count_id: 3 })]);
}

/** Example 2: exactly the old, never-downloaded files are gone, with one request each. */
export function expectCleanedUp(sim: any, seeded: CleanupSeed): void {
	const files = sim.state.files;
	expect([files.has(seeded.oldUnseenRoot), files.has(seeded.oldUnseenNested)]).toEqual([false, false]);
	expect([files.has(seeded.oldSeen), files.has(seeded.newUnseen)]).toEqual([true, true]);
	expect(seeded.recent.filter((id) => !files.has(id))).toEqual([]);
	expect(sim.countRequests('file/delete')).toBe(2);
}

/** Example 3: the file read from disk arrived once, byte for byte, under its own name, and is the file the node reports. */
export function expectUploadedFromDisk(sim: any, file: string, items: Items): void {
	const bytes = fs.readFileSync(file);
	const sha1 = createHash('sha1').update(bytes).digest('hex');
	expect(sim.uploads).toEqual([expect.objectContaining({ sha1, size: bytes.length, fileName: path.basename(file) })]);
	const out = items('Upload to Highload');
	expect(out).toHaveLength(1);
	expect(sim.state.files.get(out[0].id)).toMatchObject({ sha1, name: path.basename(file) });
}
