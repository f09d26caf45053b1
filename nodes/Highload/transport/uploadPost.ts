import { NodeApiError, sleep, type IDataObject } from 'n8n-workflow';

import type { MultipartFileBody } from '../upload/multipartBody';
import { secureBaseUrl } from './baseUrl';
import { readEnvelope } from './envelope';
import { apiErrorWith, asNodeError, networkError, operationError } from './errors';
import type { HighloadSession } from './session';

/** What the upload server's envelope statuses mean when they answer an upload, rather than an API call. */
const UPLOAD_MESSAGES: Record<string, string> = {
	'400': 'Highload rejected the upload as malformed (400)',
	'403': 'Highload refused the upload (403): the upload URL expired or was already used, or the API Login or API Key is wrong',
};

const UPLOAD_SERVER = 'the upload server';

interface Watch {
	done: boolean;
	timedOut: boolean;
}

/**
 * The upload's only clock. n8n's timeout bounds the time to the first answer byte, which would cut off any upload
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
 * POSTs the body to the upload URL through the session (the account's gate, no redirect followed: the body is a
 * stream that cannot be sent twice) and returns the envelope's `result`. The answer is read as JSON whatever its
 * content type.
 */
export async function postUpload(
	session: HighloadSession,
	uploadUrl: string,
	body: MultipartFileBody,
	idleMs: number,
	cancelled?: AbortSignal,
): Promise<IDataObject> {
	if (!secureBaseUrl(uploadUrl)) {
		throw operationError(session.target, 'Highload handed out an upload URL that is not https://, so the API key was not sent to it', `The upload URL was "${uploadUrl}".`);
	}
	const controller = new AbortController();
	const cancel = () => controller.abort();
	cancelled?.addEventListener('abort', cancel);
	const watch: Watch = { done: false, timedOut: false };
	void abortWhenIdle(body, idleMs, controller, watch);
	let response;
	try {
		response = await session.send(
			{
				method: 'POST',
				url: uploadUrl,
				// A Blob-shaped body: n8n hands it to axios as it is, axios streams it with its Content-Length.
				body: body as unknown as IDataObject,
				headers: { 'Content-Type': body.type, 'Content-Length': String(body.size) },
				asText: true,
				followSafeRedirects: false,
				destination: UPLOAD_SERVER,
			},
			controller.signal,
		);
	} catch (error) {
		if (body.failure) throw body.failure;
		if (watch.timedOut) throw networkError(session.target, Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }), idleMs, session.networkPath(uploadUrl, UPLOAD_SERVER));
		throw asNodeError(session.target, error);
	} finally {
		watch.done = true;
		cancelled?.removeEventListener('abort', cancel);
	}
	try {
		const result = readEnvelope(session.target, response);
		return result && typeof result === 'object' ? (result as IDataObject) : {};
	} catch (error) {
		const httpCode = error instanceof NodeApiError ? String(error.httpCode) : '';
		const message = UPLOAD_MESSAGES[httpCode];
		if (!message) throw asNodeError(session.target, error);
		throw apiErrorWith(session.target, message, (error as NodeApiError).description ?? undefined, httpCode);
	}
}
