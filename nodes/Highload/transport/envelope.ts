import type { IDataObject } from 'n8n-workflow';

import { apiError, type ErrorTarget } from './errors';

/** The API's answer as n8n's request helper returns it with `returnFullResponse`. */
export interface RawResponse {
	body: unknown;
	statusCode?: number;
	headers?: Record<string, unknown>;
}

const BODY_SNIPPET_LENGTH = 120;

/** The start of a body for an error description, masked before it is cut (a cut key would escape the mask). */
function snippet(target: ErrorTarget, text: string): string {
	const flat = target.mask(text).replace(/\s+/g, ' ').trim();
	return flat.length > BODY_SNIPPET_LENGTH ? `${flat.slice(0, BODY_SNIPPET_LENGTH)}…` : flat;
}

function asText(body: unknown): string | undefined {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return undefined;
}

/**
 * Reads the `{status, msg, server_time, result}` envelope and returns `result`, or throws a NodeApiError.
 * The envelope status decides, whatever the HTTP status (the API may answer 200 with 403 inside, or mirror it).
 * A body that is not a JSON envelope (a proxy's HTML page, truncated JSON) fails with the HTTP status.
 */
export function readEnvelope(target: ErrorTarget, response: RawResponse, subject?: string): unknown {
	let body = response.body;
	const text = asText(body);
	if (text !== undefined) {
		try {
			body = JSON.parse(text);
		} catch {
			const detail = `The answer is not JSON: ${snippet(target, text) || 'empty body'}`;
			throw apiError(target, { status: response.statusCode ?? 502, detail });
		}
	}
	const envelope = body as IDataObject | null;
	const status = Number(envelope?.status);
	if (!envelope || typeof envelope !== 'object' || !Number.isFinite(status)) {
		const detail = `The answer is not a Highload envelope: ${snippet(target, JSON.stringify(body) ?? '')}`;
		throw apiError(target, { status: response.statusCode ?? 502, detail });
	}
	if (status !== 200) {
		throw apiError(target, { status, apiMessage: String(envelope.msg ?? ''), subject });
	}
	return envelope.result;
}
