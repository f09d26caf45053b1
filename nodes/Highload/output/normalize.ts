import type { IDataObject } from 'n8n-workflow';

/** Fields the API sends as numeric strings (or numbers): output as numbers. */
const NUMERIC_FIELDS = new Set([
	'size',
	'download_count',
	'bytes_loaded',
	'bytes_total',
	'storage_used',
	'storage_left',
	'balance',
	'traffic_used',
	'traffic_left',
]);

/** Fields that are ids: always strings, even where an API member sends numbers. */
const ID_FIELDS = new Set(['id', 'folderid', 'folder', 'pid', 'linkid', 'fileid', 'extid', 'parentid']);

const NOT_YET = '0000-00-00 00:00:00';

function normalizeValue(key: string, value: unknown): IDataObject[string] {
	if (value === NOT_YET) return null;
	if (value === null || value === undefined) return null;
	if (ID_FIELDS.has(key) && (typeof value === 'number' || typeof value === 'string')) return String(value);
	if (NUMERIC_FIELDS.has(key) && value !== '') {
		const number = Number(value);
		return Number.isFinite(number) ? number : (value as IDataObject[string]);
	}
	return value as IDataObject[string];
}

/** One record as users map it: API field names kept, numbers as numbers, ids as strings, "not yet" as null. */
export function normalizeRecord(record: IDataObject): IDataObject {
	const output: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		output[key] = normalizeValue(key, value);
	}
	return output;
}

/** A result keyed by id (`{"<id>": {...}}`) as one record per entry, each carrying its id. */
function mapEntries(result: IDataObject): IDataObject[] {
	return Object.entries(result).map(([id, value]) => ({ id, ...(value as IDataObject) }));
}

/** Whether a result is a map keyed by id (every value a record) rather than one record. */
function isMapById(result: IDataObject): boolean {
	const values = Object.values(result);
	return values.length > 0 && values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
}

/** Records of a result that may be one record, a map keyed by id, or a list. */
export function recordsOf(result: unknown): IDataObject[] {
	if (Array.isArray(result)) return result as IDataObject[];
	if (result && typeof result === 'object') {
		const record = result as IDataObject;
		return isMapById(record) ? mapEntries(record) : [record];
	}
	return [];
}
