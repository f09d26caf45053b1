import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { apiSession, type ApiCall } from '../shared/client';
import { normalizeRecord, recordsOf } from '../shared/normalize';
import { PAGE_SIZE, pageOf, walkFolderPages, type ListedEntry } from '../shared/listing';
import { ROOT_FOLDER_ID } from '../shared/parameters';
import { tryCall } from './request';
import { fileKey, packFiles, unpackFiles, type FileFlag } from './fileState';

export type FileEvent = 'newFile' | 'fileReady';

export interface FileScope {
	/** undefined: the root folder. */
	folderId: string | undefined;
	includeSubfolders: boolean;
	/** Milliseconds to wait for each answer. */
	timeout: number;
}

/** What the trigger keeps in the node's static data for a file event (see fileState.ts for `files`). */
interface FileStaticData {
	/** Event and scope the state was recorded for: a change of parameters records anew instead of emitting. */
	scope?: string;
	files?: string;
}

/** file/info is asked about this many ids at once (comma-separated, as the API family accepts). */
const INFO_BATCH = 50;
const PLAIN_KEY = /^[a-z0-9]{12}$/;

/** A file's conversion is completed (the family writes `Completed`, `completed`, ...). */
export function isReady(record: IDataObject): boolean {
	return String(record.cstatus ?? '').trim().toLowerCase() === 'completed';
}

function scopeKey(event: FileEvent, scope: FileScope): string {
	return `${event}|${scope.folderId ?? ''}|${scope.includeSubfolders ? 'sub' : ''}`;
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

/** The file entries of the watched scope, page by page, and the ids of the folders the scope covers. */
async function* scopeFiles(call: ApiCall, scope: FileScope, folderIds: Set<string>): AsyncGenerator<ListedEntry[]> {
	const fetchPage = async (folderId: string | undefined, page: number) =>
		pageOf(await call('file/listfolder', { ...(folderId === undefined ? {} : { folder: folderId }), page, limit: PAGE_SIZE }, scope.timeout));
	folderIds.add(scope.folderId ?? ROOT_FOLDER_ID);
	for await (const entries of walkFolderPages(fetchPage, scope.folderId, scope.includeSubfolders)) {
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

/**
 * Files remembered from the last listing but absent from this one: gone, or skipped because the listing shifted
 * while it paged (a deletion ahead of the read position moves an entry onto a page already read). file/info tells
 * which of them still lie in the watched folders, so a skipped file is not forgotten and later re-emitted as new.
 * Only called when files went missing; keys that are hashes (ids not in Highload's usual form) cannot be asked
 * about and count as gone.
 */
async function stillInScope(
	context: IPollFunctions,
	call: ApiCall,
	keys: string[],
	folderIds: Set<string>,
	timeout: number,
): Promise<string[]> {
	const ids = keys.filter((key) => PLAIN_KEY.test(key));
	const present: string[] = [];
	for (let at = 0; at < ids.length; at += INFO_BATCH) {
		const batch = ids.slice(at, at + INFO_BATCH);
		const answer = await tryCall(context, call, 'file/info', { file: batch.join(',') }, timeout);
		if (!answer.ok) {
			// A 404 envelope: none of the asked files exists any more.
			if (answer.error.httpCode === '404') continue;
			throw answer.error;
		}
		for (const record of recordsOf(answer.result)) {
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
async function sampleFile(context: IPollFunctions, event: FileEvent, scope: FileScope): Promise<INodeExecutionData[][]> {
	let best: ListedEntry | undefined;
	for await (const entries of scopeFiles(await apiSession(context), scope, new Set())) {
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
export async function pollFiles(context: IPollFunctions, event: FileEvent, scope: FileScope): Promise<INodeExecutionData[][] | null> {
	if (context.getMode() === 'manual') return await sampleFile(context, event, scope);

	const data = context.getWorkflowStaticData('node') as FileStaticData & IDataObject;
	const withFlag = event === 'fileReady';
	const key = scopeKey(event, scope);
	const known = data.scope === key && typeof data.files === 'string';
	const previous = known ? unpackFiles(data.files as string, withFlag) : new Map<string, FileFlag>();

	const current = new Map<string, FileFlag>();
	const folderIds = new Set<string>();
	const items: INodeExecutionData[] = [];
	// Whether some listed file is new or changed its flag: if none is and none went missing, the state stays as it
	// is and need not be compared for missing files, sorted and packed again (the common poll of a quiet folder).
	let changed = false;
	const call = await apiSession(context);
	for await (const entries of scopeFiles(call, scope, folderIds)) {
		for (const entry of entries) {
			const fileId = fileKey(String(entry.record.id));
			// A file moving between two watched folders while the listing pages may show up in both.
			if (current.has(fileId)) continue;
			const flag: FileFlag = withFlag ? (isReady(entry.record) ? 'r' : 'p') : '';
			current.set(fileId, flag);
			if (!known) continue;
			const before = previous.get(fileId);
			if (before !== flag) changed = true;
			// fileReady: a completed file that was not completed at the last listing, or was not in the scope then.
			if (event === 'newFile' ? before === undefined : flag === 'r' && before !== 'r') items.push(toItem(event, entry));
		}
	}

	// Every listed file known with the same flag, and as many as before: nothing can be missing.
	const unchanged = known && !changed && current.size === previous.size;
	if (known && !unchanged) {
		const missing = [...previous.keys()].filter((fileId) => !current.has(fileId));
		if (missing.length > 0) {
			for (const fileId of await stillInScope(context, call, missing, folderIds, scope.timeout)) {
				current.set(fileId, previous.get(fileId) ?? '');
			}
		}
	}

	// The whole listing succeeded: only now does the state change (and only if it did change).
	if (!unchanged) {
		const packed = packFiles(current, withFlag);
		if (data.scope !== key) data.scope = key;
		if (data.files !== packed) data.files = packed;
	}
	if (data.uploads !== undefined) delete data.uploads;

	if (items.length === 0) return null;
	return [items.sort(byUploadTime)];
}
