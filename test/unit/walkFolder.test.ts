import type { IDataObject } from 'n8n-workflow';

import { decodeCursor, encodeCursor } from '../../nodes/Highload/methods/searchCursor';
import { FolderWalk, PAGE_SIZE, walkFolderPages, walkStart, type FolderPage } from '../../nodes/Highload/listing/walkFolder';

/** A fake account: folder id → subfolders and file count; pages of PAGE_SIZE files, folders on page 1. */
function fetcher(tree: Record<string, { folders: string[]; files: number }>, calls: string[] = []) {
	return async (folderId: string | undefined, page: number): Promise<FolderPage> => {
		const id = folderId ?? '0';
		calls.push(`${id}:${page}`);
		const node = tree[id] ?? { folders: [], files: 0 };
		const files: IDataObject[] = Array.from({ length: node.files }, (_, i) => ({ id: `${id}-f${i}`, name: `f${i}` })).slice(
			(page - 1) * PAGE_SIZE,
			page * PAGE_SIZE,
		);
		return { folders: page === 1 ? node.folders.map((sub) => ({ id: sub, name: `n${sub}` })) : [], files };
	};
}

async function collect(pages: AsyncGenerator<Array<{ type: string; record: IDataObject; path: string }>>) {
	const out: string[] = [];
	for await (const entries of pages) for (const entry of entries) out.push(`${entry.type}:${String(entry.record.id)}@${entry.path}`);
	return out;
}

describe('folder walker', () => {
	test('pages until a short page; an exact multiple ends at the empty page after it', async () => {
		const calls: string[] = [];
		const entries = await collect(walkFolderPages(fetcher({ 0: { folders: [], files: 400 } }, calls), undefined, false));
		expect(entries).toHaveLength(400);
		expect(calls).toEqual(['0:1', '0:2', '0:3']);
	});

	test('subfolders breadth-first with their paths; a cycle is walked once', async () => {
		const tree = { 0: { folders: ['1', '2'], files: 1 }, 1: { folders: ['3'], files: 1 }, 2: { folders: [], files: 0 }, 3: { folders: ['1'], files: 2 } };
		const entries = await collect(walkFolderPages(fetcher(tree), undefined, true));
		expect(entries).toEqual([
			'folder:1@',
			'folder:2@',
			'file:0-f0@',
			'folder:3@n1',
			'file:1-f0@n1',
			'folder:1@n1/n3',
			'file:3-f0@n1/n3',
			'file:3-f1@n1/n3',
		]);
	});

	test('a page that brings nothing new ends the folder (an API that ignores the page number)', async () => {
		const calls: string[] = [];
		const same = async (): Promise<FolderPage> => {
			calls.push('x');
			return { folders: [], files: Array.from({ length: PAGE_SIZE }, (_, i) => ({ id: `f${i}` })) };
		};
		expect(await collect(walkFolderPages(same, undefined, false))).toHaveLength(PAGE_SIZE);
		expect(calls).toHaveLength(2);
	});

	test('a big folder reads the next pages ahead: every file once, in order, two requests past the end at most', async () => {
		const calls: string[] = [];
		const entries = await collect(walkFolderPages(fetcher({ 7: { folders: [], files: 1000 } }, calls), '7', false));
		expect(entries).toEqual(Array.from({ length: 1000 }, (_, i) => `file:7-f${i}@`));
		// Pages 1–3 one at a time; from page 4 on, the two after it are already asked for; page 6 is empty.
		expect(calls).toEqual(['7:1', '7:2', '7:3', '7:4', '7:5', '7:6', '7:7', '7:8']);
	});

	test('a folder of three pages or fewer never reads ahead', async () => {
		const calls: string[] = [];
		await collect(walkFolderPages(fetcher({ 0: { folders: [], files: 599 } }, calls), undefined, false));
		expect(calls).toEqual(['0:1', '0:2', '0:3']);
	});

	test('a page read ahead that fails after the folder ended is dropped; one that is needed fails the walk', async () => {
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const failingFrom = (firstFailing: number) => {
				const pages = fetcher({ 0: { folders: [], files: 1000 } });
				return async (folderId: string | undefined, page: number) => {
					if (page >= firstFailing) throw new Error(`page ${page} failed`);
					return await pages(folderId, page);
				};
			};
			expect(await collect(walkFolderPages(failingFrom(7), undefined, false))).toHaveLength(1000);
			await expect(collect(walkFolderPages(failingFrom(5), undefined, false))).rejects.toThrow('page 5 failed');
			await new Promise((resolve) => setImmediate(resolve));
			expect(unhandled).toEqual([]);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});

describe('the walker continued from its queue (the folder search token)', () => {
	const tree = { 0: { folders: ['1', '2'], files: 0 }, 1: { folders: ['3'], files: 0 }, 2: { folders: ['4'], files: 0 }, 3: { folders: ['1'], files: 0 }, 4: { folders: [], files: 0 } };

	async function walkInSteps(stepsPerWalk: number) {
		const seen: string[] = [];
		let start = [walkStart(undefined)];
		for (let walks = 0; start.length > 0 && walks < 50; walks++) {
			const walk = new FolderWalk(fetcher(tree), decodeCursor(encodeCursor(start))!, { includeSubfolders: true, foldersOnly: true });
			for (let step = 0; step < stepsPerWalk && walk.pending.length > 0; step++) {
				for await (const entries of walk.nextFolder()) seen.push(...entries.map((entry) => `${String(entry.record.id)}@${entry.path}`));
			}
			start = [...walk.pending];
		}
		return seen;
	}

	test('one folder per walk, each from a decoded token: the same entries as one walk, and a cycle ends', async () => {
		const whole = await walkInSteps(100);
		expect(whole).toEqual(['1@', '2@', '3@n1', '4@n2', '1@n1/n3']);
		expect(await walkInSteps(1)).toEqual(whole);
	});

	test('folders listed several at once: the same entries in the same order, subfolders queued in folder order', async () => {
		const walk = new FolderWalk(fetcher(tree), [walkStart(undefined)], { includeSubfolders: true, foldersOnly: true });
		const seen: string[] = [];
		while (walk.pending.length > 0) {
			for (const entries of await walk.nextFolders(3)) seen.push(...entries.map((entry) => `${String(entry.record.id)}@${entry.path}`));
		}
		expect(seen).toEqual(await walkInSteps(100));
	});

	test('the token keeps names and ids as they are', () => {
		const pending = [{ id: '7', names: ['AC/DC', ' x '], ancestors: ['', '5'] }, { id: '8', names: ['AC/DC', 'é'], ancestors: ['', '5'] }];
		const shared = pending[0].ancestors;
		const decoded = decodeCursor(encodeCursor(pending.map((folder) => ({ ...folder, ancestors: shared }))));
		expect(decoded).toEqual(pending);
		expect(decodeCursor('not a token')).toBeUndefined();
	});
});
