import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchItems, type INodeListSearchResult } from 'n8n-workflow';

import { listingPages } from '../listing/listingPages';
import { childFolderPath } from '../listing/pathFormat';
import { FolderWalk, walkStart, type PageFetcher } from '../listing/walkFolder';
import { standaloneSession } from '../transport/session';
import { decodeCursor, encodeCursor } from './searchCursor';

/** Once a call has results, it hands them over after this many listing requests (the editor asks for more on scroll). */
const REQUESTS_PER_CALL = 10;
/** A call hands its results over once it has this many. */
const RESULTS_PER_CALL = 100;
/** Folders listed at the same time (the session lets 5 requests of an account run at once). */
const FOLDERS_AT_ONCE = 5;
/**
 * Each request's timeout, and how long a call goes on walking without a match. Past it the call starts no further
 * listing: a first call fails with a message saying how to narrow the search; a later one ends the list (an error
 * there would replace the matches the editor already shows).
 */
const SEARCH_TIMEOUT_MS = 60_000;

const comparable = (text: string) => text.normalize('NFC').toLowerCase();

/** The search text matches part of a folder's path (as shown, or as its names read), or is its id. */
function matcher(filter: string | undefined): (name: string, shown: string, id: string) => boolean {
	const needle = comparable((filter ?? '').trim());
	if (!needle) return () => true;
	return (names, shown, id) => comparable(shown).includes(needle) || comparable(names).includes(needle) || id === needle;
}

/**
 * "From list" for folder fields: the account's folders with their paths in By Path form (e.g. `videos/series`),
 * filtered by the search text (part of a path, or an id). The tree is walked breadth-first, a few whole folders at a
 * time; the `paginationToken` carries the folders still to list (searchCursor.ts), so any process continues the walk
 * and nothing is kept between calls. Every call returns at least one folder or ends the list (no token): n8n's editor
 * asks for more only when the user scrolls to the end (or, without search text, when the list is too short to
 * scroll), so an empty page with a token would leave the list stuck short of the matches deeper in the tree.
 */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const startedAt = Date.now();
	const start = paginationToken ? decodeCursor(paginationToken) : [walkStart(undefined)];
	if (!start) {
		throw new NodeOperationError(this.getNode(), 'The folder list could not continue where it stopped', {
			description: 'Close the list and open it again.',
		});
	}
	const session = await standaloneSession(this, SEARCH_TIMEOUT_MS);
	const pages = listingPages(session);
	let requests = 0;
	const counted: PageFetcher = async (folderId, page) => {
		requests++;
		return await pages(folderId, page);
	};
	const walk = new FolderWalk(counted, start, { includeSubfolders: true, foldersOnly: true });
	const wanted = matcher(filter);
	const results: INodeListSearchItems[] = [];
	let listed = 0;

	while (walk.pending.length > 0) {
		if (results.length >= RESULTS_PER_CALL || (results.length > 0 && requests >= REQUESTS_PER_CALL)) break;
		if (results.length === 0 && Date.now() - startedAt >= SEARCH_TIMEOUT_MS) {
			if (paginationToken) return { results };
			throw new NodeOperationError(this.getNode(), `No folder matching "${(filter ?? '').trim()}" found in ${listed} folders searched so far`, {
				description: `The search stops after ${SEARCH_TIMEOUT_MS / 1000} seconds without a match. Type more of the folder's name or path, or give the folder By Path or By ID.`,
			});
		}
		// With results in hand, the last batch stays within the call's requests; without, it goes on at full width.
		const count = results.length > 0 ? Math.min(FOLDERS_AT_ONCE, REQUESTS_PER_CALL - requests) : FOLDERS_AT_ONCE;
		for (const entries of await walk.nextFolders(count)) {
			for (const { record, path, names } of entries) {
				const name = String(record.name ?? '');
				const id = String(record.id ?? '');
				const shown = childFolderPath(path, name);
				if (id && wanted([...names, name].join('/'), shown, id)) results.push({ name: shown, value: id });
			}
			listed++;
		}
	}

	if (walk.pending.length > 0) return { results, paginationToken: encodeCursor(walk.pending) };
	// A complete answer in one call is sorted by path; the pages of a longer walk keep the order found.
	if (!paginationToken) results.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
