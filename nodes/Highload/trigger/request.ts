import { NodeApiError, type JsonObject } from 'n8n-workflow';

import type { ApiRequest, HighloadSession } from '../transport/session';

export type Answer = { ok: true; result: unknown } | { ok: false; error: NodeApiError };

/**
 * One API call whose failure the caller inspects (e.g. a 404 meaning "gone") before deciding to throw it: the
 * answer's result, or the NodeApiError the session produced.
 */
export async function tryRequest(session: HighloadSession, request: ApiRequest): Promise<Answer> {
	try {
		return { ok: true, result: await session.request(request) };
	} catch (error) {
		const failure = error instanceof NodeApiError ? error : new NodeApiError(session.target.node, error as JsonObject);
		return { ok: false, error: failure };
	}
}
