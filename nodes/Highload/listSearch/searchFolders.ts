import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { callApi } from '../shared/client';
import { pageOf, PAGE_SIZE, walkFolder } from '../shared/listing';

/** A search walks at most this many folders, so a huge tree still answers in the editor. */
const MAX_FOLDERS = 1000;

/** "From list" for folder fields: every folder of the account with its path (e.g. `videos/series`). */
export async function searchFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const fetchPage = async (folderId: string | undefined, page: number) => {
		const qs = { page, limit: PAGE_SIZE, ...(folderId === undefined ? {} : { folder: folderId }) };
		const { folders } = pageOf(await callApi(this, 'file/listfolder', qs));
		// Only folders matter here: report no files, so paging follows the folders alone.
		return { folders, files: [] };
	};
	const needle = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchResult['results'] = [];
	let walked = 0;
	for await (const entry of walkFolder(fetchPage, undefined, true)) {
		if (entry.type !== 'folder' || ++walked > MAX_FOLDERS) break;
		const path = entry.path ? `${entry.path}/${String(entry.record.name)}` : String(entry.record.name);
		if (!needle || path.toLowerCase().includes(needle) || String(entry.record.id) === needle) {
			results.push({ name: path, value: String(entry.record.id) });
		}
	}
	results.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
