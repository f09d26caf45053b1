import type { IDataObject } from 'n8n-workflow';

import { operationError } from '../transport/errors';
import type { HighloadSession } from '../transport/session';
import { PAGE_SIZE, type FolderPage, type PageFetcher } from './walkFolder';

/** A `file/listfolder` result as its two lists (either may be missing or null in the family; `[]` is empty). */
export function pageOf(result: unknown): FolderPage | undefined {
	if (Array.isArray(result) && result.length === 0) return { folders: [], files: [] };
	if (result === null || typeof result !== 'object' || Array.isArray(result)) return undefined;
	const page = result as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? (value as IDataObject[]) : []);
	return { folders: list(page.folders), files: list(page.files) };
}

/** What a folder is called in messages: `folder "1002"`, or the root folder. */
export const describeFolder = (folderId: string | undefined) => (folderId === undefined ? 'the root folder' : `folder "${folderId}"`);

/**
 * Reads one page of one folder through the session: each page is its own request, about its own folder, so a
 * failure names the folder that failed (a subfolder deep in a walk, not the folder the walk started from).
 */
export function listingPages(session: HighloadSession): PageFetcher {
	return async (folderId, page) => {
		const qs = { ...(folderId === undefined ? {} : { folder: folderId }), page, limit: PAGE_SIZE };
		const result = await session.request({ endpoint: 'file/listfolder', qs, subject: describeFolder(folderId) });
		const listed = pageOf(result);
		if (!listed) {
			throw operationError(
				session.target,
				`Highload's answer for ${describeFolder(folderId)} (page ${page}) has no listing`,
				`Highload reported success (status 200), but its result was ${JSON.stringify(result)}.`,
			);
		}
		return listed;
	};
}
