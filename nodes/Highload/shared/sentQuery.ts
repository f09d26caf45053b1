import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * The query an item's request was sent with, after its parameters were checked. n8n runs an item's preSend and
 * postReceive hooks on the same context object, so the output hooks read ids from here instead of evaluating the
 * node's parameters (and their expressions) once more per item.
 */
const sentQueries = new WeakMap<IExecuteSingleFunctions, IDataObject>();

export function rememberQuery(context: IExecuteSingleFunctions, qs: IDataObject): void {
	sentQueries.set(context, qs);
}

/** One value of the query sent for this item, as a string ('' when absent). */
export function sentValue(context: IExecuteSingleFunctions, key: string): string {
	const value = sentQueries.get(context)?.[key];
	return value === undefined || value === null ? '' : String(value);
}
