import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { listingPages } from '../listing/listFolder';
import { isNew, walkFolderPages, type ListedEntry, type PageFetcher } from '../listing/walkFolder';
import { recordsOf, normalizeRecord } from '../output/normalize';
import { ROOT_FOLDER_ID } from '../parameters/ids';
import { asNodeError, isApiStatus } from '../transport/errors';
import type { HighloadSession } from '../transport/session';
import { packFiles, unpackFiles, type FileFlag } from './fileState';
import { recallFiles, remember } from './staticData';

export type FileEvent = 'newFile' | 'fileReady';

export interface FileScope {
	/** undefined: the root folder. */
	folderId: string | undefined;
	includeSubfolders: boolean;
	/** Milliseconds to wait for each answer. */
	timeout: number;
}

/** file/info is asked about this many ids at once (comma-separated, as the API family accepts). */
const INFO_BATCH = 50;

/** A file's conversion is completed (the family writes `Completed`, `completed`, ...). */
export function isReady(record: IDataObject): boolean {
	return String(record.cstatus ?? '').trim().toLowerCase() === 'completed';
}

/** The baseline's identity: another event, folder, subfolder setting or account (login + Base URL) starts anew. */
function scopeKey(event: FileEvent, scope: FileScope, account: string): string {
	return `${event}|${scope.folderId ?? ''}|${scope.includeSubfolders ? 'sub' : ''}|${account}`;
}

function toItem(event: FileEvent, entry: ListedEntry): INodeExecutionData {
	return { json: { ...normalizeRecord(entry.record), event, path: entry.path } };
}

/** Oldest upload first, so a workflow handles a batch in the order the files arrived (stable for ties). */
function byUploadTime(a: INodeExecutionData, b: INodeExecutionData): number {
	const x = String(a.json.upload_at ?? '');
	const y = String(b.json.upload_at ?? '');
	return x < y ? -1 : x > y ? 1 : 0;
}

/** What one walk of the scope found besides its files. */
interface ScopeWalk {
	/** The folders the scope covers. */
	folderIds: Set<string>;
	/** A subfolder vanished between its parent's listing and its own: files not listed may still be there. */
	incomplete: boolean;
}

/**
 * Pages of the watched folder and its subfolders. A subfolder deleted while the walk is under way answers 404: it
 * is skipped, not a failed poll (the watched folder itself answering 404 still fails).
 */
function scopePages(session: HighloadSession, scope: FileScope, walk: ScopeWalk): PageFetcher {
	const fetchPage = listingPages(session);
	return async (folderId, page) => {
		try {
			return await fetchPage(folderId, page);
		} catch (error) {
			const vanished = folderId !== scope.folderId && isApiStatus(error, 404);
			if (!vanished) throw asNodeError(session.target, error);
			walk.incomplete = true;
			return { folders: [], files: [] };
		}
	};
}

/** The file entries of the watched scope, page by page; `walk` collects the folders it covers. */
async function* scopeFiles(session: HighloadSession, scope: FileScope, walk: ScopeWalk): AsyncGenerator<ListedEntry[]> {
	const { folderIds } = walk;
	folderIds.add(scope.folderId ?? ROOT_FOLDER_ID);
	for await (const entries of walkFolderPages(scopePages(session, scope, walk), scope.folderId, scope.includeSubfolders)) {
		const files: ListedEntry[] = [];
		for (const entry of entries) {
			if (entry.type === 'folder') {
				if (scope.includeSubfolders) folderIds.add(String(entry.record.id));
				continue;
			}
			if (entry.record.id === undefined || entry.record.id === null || entry.record.id === '') continue;
			const folder = entry.record.folderid ?? entry.record.folder;
			if (folder !== undefined && folder !== null) folderIds.add(String(folder));
			files.push(entry);
		}
		yield files;
	}
}

/** file/info requests for these ids: batches of comma-separated ids; an id that holds a comma is asked alone. */
function infoBatches(ids: string[]): string[][] {
	const plain = ids.filter((id) => !id.includes(','));
	const batches: string[][] = [];
	for (let at = 0; at < plain.length; at += INFO_BATCH) batches.push(plain.slice(at, at + INFO_BATCH));
	return [...batches, ...ids.filter((id) => id.includes(',')).map((id) => [id])];
}

/**
 * Files remembered from the last listing but absent from this one: gone, or skipped because the listing shifted
 * while it paged (a deletion ahead of the read position moves an entry onto a page already read). file/info tells
 * which of them still lie in the watched folders, so a skipped file is not forgotten and later re-emitted as new.
 * Only called when files went missing.
 */
async function stillInScope(session: HighloadSession, ids: string[], folderIds: Set<string>): Promise<string[]> {
	const present: string[] = [];
	for (const batch of infoBatches(ids)) {
		let result: unknown;
		try {
			result = await session.request({ endpoint: 'file/info', qs: { file: batch.join(',') } });
		} catch (error) {
			// A 404 envelope: none of the asked files exists any more.
			if (isApiStatus(error, 404)) continue;
			throw asNodeError(session.target, error);
		}
		for (const record of recordsOf(result)) {
			const status = record.status;
			const found = status === undefined || status === null || Number(status) === 200;
			const folder = record.folder ?? record.folderid;
			if (found && folder !== undefined && folder !== null && folderIds.has(String(folder)) && batch.includes(String(record.id))) {
				present.push(String(record.id));
			}
		}
	}
	return present;
}

/** Manual mode ("Fetch Test Event"): the most recently uploaded matching file, or a clear message. */
async function sampleFile(context: IPollFunctions, session: HighloadSession, event: FileEvent, scope: FileScope): Promise<INodeExecutionData[][]> {
	let best: ListedEntry | undefined;
	for await (const entries of scopeFiles(session, scope, { folderIds: new Set(), incomplete: false })) {
		for (const entry of entries) {
			if (event === 'fileReady' && !isReady(entry.record)) continue;
			if (!best || String(entry.record.upload_at ?? '') >= String(best.record.upload_at ?? '')) best = entry;
		}
	}
	if (!best) {
		const where = scope.folderId === undefined ? 'the root folder' : `folder ${scope.folderId}`;
		const what = event === 'newFile' ? 'no file' : 'no file whose conversion is completed';
		throw new NodeOperationError(context.getNode(), `There is ${what} in ${where}${scope.includeSubfolders ? ' or its subfolders' : ''} yet`, {
			description:
				event === 'newFile'
					? 'Upload a file there, then fetch the test event again to see what the trigger emits.'
					: 'Wait until a video in that folder has finished converting, then fetch the test event again.',
		});
	}
	return [[toItem(event, best)]];
}

/**
 * One poll of `newFile` / `fileReady`: list the whole scope, compare with the files remembered from the last
 * complete listing, emit the differences, then remember this listing. Nothing is written to the static data
 * before the whole listing has succeeded: a failing request throws and leaves the state as it was, so the next
 * poll emits what this one would have, once.
 */
export async function pollFiles(
	context: IPollFunctions,
	session: HighloadSession,
	event: FileEvent,
	scope: FileScope,
): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await sampleFile(context, session, event, scope);

	const withFlag = event === 'fileReady';
	const key = scopeKey(event, scope, session.access.account);
	const remembered = recallFiles(context, key);
	const known = remembered !== undefined;
	const previous = unpackFiles(remembered ?? '', withFlag);

	// This listing's files in the order listed (each once: the walk de-duplicates within a folder, `acrossFolders`
	// catches a file moving between two watched folders while the listing pages).
	const listedIds: string[] = [];
	const listedFlags: FileFlag[] = [];
	const acrossFolders = scope.includeSubfolders ? new Set<string>() : undefined;
	const walk: ScopeWalk = { folderIds: new Set(), incomplete: false };
	const items: INodeExecutionData[] = [];
	// Whether some listed file is new or changed its flag: if none is and none went missing, the state stays as it
	// is and need not be compared for missing files, sorted and packed again (the common poll of a quiet folder).
	let changed = !known;
	for await (const entries of scopeFiles(session, scope, walk)) {
		for (const entry of entries) {
			const fileId = String(entry.record.id);
			if (acrossFolders && !isNew(acrossFolders, fileId)) continue;
			const flag: FileFlag = withFlag ? (isReady(entry.record) ? 'r' : 'p') : '';
			listedIds.push(fileId);
			listedFlags.push(flag);
			if (!known) continue;
			const before = previous.get(fileId);
			if (before !== flag) changed = true;
			// fileReady: a completed file that was not completed at the last listing, or was not in the scope then.
			if (event === 'newFile' ? before === undefined : flag === 'r' && before !== 'r') items.push(toItem(event, entry));
		}
	}

	// Every listed file known with the same flag, and as many as before: nothing can be missing, nothing changes.
	const unchanged = !changed && listedIds.length === previous.size;
	if (!unchanged) {
		const current = new Map<string, FileFlag>();
		listedIds.forEach((fileId, at) => current.set(fileId, listedFlags[at]));
		if (known) {
			const missing = [...previous.keys()].filter((fileId) => !current.has(fileId));
			// A vanished subfolder leaves the listing incomplete: its files count as gone only once a later listing says so.
			const kept = walk.incomplete ? missing : await stillInScope(session, missing, walk.folderIds);
			for (const fileId of kept) current.set(fileId, previous.get(fileId) ?? '');
		}
		// The whole listing succeeded: only now does the state change.
		remember(context, key, { files: packFiles(current, withFlag) });
	}

	if (items.length === 0) return null;
	return [items.sort(byUploadTime)];
}
