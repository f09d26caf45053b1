import type { IDataObject } from 'n8n-workflow';

import { asOutput, type ItemRun, type OperationOutput } from '../execution/itemRun';
import { records } from '../output/results';
import { apiErrorWith, asNodeError, isApiStatus, operationError } from '../transport/errors';
import { postUpload } from '../transport/uploadPost';
import { binaryFileSource, binarySha1 } from './binarySource';
import { MultipartFileBody, type FileSource, type FormField } from './multipartBody';
import { uploadOnce, type SameFileBy } from './sameFile';

/** The file part's field name that clients of this API family use (the API document's example leaves it out). */
const FILE_FIELD = 'file1';

const storedFile = records('file', ['id']);

/** The new file's id: `result.id`, or the id inside `result.url` (`https://<host>/f/<id>/<name>`). */
export function uploadedFileId(result: IDataObject): string | undefined {
	if ((typeof result.id === 'string' || typeof result.id === 'number') && String(result.id).trim()) {
		return String(result.id).trim();
	}
	const match = /^https?:\/\/[^/]+\/[a-z]\/([A-Za-z0-9]+)(?:[/?#]|$)/i.exec(String(result.url ?? ''));
	return match?.[1];
}

/** The sha1 Highload reports for the stored file against the sha1 of the bytes that went out. */
function verifyChecksum(run: ItemRun, fileId: string, reported: unknown, sent: string | undefined): void {
	const stored = String(reported ?? '')
		.trim()
		.toLowerCase();
	if (stored && stored === sent) return;
	const advice = `The file is stored as "${fileId}": delete it and upload again, or turn off Verify Checksum under Options.`;
	if (!stored) throw operationError(run.target, 'Highload reported no sha1 for the uploaded file, so its checksum could not be verified', advice);
	throw operationError(
		run.target,
		`The uploaded file's checksum does not match: Highload stored sha1 ${stored}, the bytes sent have sha1 ${sent ?? 'unknown'}`,
		advice,
	);
}

/** The stored file's record, read with file/info: a request of its own, about the new file. */
async function readBack(run: ItemRun, fileId: string): Promise<IDataObject[]> {
	const { session } = run;
	try {
		return storedFile(await session.request({ endpoint: 'file/info', qs: { file: fileId }, subject: `file "${fileId}"` }), run);
	} catch (error) {
		if (!isApiStatus(error, 404)) throw asNodeError(session.target, error);
		const message = `Highload accepted the upload but cannot find the stored file "${fileId}" (404)`;
		throw apiErrorWith(session.target, message, 'Check the folder in Highload; upload again if the file is missing.', '404');
	}
}

/**
 * File → Upload. With "If the Same File Exists: Skip" the target folder is checked first (sameFile.ts): by content,
 * the binary is hashed (streamed from n8n's binary store) and compared with the sha1 Highload lists for each file;
 * by name, the file name it would get is compared. A file found is output (file/info) with `skipped: true`, and
 * nothing is uploaded.
 */
export async function uploadBinary(run: ItemRun): Promise<OperationOutput[]> {
	const { qs, context } = run;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const property = String(context.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data';
	const source = await binaryFileSource(context, property, String(options.fileName ?? '').trim());
	const folderId = qs.folder === undefined ? undefined : String(qs.folder);
	const verify = options.verifyChecksum !== false;
	const upload = async () => await uploadFile(run, source, folderId, verify);
	if (options.ifSameFileExists !== 'skip') return asOutput(await upload());
	const by: SameFileBy = options.compareBy === 'name' ? 'name' : 'content';
	const key = by === 'content' ? await binarySha1(context, property) : source.fileName;
	return asOutput(await uploadOnce(run, folderId, by, key, { existing: async (fileId) => await readBack(run, fileId), upload }));
}

/**
 * The upload itself: file/ul hands out a one-time upload URL, the binary is streamed there as multipart/form-data, and
 * the stored file is read back with file/info: that record is the output, its sha1 checked against the bytes
 * sent. A 509 on either step retries both (a used-up URL cannot be reused, a stream cannot be re-read): the
 * session's 509 policy wraps the pair once, and the steps themselves do not retry.
 */
async function uploadFile(run: ItemRun, source: FileSource, folderId: string | undefined, verify: boolean): Promise<IDataObject[]> {
	const { session, context, subject } = run;
	// n8n's Timeout (default 300 s) bounds the silence of an upload, not its length.
	const idleMs = session.limits.timeoutMs;

	const { result, sent } = await session.withBandwidthRetries(session.limits.bandwidthRetries, async () => {
		const target = await session.request({ endpoint: 'file/ul', qs: folderId ? { folder: folderId } : {}, subject, bandwidthRetries: 0 });
		const url = target && typeof target === 'object' ? String((target as IDataObject).url ?? '').trim() : '';
		if (!url) throw operationError(session.target, 'Highload did not hand out an upload URL', 'file/ul answered without result.url.');
		// The upload server reads login and key from the form, not from the query.
		const fields: FormField[] = [
			['login', session.access.login],
			['key', session.access.key],
		];
		if (folderId) fields.push(['folder', folderId]);
		const body = new MultipartFileBody(fields, FILE_FIELD, source, context.getNode(), context.getItemIndex(), verify);
		return { result: await postUpload(session, url, body, idleMs, context.getExecutionCancelSignal()), sent: body.sha1 };
	});
	const fileId = uploadedFileId(result);
	if (!fileId) {
		throw operationError(session.target, 'Highload accepted the upload but did not say which file it created', `The upload answer was ${JSON.stringify(result)}.`);
	}
	const stored = await readBack(run, fileId);
	if (verify) verifyChecksum(run, fileId, stored[0]?.sha1 ?? result.sha1, sent);
	return stored;
}
