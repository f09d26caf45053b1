import type { IDataObject, INode } from 'n8n-workflow';

import { apiError } from './apiErrors';

/** The API's answer as n8n's request helper returns it with `returnFullResponse`. */
export interface RawResponse {
	body: unknown;
	statusCode?: number;
}

const BODY_SNIPPET_LENGTH = 120;

function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
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
export function readEnvelope(node: INode, response: RawResponse, subject?: string, itemIndex?: number): unknown {
	let body = response.body;
	const text = asText(body);
	if (text !== undefined) {
		try {
			body = JSON.parse(text);
		} catch {
			throw apiError(
				node,
				{
					status: response.statusCode ?? 502,
					detail: `The answer is not JSON: ${snippet(text) || 'empty body'}`,
				},
				itemIndex,
			);
		}
	}
	const envelope = body as IDataObject | null;
	const status = Number(envelope?.status);
	if (!envelope || typeof envelope !== 'object' || !Number.isFinite(status)) {
		throw apiError(
			node,
			{
				status: response.statusCode ?? 502,
				detail: `The answer is not a Highload envelope: ${snippet(JSON.stringify(body) ?? '')}`,
			},
			itemIndex,
		);
	}
	if (status !== 200) {
		throw apiError(node, { status, apiMessage: String(envelope.msg ?? ''), subject }, itemIndex);
	}
	return envelope.result;
}
