import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { operationError } from '../transport/errors';
import { oncePerRun, runValues } from '../transport/runCache';

/** The delete operations' option: the most items one execution may delete (0 or empty: no limit). */
export const stopIfMoreThanOption: INodeProperties = {
	displayName: 'Stop If More Than',
	name: 'stopIfMoreThan',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		'Delete nothing and stop when one execution would delete more than this many (one per input item); 0 for no limit. Guards a scheduled clean-up against a filter that matches too much.',
};

interface Verdict {
	/** Items the run would delete. */
	count: number;
	limit: number;
	/** A Stop If More Than that is no number, as typed. */
	invalid?: string;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Decided once for the whole run, by the first item that gets here, over the run's whole input (n8n starts every
 * item's request at once: deciding per item could let the first items delete before a later one stops). Every item
 * then gets the same verdict, so with Continue On Fail on, every item fails and still nothing is deleted.
 */
function verdictOf(context: IExecuteSingleFunctions): Verdict {
	const input = context.getExecuteData?.()?.data?.main?.[0];
	const count = Array.isArray(input) ? input.length : 1;
	const raw = (context.getNodeParameter('options', {}) as IDataObject).stopIfMoreThan;
	if (isEmpty(raw)) return { count, limit: 0 };
	const limit = typeof raw === 'number' ? raw : Number(String(raw).trim());
	if (!Number.isFinite(limit) || limit < 0 || !Number.isInteger(limit)) return { count, limit: 0, invalid: String(raw) };
	return { count, limit };
}

/**
 * Refuses every item of a run that would delete more than Stop If More Than. Called first in each item's preSend
 * (execution/itemQuery.ts), before anything is awaited, so no item's request has been sent yet. Each input item is
 * one delete: items naming the same file count twice (the guard errs towards stopping).
 */
export function refuseTooManyDeletes(context: IExecuteSingleFunctions, what: 'files' | 'folders'): void {
	const verdict = oncePerRun(runValues(context), 'deleteGuard', () => verdictOf(context));
	const target = { node: context.getNode(), itemIndex: context.getItemIndex(), mask: (text: string) => text };
	if (verdict.invalid !== undefined) {
		throw operationError(
			target,
			`Options → Stop If More Than: "${verdict.invalid}" is not a whole number, 0 or more`,
			'Enter the most items one execution may delete, or 0 for no limit. Nothing was deleted.',
		);
	}
	if (verdict.limit > 0 && verdict.count > verdict.limit) {
		throw operationError(
			target,
			`Nothing was deleted: this execution would delete ${verdict.count} ${what} (one per input item), more than Stop If More Than (${verdict.limit})`,
			`Check what feeds this node (a filter that matches more than intended?). To allow more, raise Stop If More Than in this node's Options, or set it to 0 for no limit.`,
		);
	}
}
