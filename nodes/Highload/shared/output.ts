import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

import { apiError } from './apiErrors';
import { readEnvelope } from './envelope';
import { normalizeRecord, recordsOf } from './normalize';
import { sentValue } from './sentQuery';

/** Names an operation's subject for messages such as `Highload could not find file "abc" (404)`. */
export interface Subject {
	kind: string;
	/** The query parameter carrying its id, e.g. `file`. */
	query: string;
}

type ResultToRecords = (this: IExecuteSingleFunctions, result: unknown) => IDataObject[];

function subjectText(context: IExecuteSingleFunctions, subject: Subject | undefined): string | undefined {
	const value = subject ? sentValue(context, subject.query) : '';
	return value ? `${subject!.kind} "${value}"` : undefined;
}

/** A record whose own `status` is a numeric code other than 200 (file/info reports missing files that way). */
function failedRecordStatus(record: IDataObject): number | undefined {
	const status = record.status;
	if (typeof status !== 'number' && !(typeof status === 'string' && /^\d{3}$/.test(status))) return undefined;
	return Number(status) === 200 ? undefined : Number(status);
}

/**
 * The one postReceive of every operation: envelope → records (shaped by `toRecords`) → normalized items that keep
 * their pairing with the input item.
 */
export function outputOf(toRecords: ResultToRecords, subject?: Subject): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const result = readEnvelope(this.getNode(), response, subjectText(this, subject), itemIndex);
		return toRecords.call(this, result).map((record) => {
			const failed = failedRecordStatus(record);
			if (failed !== undefined) {
				throw apiError(this.getNode(), { status: failed, subject: `${subject?.kind ?? 'item'} "${String(record.id)}"` }, itemIndex);
			}
			return { json: normalizeRecord(record), pairedItem: { item: itemIndex } };
		});
	};
}

/** One record, a map keyed by id, or a list: one item per record. */
export const records = (subject?: Subject) =>
	outputOf(function (result) {
		return recordsOf(result);
	}, subject);

/**
 * A `true` result as `{ success: true, ...the ids acted on }`: `ids` maps output field → the query parameter that
 * carried it; `constants` are added as they are.
 */
export const success = (ids: Record<string, string>, subject?: Subject, constants: IDataObject = {}) =>
	outputOf(function (result) {
		if (result !== true && result !== 'true' && result !== 1) {
			throw apiError(
				this.getNode(),
				{ status: 500, apiMessage: `Highload reported no success (result: ${JSON.stringify(result)})` },
				this.getItemIndex(),
			);
		}
		const record: IDataObject = { success: true, ...constants };
		for (const [field, query] of Object.entries(ids)) {
			record[field] = sentValue(this, query);
		}
		return [record];
	}, subject);
