import type { IDataObject } from 'n8n-workflow';

import type { ItemRun } from '../../execution/itemRun';
import { onceUnlessFound, runValues } from '../../transport/runCache';
import { recordsOf } from '../../output/normalize';
import { canonicalFolderId, ROOT_FOLDER_ID } from '../../parameters/ids';
import { apiErrorWith, asNodeError, forItem, isApiStatus } from '../../transport/errors';
import type { HighloadSession } from '../../transport/session';

/** Every remote upload Highload still lists for the account (remotedl/status without an id): one request. */
async function listUploads(session: HighloadSession): Promise<IDataObject[]> {
	try {
		return recordsOf(await session.request({ endpoint: 'remotedl/status' }));
	} catch (error) {
		if (!isApiStatus(error, 400)) throw asNodeError(session.target, error);
		throw apiErrorWith(
			session.target,
			'Skip If Already Added: Highload does not list the remote uploads of the account, so the node cannot tell whether this URL was added',
			`Nothing was added. Turn off Skip If Already Added under Options to add the URL anyway. ${error.description ?? ''}`.trim(),
			'400',
		);
	}
}

const folderOf = (record: IDataObject) => canonicalFolderId(record.folderid ?? record.folder) ?? ROOT_FOLDER_ID;

/** The listed upload of this URL into this folder (one that did not fail first, when there are several). */
function findUpload(uploads: IDataObject[], url: string, folderId: string): IDataObject | undefined {
	const same = uploads.filter((record) => String(record.remoteurl ?? '').trim() === url && folderOf(record) === folderId);
	return same.find((record) => String(record.status ?? '').toLowerCase() !== 'error') ?? same[0];
}

/**
 * Remote Upload → Add with Skip If Already Added: the account's remote uploads are listed once per run, and the URL
 * is added only when none of them fetches the same URL into the same folder; otherwise that upload's record is the
 * output, with `skipped: true`. Items of one run adding the same URL into the same folder share one check and one
 * add, also when n8n runs them at the same time. Only what Highload still lists can be recognised: an upload removed
 * from the list (Remove, Remove All, or dropped by Highload) is not, and the URL is added again.
 */
export async function addOnce(run: ItemRun, add: () => Promise<IDataObject[]>): Promise<IDataObject[]> {
	const { session, context, qs } = run;
	const values = runValues(context);
	const url = String(qs.url ?? '').trim();
	const folderId = canonicalFolderId(qs.folder) ?? ROOT_FOLDER_ID;
	const listingKey = `remoteUploads\n${session.access.account}`;
	const flightKey = `remoteAdd\n${session.access.account}\n${folderId}\n${url}`;

	try {
		return await onceUnlessFound(values, { flight: flightKey, listing: listingKey }, {
			list: async () => await listUploads(session),
			find: async (uploads) => {
				const found = findUpload(uploads, url, folderId);
				return found ? [found] : undefined;
			},
			make: add,
		});
	} catch (error) {
		throw forItem(session.target, error);
	}
}
