import { NodeApiError, type IDataObject, type IPollFunctions, type JsonObject } from 'n8n-workflow';

import type { ApiCall } from '../shared/client';

export type Answer = { ok: true; result: unknown } | { ok: false; error: NodeApiError };

/**
 * One API call whose failure the caller inspects (e.g. a 404 meaning "gone") before deciding to throw it:
 * the answer's result, or the NodeApiError the shared client produced. Calls go through the poll's one session
 * (apiSession), so the credential is read once per poll, not once per request.
 */
export async function tryCall(
	context: IPollFunctions,
	call: ApiCall,
	endpoint: string,
	qs: IDataObject,
	timeout: number,
): Promise<Answer> {
	try {
		return { ok: true, result: await call(endpoint, qs, timeout) };
	} catch (error) {
		const failure = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
		return { ok: false, error: failure };
	}
}
