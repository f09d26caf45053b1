import type { IDataObject } from 'n8n-workflow';

/** Highload's listing page size (its maximum): a shorter page is the last one. */
export const PAGE_SIZE = 200;
/** A listing that keeps producing new pages past this is treated as broken rather than followed forever. */
const MAX_PAGES_PER_FOLDER = 10_000;

export interface FolderPage {
	folders: IDataObject[];
	files: IDataObject[];
}

/** Fetches one page (1-based) of one folder; `undefined` is the root folder. */
export type PageFetcher = (folderId: string | undefined, page: number) => Promise<FolderPage>;

export interface ListedEntry {
	type: 'file' | 'folder';
	record: IDataObject;
	/** Folder names from the listed folder down to the one holding this entry ('' directly inside it). */
	path: string;
}

/**
 * The entries of one folder, page by page. Entries are de-duplicated by id (folders may repeat on every page; a
 * file shifting across a page boundary while we read shows up twice), and paging stops at a short page or at a
 * page that brought nothing new.
 */
async function* folderPages(fetchPage: PageFetcher, folderId: string | undefined, path: string): AsyncGenerator<ListedEntry[]> {
	const seenFolders = new Set<string>();
	const seenFiles = new Set<string>();
	for (let page = 1; page <= MAX_PAGES_PER_FOLDER; page++) {
		const { folders, files } = await fetchPage(folderId, page);
		const entries: ListedEntry[] = [];
		for (const record of folders) {
			const id = String(record.id);
			if (seenFolders.has(id)) continue;
			seenFolders.add(id);
			entries.push({ type: 'folder', record, path });
		}
		for (const record of files) {
			const id = String(record.id);
			if (seenFiles.has(id)) continue;
			seenFiles.add(id);
			entries.push({ type: 'file', record, path });
		}
		if (entries.length > 0) yield entries;
		if ((files.length < PAGE_SIZE && folders.length < PAGE_SIZE) || entries.length === 0) return;
	}
}

/**
 * Walks a folder, and with `includeSubfolders` its whole tree breadth-first, one batch of entries per page read
 * (for callers that handle many thousands of entries: one await per page instead of one per entry). Each folder is
 * listed once even if the tree has a cycle, and the walk is a queue, not recursion, so thousands of folders cannot
 * blow the stack.
 */
export async function* walkFolderPages(
	fetchPage: PageFetcher,
	folderId: string | undefined,
	includeSubfolders: boolean,
): AsyncGenerator<ListedEntry[]> {
	const queue: Array<{ id: string | undefined; path: string }> = [{ id: folderId, path: '' }];
	const visited = new Set<string>([folderId ?? '']);
	for (let next = queue.shift(); next; next = queue.shift()) {
		for await (const entries of folderPages(fetchPage, next.id, next.path)) {
			if (includeSubfolders) {
				for (const entry of entries) {
					const id = String(entry.record.id ?? '');
					if (entry.type !== 'folder' || !id || visited.has(id)) continue;
					visited.add(id);
					const name = String(entry.record.name);
					queue.push({ id, path: next.path ? `${next.path}/${name}` : name });
				}
			}
			yield entries;
		}
	}
}

/** The same walk, one entry at a time. */
export async function* walkFolder(
	fetchPage: PageFetcher,
	folderId: string | undefined,
	includeSubfolders: boolean,
): AsyncGenerator<ListedEntry> {
	for await (const entries of walkFolderPages(fetchPage, folderId, includeSubfolders)) {
		yield* entries;
	}
}
