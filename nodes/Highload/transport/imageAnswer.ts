import type { NodeApiError } from 'n8n-workflow';

import type { RawResponse } from './envelope';
import { apiErrorWith, type ErrorTarget } from './errors';

export interface Image {
	data: Buffer;
	/** As the server sent it (`image/png`, `image/jpeg`...), without parameters. */
	mimeType: string;
}

const SNIPPET_LENGTH = 120;

function header(response: RawResponse, name: string): string {
	const value = response.headers?.[name];
	return String(Array.isArray(value) ? value[0] : (value ?? '')).trim();
}

function bodyOf(response: RawResponse): Buffer {
	const { body } = response;
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body);
	return body === undefined || body === null ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
}

/** The start of a text answer, for the user to see what came back instead. */
function snippet(target: ErrorTarget, data: Buffer): string {
	const flat = target.mask(data.subarray(0, 4 * SNIPPET_LENGTH).toString('utf8')).replace(/\s+/g, ' ').trim();
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}

/**
 * An image fetched from a link Highload handed out (a thumbnail on its CDN), checked before it is handed on: the
 * HTTP status, an image/* content type, a body that is not empty (a body cut short fails in n8n's helper, and a
 * Content-Length is no measure after decompression). Errors say what came back and from which host.
 */
export function readImage(target: ErrorTarget, response: RawResponse, url: string, what: string): Image {
	const host = new URL(url).host;
	const data = bodyOf(response);
	const status = response.statusCode ?? 200;
	const type = header(response, 'content-type');
	const mimeType = type.split(';')[0].trim().toLowerCase();
	const fail = (message: string, description: string, code?: string): NodeApiError => apiErrorWith(target, message, description, code);
	const shown = data.length > 0 && !mimeType.startsWith('image/') ? ` It began: ${snippet(target, data)}` : '';
	if (status < 200 || status > 299) {
		const advice =
			status === 404 || status === 410
				? 'Highload listed a thumbnail that is not there (yet): try again once the video is converted, or turn off Download.'
				: status >= 500
					? 'Try again later, or enable Retry On Fail.'
					: 'Turn off Download to get only the link.';
		throw fail(`The ${what} server (${host}) answered HTTP ${status} instead of the ${what}`, `${advice}${shown}`, String(status));
	}
	if (data.length === 0) {
		throw fail(`The ${what} server (${host}) sent an empty answer instead of the ${what}`, 'Try again later, or turn off Download.');
	}
	if (!mimeType.startsWith('image/')) {
		throw fail(`The ${what} server (${host}) sent ${mimeType || 'an answer without a content type'} instead of an image`, `Nothing was stored as the ${what}.${shown}`);
	}
	return { data, mimeType };
}
