import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteSingleFunctions,
} from 'n8n-workflow';

import { userFacingApiError } from '../apiErrors';
import { secureBaseUrl } from '../baseUrl';
import { apiAccess } from '../client';
import { readEnvelope, type RawResponse } from '../envelope';
import { networkError } from '../transport';
import { MultipartFileBody, type FileSource, type FormField } from './multipartBody';

/** The file part's field name in the API family's clients (GUIDE §1). */
export const FILE_FIELD = 'file1';

/** What the upload server's envelope statuses mean when they answer an upload, rather than an API call. */
const UPLOAD_MESSAGES: Record<string, string> = {
	'400': 'Highload rejected the upload as malformed (400)',
	'403': 'Highload refused the upload (403): the upload URL expired or was already used, or the API Login or API Key is wrong',
};

/**
 * The form of one upload: the credential's login and key travel as form fields (the upload server reads them from
 * the body, not from the query), then the folder, then the file part.
 */
export async function uploadBody(
	context: IExecuteSingleFunctions,
	source: FileSource,
	folderId: string | undefined,
	withSha1: boolean,
): Promise<MultipartFileBody> {
	const { auth } = await apiAccess(context);
	const fields: FormField[] = [
		['login', auth.login],
		['key', auth.key],
	];
	if (folderId) fields.push(['folder', folderId]);
	return new MultipartFileBody(fields, FILE_FIELD, source, context.getNode(), context.getItemIndex(), withSha1);
}

interface Watch {
	done: boolean;
	timedOut: boolean;
}

/**
 * The request's only clock. n8n's timeout bounds the time to the first answer byte, which would cut off any upload
 * longer than it; this one fires only when nothing moved for `idleMs`: no byte taken by the connection, or no
 * answer that long after the last byte.
 */
async function abortWhenIdle(body: MultipartFileBody, idleMs: number, controller: AbortController, watch: Watch): Promise<void> {
	const tick = Math.max(20, Math.min(1000, Math.floor(idleMs / 10)));
	while (!watch.done) {
		if (Date.now() - body.lastActivity > idleMs) {
			watch.timedOut = true;
			controller.abort();
			return;
		}
		await sleep(tick);
	}
}

/**
 * POSTs the body to the upload URL and returns the envelope's `result`. No redirects are followed (a redirect
 * would make n8n's HTTP client keep the whole body in memory for the replay), the body is never re-sent, and the
 * answer is read as JSON whatever its content type.
 */
export async function postUpload(
	context: IExecuteSingleFunctions,
	uploadUrl: string,
	body: MultipartFileBody,
	idleMs: number,
): Promise<IDataObject> {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	if (!secureBaseUrl(uploadUrl)) {
		throw new NodeOperationError(node, 'Highload handed out an upload URL that is not https://, so the API key was not sent to it', {
			itemIndex,
			description: `The upload URL was "${uploadUrl}".`,
		});
	}
	const controller = new AbortController();
	const cancelled = context.getExecutionCancelSignal();
	const cancel = () => controller.abort();
	cancelled?.addEventListener('abort', cancel);
	const watch: Watch = { done: false, timedOut: false };
	void abortWhenIdle(body, idleMs, controller, watch);
	let response: RawResponse;
	try {
		response = (await context.helpers.httpRequest({
			method: 'POST',
			url: uploadUrl,
			// A Blob-shaped body: n8n hands it to axios as it is, axios streams it with its Content-Length.
			body: body as unknown as IDataObject,
			headers: { 'Content-Type': body.type, 'Content-Length': String(body.size) },
			disableFollowRedirect: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			abortSignal: controller.signal,
		})) as RawResponse;
	} catch (error) {
		if (body.failure) throw body.failure;
		const cause = watch.timedOut ? Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }) : (error as Error);
		throw networkError(node, cause, idleMs, itemIndex);
	} finally {
		watch.done = true;
		cancelled?.removeEventListener('abort', cancel);
	}
	return readUploadAnswer(context, response);
}

function readUploadAnswer(context: IExecuteSingleFunctions, response: RawResponse): IDataObject {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	try {
		const result = readEnvelope(node, response, undefined, itemIndex);
		return result && typeof result === 'object' ? (result as IDataObject) : {};
	} catch (error) {
		const httpCode = error instanceof NodeApiError ? String(error.httpCode) : '';
		const message = UPLOAD_MESSAGES[httpCode];
		const description = (error as NodeApiError).description ?? undefined;
		throw message ? userFacingApiError(node, { message, description, httpCode }, itemIndex) : error;
	}
}

/** The new file's id: `result.id`, or the id inside `result.url` (`https://<host>/f/<id>/<name>`). */
export function uploadedFileId(result: IDataObject): string | undefined {
	if ((typeof result.id === 'string' || typeof result.id === 'number') && String(result.id).trim()) {
		return String(result.id).trim();
	}
	const match = /^https?:\/\/[^/]+\/[a-z]\/([A-Za-z0-9]+)(?:[/?#]|$)/i.exec(String(result.url ?? ''));
	return match?.[1];
}
