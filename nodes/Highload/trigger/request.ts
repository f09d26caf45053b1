import { NodeApiError, type IDataObject, type IPollFunctions, type JsonObject } from 'n8n-workflow';

import { callApi } from '../shared/client';

export type Answer = { ok: true; result: unknown } | { ok: false; error: NodeApiError };

/**
 * One API call whose failure the caller inspects (e.g. a 404 meaning "gone") before deciding to throw it:
 * the answer's result, or the NodeApiError the shared client produced.
 */
export async function tryCallApi(context: IPollFunctions, endpoint: string, qs: IDataObject, timeout: number): Promise<Answer> {
	try {
		return { ok: true, result: await callApi(context, endpoint, qs, timeout) };
	} catch (error) {
		const failure = error instanceof NodeApiError ? error : new NodeApiError(context.getNode(), error as JsonObject);
		return { ok: false, error: failure };
	}
}
