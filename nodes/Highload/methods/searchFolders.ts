import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { listingPages } from '../listing/listFolder';
import { PAGE_SIZE } from '../listing/walkFolder';
import { standaloneSession } from '../transport/session';

/** Listing requests one call may make: the editor gets an answer quickly and asks for more as the user scrolls. */
const REQUESTS_PER_CALL = 10;
/** Results handed to the editor per call. */
const RESULTS_PER_CALL = 100;
/** How long a walk is reused for the keystrokes of a search (a fresh open of the list starts a new walk). */
const WALK_TTL_MS = 60_000;
const MAX_WALKS = 20;
const SEARCH_TIMEOUT_MS = 60_000;

/** What a search has listed of an account's folder tree so far: folder paths, and the folders still to list. */
interface Walk {
	startedAt: number;
	folders: INodeListSearchItems[];
	seen: Set<string>;
	pending: Array<{ id: string | undefined; path: string; page: number }>;
}

/**
 * Walks in progress, by account fingerprint (login + Base URL hashed; no credential is kept). Folder names and ids
 * only, dropped after a minute.
 */
const walks = new Map<string, Walk>();

function walkFor(account: string, restart: boolean): Walk {
	const now = Date.now();
	for (const [key, walk] of walks) if (now - walk.startedAt > WALK_TTL_MS) walks.delete(key);
	let walk = walks.get(account);
	if (!walk || restart) {
		walk = { startedAt: now, folders: [], seen: new Set(), pending: [{ id: undefined, path: '', page: 1 }] };
		walks.delete(account);
		walks.set(account, walk);
		if (walks.size > MAX_WALKS) walks.delete(walks.keys().next().value as string);
	}
	return walk;
}

const matches = (needle: string) => (folder: INodeListSearchItems) =>
	!needle || folder.name.toLowerCase().includes(needle) || String(folder.value) === needle;

/**
 * "From list" for folder fields: the account's folders with their paths (e.g. `videos/series`), filtered by the
 * search text (part of a path, or an id). The tree is listed breadth-first, a few requests per call, and what was
 * listed is reused while the user types; the editor asks for the next results with `paginationToken` (an offset
 * into the matches). While a token is returned the results are partial: folders deeper in the tree may follow.
 */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const session = await standaloneSession(this, SEARCH_TIMEOUT_MS);
	const fetchPage = listingPages(session);
	const needle = (filter ?? '').trim().toLowerCase();
	const offset = Number(paginationToken) > 0 ? Number(paginationToken) : 0;
	const walk = walkFor(session.access.account, !needle && offset === 0);
	const wanted = matches(needle);

	for (let requests = 0; walk.pending.length > 0 && requests < REQUESTS_PER_CALL; requests++) {
		if (walk.folders.filter(wanted).length >= offset + RESULTS_PER_CALL) break;
		const next = walk.pending[0];
		const { folders } = await fetchPage(next.id, next.page);
		let fresh = 0;
		for (const record of folders) {
			const id = String(record.id ?? '');
			if (!id || walk.seen.has(id)) continue;
			walk.seen.add(id);
			fresh++;
			const path = next.path ? `${next.path}/${String(record.name)}` : String(record.name);
			walk.folders.push({ name: path, value: id });
			walk.pending.push({ id, path, page: 1 });
		}
		// Only folders matter here: a short page, or one that brought no new folder, ends this folder.
		if (folders.length < PAGE_SIZE || fresh === 0) walk.pending.shift();
		else next.page++;
	}

	const found = walk.folders.filter(wanted);
	const results = found.slice(offset, offset + RESULTS_PER_CALL);
	const more = walk.pending.length > 0 || found.length > offset + results.length;
	// A complete answer in one call is sorted by path; partial answers keep the order found, so pages never shift.
	if (!more && offset === 0) results.sort((a, b) => a.name.localeCompare(b.name));
	return more ? { results, paginationToken: String(offset + results.length) } : { results };
}
