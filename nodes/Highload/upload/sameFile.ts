import type { IDataObject } from 'n8n-workflow';

import type { ItemRun } from '../execution/itemRun';
import { listingPages } from '../listing/listFolder';
import { onceUnlessFound, runValues } from '../transport/runCache';
import { walkFolderPages } from '../listing/walkFolder';
import { ROOT_FOLDER_ID } from '../parameters/ids';
import { forItem } from '../transport/errors';
import type { HighloadSession } from '../transport/session';

/** What makes two files "the same": their bytes (sha1) or their name. */
export type SameFileBy = 'content' | 'name';

/** The files directly in one folder, as the run first listed it: by sha1 and by name. */
interface FolderFiles {
	content: Map<string, string>;
	name: Map<string, string>;
}

const nameKey = (name: string) => name.normalize('NFC');

/** One `file/listfolder` walk of the folder (its own files, not its subfolders'): 200 files per request. */
async function listFiles(session: HighloadSession, folderId: string | undefined): Promise<FolderFiles> {
	const files: FolderFiles = { content: new Map(), name: new Map() };
	for await (const entries of walkFolderPages(listingPages(session), folderId, false)) {
		for (const entry of entries) {
			const id = String(entry.record.id ?? '').trim();
			if (entry.type !== 'file' || !id) continue;
			const sha1 = String(entry.record.sha1 ?? '').trim().toLowerCase();
			if (sha1 && !files.content.has(sha1)) files.content.set(sha1, id);
			const name = nameKey(String(entry.record.name ?? ''));
			if (name && !files.name.has(name)) files.name.set(name, id);
		}
	}
	return files;
}

export interface SameFileSteps {
	/** The record of a file found in the folder (file/info), as the upload would output it. */
	existing(fileId: string): Promise<IDataObject[]>;
	/** The upload itself, giving the stored file's record. */
	upload(): Promise<IDataObject[]>;
}

/**
 * File → Upload with "If the Same File Exists: Skip": the folder's files are listed once per run (all items
 * uploading into it share that listing), and the file is uploaded only when none of them is the same (same sha1, or
 * same name). Items of one run carrying the same file into the same folder share one check and one upload, also when
 * n8n runs them at the same time: the first uploads, the others output the stored file with `skipped: true`.
 * A failed check or upload is not kept, so Retry On Fail (or the next run) lists the folder again.
 */
export async function uploadOnce(run: ItemRun, folderId: string | undefined, by: SameFileBy, key: string, steps: SameFileSteps): Promise<IDataObject[]> {
	const { session, context } = run;
	const values = runValues(context);
	const folder = `${session.access.account}\n${folderId ?? ROOT_FOLDER_ID}`;
	const listingKey = `files\n${folder}`;
	const flightKey = `upload\n${folder}\n${by}\n${by === 'name' ? nameKey(key) : key}`;

	try {
		return await onceUnlessFound(values, { flight: flightKey, listing: listingKey }, {
			list: async () => await listFiles(session, folderId),
			find: async (files) => {
				const found = by === 'content' ? files.content.get(key) : files.name.get(nameKey(key));
				return found === undefined ? undefined : await steps.existing(found);
			},
			make: steps.upload,
		});
	} catch (error) {
		throw forItem(session.target, error);
	}
}
