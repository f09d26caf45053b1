import type { IDataObject } from 'n8n-workflow';

import { useHighload } from '../support/setup';

export { byPath, fromList } from '../support/setup';

/** One engine per file, a fresh simulator per test; `poller` activates the trigger. */
export const useTrigger = useHighload;

/** The emitted items' json, or [] for a poll that emitted nothing (returned null). */
export const emitted = (items: Array<{ json: IDataObject }> | null) => (items ?? []).map((item) => item.json);

export const idsOf = (items: Array<{ json: IDataObject }> | null) => emitted(items).map((json) => String(json.id)).sort();

/** What a poll threw (fails the test if it did not throw). */
export async function pollError(poll: () => Promise<unknown>): Promise<Error & { description?: string; httpCode?: string }> {
	try {
		await poll();
	} catch (error) {
		return error as Error & { description?: string; httpCode?: string };
	}
	throw new Error('expected the poll to throw');
}

/** The static data's size as n8n stores it (JSON). */
export const stateBytes = (staticData: IDataObject) => Buffer.byteLength(JSON.stringify(staticData));

/** The trigger node's own part of the workflow's static data (n8n keys it `node:<node name>`). */
export const nodeState = (staticData: IDataObject) => (staticData['node:Highload Trigger'] ?? {}) as IDataObject;
