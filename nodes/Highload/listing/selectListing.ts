import type { IDataObject } from 'n8n-workflow';

import { hasFileFilters, matchesFileFilters, type FileFilters } from './filters';
import { SortedSelection, type SortRule } from './sortListing';
import type { ListedEntry } from './walkFolder';

export type Include = 'both' | 'files' | 'folders';

export interface Selection {
	include: Include;
	/** Apply to files; folders are output or not as `include` says. */
	filters: FileFilters;
	/** Matches to output at most (Infinity: all). */
	limit: number;
	/** Empty: the listing's own order, and paging stops as soon as `limit` matches are found. */
	sort: SortRule[];
}

/** The record Folder → List outputs for one entry. */
const recordOf = (entry: ListedEntry): IDataObject => ({ type: entry.type, ...entry.record, path: entry.path });

/**
 * The entries of a listing the user asked for, read page by page: only matches are kept (and, when sorting, only
 * the `limit` best of them), so a big listing filtered down to a few files holds a few records. Unsorted, the
 * listing is read only until `limit` matches are found; sorted, it is read to its end.
 */
export async function selectListing(pages: AsyncIterable<ListedEntry[]>, selection: Selection): Promise<IDataObject[]> {
	const { include, filters, limit, sort } = selection;
	const filtering = hasFileFilters(filters);
	const wanted = (entry: ListedEntry) =>
		(include === 'both' || `${entry.type}s` === include) && (entry.type !== 'file' || !filtering || matchesFileFilters(entry.record, filters));

	if (sort.length > 0) {
		// Entries are kept, not output records: a record is made only for what is returned.
		const sorted = new SortedSelection<ListedEntry>(sort, limit);
		for await (const entries of pages) {
			for (const entry of entries) if (wanted(entry)) sorted.add(entry, entry.record);
		}
		return sorted.items().map(recordOf);
	}
	const records: IDataObject[] = [];
	if (limit <= 0) return records;
	for await (const entries of pages) {
		for (const entry of entries) {
			if (!wanted(entry)) continue;
			records.push(recordOf(entry));
			if (records.length >= limit) return records;
		}
	}
	return records;
}
