import type { IDataObject } from 'n8n-workflow';

import { apiError, operationError, type ErrorTarget } from '../transport/errors';
import { recordsOf } from './normalize';

/** What an operation's result reader knows of the item's run (execution/itemRun.ts). */
export interface ReadContext {
	target: ErrorTarget;
	/** The query that was sent (checked, canonical). */
	qs: IDataObject;
	/** The operation as the picker shows it, e.g. `File → Get`. */
	operationName: string;
}

/**
 * Turns an envelope's `result` into the records the operation outputs, or fails for the item when the result lacks
 * what the operation needs: a `status: 200` envelope carrying `null`, `true` where a record is due, or a record
 * without its id is an error, never a dropped item or an item with made-up values.
 */
export type ResultReader = (result: unknown, run: ReadContext) => IDataObject[];

function shown(result: unknown): string {
	const text = JSON.stringify(result) ?? String(result);
	return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** The error for a result that lacks what the operation needs. */
export function missingInResult(run: ReadContext, what: string, result: unknown) {
	return operationError(
		run.target,
		`${run.operationName}: Highload's answer has no ${what}`,
		`Highload reported success (status 200), but its result was ${shown(result)}. Nothing was output for this item; check it in Highload before running again.`,
	);
}

const isPresent = (value: unknown) => value !== undefined && value !== null && String(value).trim() !== '';

/** A record whose own `status` is a numeric code other than 200 (file/info reports missing files that way). */
function failedRecordStatus(record: IDataObject): number | undefined {
	const status = record.status;
	if (typeof status !== 'number' && !(typeof status === 'string' && /^\d{3}$/.test(status))) return undefined;
	return Number(status) === 200 ? undefined : Number(status);
}

/**
 * Records about one kind of object: one record, a map keyed by id, or a list; at least one; each with the fields
 * in `requires`. A record reporting its own failure (file/info's per-file `status: 404`) fails naming it.
 */
export function records(kind: string, requires: string[] = []): ResultReader {
	return (result, run) => {
		const found = result !== null && typeof result === 'object' ? recordsOf(result) : [];
		if (found.length === 0) throw missingInResult(run, `${kind} record`, result);
		for (const record of found) {
			const failed = failedRecordStatus(record);
			if (failed !== undefined) throw apiError(run.target, { status: failed, subject: `${kind} "${String(record.id)}"` });
			const missing = requires.filter((field) => !isPresent(record[field]));
			if (missing.length > 0) throw missingInResult(run, `${missing.join(', ')} in the ${kind} record`, result);
		}
		return found;
	};
}

/** A list that may be empty (running conversions): a list or a map of records; `null` or `true` is no list. */
export function list(kind: string): ResultReader {
	return (result, run) => {
		if (result === null || typeof result !== 'object') throw missingInResult(run, `list of ${kind}`, result);
		return recordsOf(result);
	};
}

/** A `true` result as `{ [flag]: true, ...what the request acted on }`. */
function confirmation(flag: 'success' | 'deleted', output: (qs: IDataObject) => IDataObject): ResultReader {
	return (result, run) => {
		if (result !== true && result !== 'true' && result !== 1) throw missingInResult(run, 'confirmation (result true)', result);
		return [{ [flag]: true, ...output(run.qs) }];
	};
}

/** A change confirmed: `{ success: true, ...what the request acted on }`. */
export const success = (output: (qs: IDataObject) => IDataObject = () => ({})): ResultReader => confirmation('success', output);

/** A deletion confirmed, as n8n's guidelines want it: `{ deleted: true, ...the id of what was deleted }`. */
export const deleted = (output: (qs: IDataObject) => IDataObject): ResultReader => confirmation('deleted', output);

/** A query value as output, '' when absent. */
export const sent = (qs: IDataObject, key: string): string => (qs[key] === undefined || qs[key] === null ? '' : String(qs[key]));
