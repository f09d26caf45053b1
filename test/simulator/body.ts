import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import { ApiError } from './envelope';
import { discardSink, feedMultipart, MultipartError, MultipartParser, multipartBoundary, textFieldSink } from './multipart';

const MAX_FORM_BYTES = 1024 * 1024;

/** Reads and discards a request body (so the client can finish sending before it gets an answer). */
export async function drain(req: IncomingMessage): Promise<void> {
	req.resume();
	await finished(req).catch(() => undefined);
}

/**
 * Form parameters of an API POST body, like PHP's $_POST: urlencoded or multipart fields.
 * Other bodies (JSON...) are ignored, as the family's servers ignore them.
 */
export async function readFormParams(req: IncomingMessage): Promise<Record<string, string>> {
	const contentType = req.headers['content-type'] ?? '';
	const boundary = multipartBoundary(contentType);
	if (boundary !== undefined) return readMultipartFields(req, boundary);
	const body = await readSmallBody(req);
	if (!/^application\/x-www-form-urlencoded/i.test(contentType)) return {};
	return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

async function readSmallBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size <= MAX_FORM_BYTES) chunks.push(chunk);
	}
	if (size > MAX_FORM_BYTES) throw new ApiError(400, 'Request body too large');
	return Buffer.concat(chunks);
}

async function readMultipartFields(req: IncomingMessage, boundary: string): Promise<Record<string, string>> {
	const fields: Record<string, string> = {};
	const parser = new MultipartParser(boundary, (part) =>
		part.filename === undefined ? textFieldSink((value) => (fields[part.name] = value)) : discardSink,
	);
	try {
		await feedMultipart(req, parser);
	} catch (error) {
		if (error instanceof MultipartError) throw new ApiError(400, `Malformed multipart body: ${error.message}`);
		throw error;
	}
	return fields;
}
