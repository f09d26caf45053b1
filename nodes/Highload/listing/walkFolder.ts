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
 * Pages requested ahead of the one being read, once a folder has shown it is big: while one page's entries are
 * handled, the server already prepares the next. The API gives no total, so a page read ahead past the end is a
 * wasted request (at most this many per big folder); small folders, the usual case, never read ahead.
 */
const READ_AHEAD_PAGES = 2;
const READ_AHEAD_AFTER_FULL_PAGES = 3;

/** One folder's page requests, each made once, some made before they are read. */
function folderPageRequests(fetchPage: PageFetcher, folderId: string | undefined) {
	const requested = new Map<number, Promise<FolderPage>>();
	const request = (page: number) => {
		let answer = requested.get(page);
		if (!answer) {
			answer = fetchPage(folderId, page);
			// A page read ahead may never be read (the folder ended first): its failure must not go unhandled.
			answer.catch(() => undefined);
			requested.set(page, answer);
		}
		return answer;
	};
	return {
		/** The answer for `page`, and the next pages requested ahead when `readAhead`. */
		read(page: number, readAhead: boolean): Promise<FolderPage> {
			const answer = request(page);
			requested.delete(page);
			if (readAhead) {
				for (let next = page + 1; next <= Math.min(page + READ_AHEAD_PAGES, MAX_PAGES_PER_FOLDER); next++) request(next);
			}
			return answer;
		},
	};
}

/** Adds `id` to `seen`; whether it was not there yet (one lookup: a big folder's walk makes 100,000 of them). */
export function isNew(seen: Set<string>, id: string): boolean {
	const size = seen.size;
	seen.add(id);
	return seen.size > size;
}

/**
 * The entries of one folder, page by page. Entries are de-duplicated by id (folders may repeat on every page; a
 * file shifting across a page boundary while we read shows up twice), and paging stops at a short page or at a
 * page that brought nothing new.
 */
async function* folderPages(fetchPage: PageFetcher, folderId: string | undefined, path: string): AsyncGenerator<ListedEntry[]> {
	const seenFolders = new Set<string>();
	const seenFiles = new Set<string>();
	const pages = folderPageRequests(fetchPage, folderId);
	let fullPages = 0;
	for (let page = 1; page <= MAX_PAGES_PER_FOLDER; page++) {
		const { folders, files } = await pages.read(page, fullPages >= READ_AHEAD_AFTER_FULL_PAGES);
		const entries: ListedEntry[] = [];
		for (const record of folders) {
			if (isNew(seenFolders, String(record.id))) entries.push({ type: 'folder', record, path });
		}
		for (const record of files) {
			if (isNew(seenFiles, String(record.id))) entries.push({ type: 'file', record, path });
		}
		if (entries.length > 0) yield entries;
		const full = files.length >= PAGE_SIZE || folders.length >= PAGE_SIZE;
		if (!full || entries.length === 0) return;
		fullPages++;
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
