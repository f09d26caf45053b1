import type { IDataObject } from 'n8n-workflow';

import { formatFolderPath } from './pathFormat';

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
	/** The folder holding this entry, from the folder the walk started in ('' directly inside it), in By Path form. */
	path: string;
	/** The same folder as names, unescaped (one array shared by the entries of a folder). */
	names: readonly string[];
}

/** A folder the walk has still to list. */
export interface PendingFolder {
	/** undefined: the root folder. */
	id: string | undefined;
	/** Its names from the folder the walk started in ([] for that folder). */
	names: readonly string[];
	/** The ids of the folders above it in the walk: a folder listed inside itself is never walked again. */
	ancestors: readonly string[];
}

export interface WalkOptions {
	/** Walk the subfolders too, breadth-first. */
	includeSubfolders: boolean;
	/**
	 * Only the folders matter (path resolution, the folder search): no file entries, and a folder's paging ends at the
	 * first page with fewer than a page of folders (the API lists folders before files).
	 */
	foldersOnly?: boolean;
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
 * file shifting across a page boundary while we read shows up twice), and paging stops at a page that brought
 * nothing new or is short. A page is short when it holds fewer than a page of entries (folders and files share the
 * pages), or, when only folders matter, fewer than a page of folders.
 */
async function* folderPages(fetchPage: PageFetcher, folder: PendingFolder, foldersOnly: boolean): AsyncGenerator<ListedEntry[]> {
	const seenFolders = new Set<string>();
	const seenFiles = new Set<string>();
	const pages = folderPageRequests(fetchPage, folder.id);
	const path = formatFolderPath(folder.names);
	const { names } = folder;
	let fullPages = 0;
	for (let page = 1; page <= MAX_PAGES_PER_FOLDER; page++) {
		const { folders, files } = await pages.read(page, fullPages >= READ_AHEAD_AFTER_FULL_PAGES);
		const entries: ListedEntry[] = [];
		for (const record of folders) {
			if (isNew(seenFolders, String(record.id))) entries.push({ type: 'folder', record, path, names });
		}
		if (!foldersOnly) {
			for (const record of files) {
				if (isNew(seenFiles, String(record.id))) entries.push({ type: 'file', record, path, names });
			}
		}
		if (entries.length > 0) yield entries;
		const listed = foldersOnly ? folders.length : folders.length + files.length;
		if (listed < PAGE_SIZE || entries.length === 0) return;
		fullPages++;
	}
}

/**
 * The one folder walker: a queue of folders, each listed page by page (folderPages), its subfolders queued behind it
 * when asked. Breadth-first and a queue, not recursion, so thousands of folders cannot blow the stack; a folder
 * reached twice (a cycle, or one folder under two parents) is listed once per walk, and never inside itself. The
 * queue is readable (`pending`), so a walk can be continued later from it (the folder search's token).
 */
export class FolderWalk {
	private readonly queue: PendingFolder[];

	private readonly reached: Set<string>;

	constructor(
		private readonly fetchPage: PageFetcher,
		start: readonly PendingFolder[],
		private readonly options: WalkOptions,
	) {
		this.queue = [...start];
		this.reached = new Set(start.flatMap((folder) => [folder.id ?? '', ...folder.ancestors]));
	}

	/** The folders not listed yet, in the order they will be. */
	get pending(): readonly PendingFolder[] {
		return this.queue;
	}

	/** Lists the next folder of the queue, one batch of entries per page; its subfolders join the queue. */
	async *nextFolder(): AsyncGenerator<ListedEntry[]> {
		const folder = this.queue.shift();
		if (!folder) return;
		const ancestors = this.ancestorsBelow(folder);
		for await (const entries of folderPages(this.fetchPage, folder, this.options.foldersOnly === true)) {
			this.enqueueSubfolders(folder, ancestors, entries);
			yield entries;
		}
	}

	/**
	 * Lists the next `count` folders of the queue at the same time, each whole (for small listings: the folder search);
	 * their subfolders join the queue in the order of the folders, as if they had been listed one after the other.
	 */
	async nextFolders(count: number): Promise<ListedEntry[][]> {
		const folders = this.queue.splice(0, Math.max(1, count));
		const foldersOnly = this.options.foldersOnly === true;
		const listings = await Promise.all(
			folders.map(async (folder) => {
				const listed: ListedEntry[] = [];
				for await (const entries of folderPages(this.fetchPage, folder, foldersOnly)) listed.push(...entries);
				return listed;
			}),
		);
		folders.forEach((folder, at) => this.enqueueSubfolders(folder, this.ancestorsBelow(folder), listings[at]));
		return listings;
	}

	/** The ancestors of a folder's subfolders (one array for all of them). */
	private ancestorsBelow(folder: PendingFolder): readonly string[] {
		return [...folder.ancestors, folder.id ?? ''];
	}

	private enqueueSubfolders(folder: PendingFolder, ancestors: readonly string[], entries: ListedEntry[]): void {
		if (!this.options.includeSubfolders) return;
		for (const entry of entries) {
			const id = String(entry.record.id ?? '');
			if (entry.type !== 'folder' || !id || !isNew(this.reached, id)) continue;
			this.queue.push({ id, names: [...folder.names, String(entry.record.name ?? '')], ancestors });
		}
	}

	/** The whole walk, one batch of entries per page read. */
	async *pages(): AsyncGenerator<ListedEntry[]> {
		while (this.queue.length > 0) yield* this.nextFolder();
	}
}

/** Where a walk of `folderId` starts. */
export const walkStart = (folderId: string | undefined): PendingFolder => ({ id: folderId, names: [], ancestors: [] });

/**
 * Walks a folder, and with `includeSubfolders` its whole tree, one batch of entries per page read (for callers that
 * handle many thousands of entries: one await per page instead of one per entry).
 */
export function walkFolderPages(fetchPage: PageFetcher, folderId: string | undefined, includeSubfolders: boolean): AsyncGenerator<ListedEntry[]> {
	return new FolderWalk(fetchPage, [walkStart(folderId)], { includeSubfolders }).pages();
}
