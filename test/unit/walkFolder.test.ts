import type { IDataObject } from 'n8n-workflow';

import { PAGE_SIZE, walkFolder, type FolderPage } from '../../nodes/Highload/listing/walkFolder';

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

async function collect(generator: AsyncGenerator<{ type: string; record: IDataObject; path: string }>) {
	const out: string[] = [];
	for await (const entry of generator) out.push(`${entry.type}:${String(entry.record.id)}@${entry.path}`);
	return out;
}

describe('folder walker', () => {
	test('pages until a short page; an exact multiple ends at the empty page after it', async () => {
		const calls: string[] = [];
		const entries = await collect(walkFolder(fetcher({ 0: { folders: [], files: 400 } }, calls), undefined, false));
		expect(entries).toHaveLength(400);
		expect(calls).toEqual(['0:1', '0:2', '0:3']);
	});

	test('subfolders breadth-first with their paths; a cycle is walked once', async () => {
		const tree = { 0: { folders: ['1', '2'], files: 1 }, 1: { folders: ['3'], files: 1 }, 2: { folders: [], files: 0 }, 3: { folders: ['1'], files: 2 } };
		const entries = await collect(walkFolder(fetcher(tree), undefined, true));
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
		expect(await collect(walkFolder(same, undefined, false))).toHaveLength(PAGE_SIZE);
		expect(calls).toHaveLength(2);
	});
});
