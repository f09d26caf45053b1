import type { IDataObject } from 'n8n-workflow';

/**
 * Whether a file record of a listing matches the user's filters. Pure: the filters arrive already checked and in
 * the record's own terms (parameters/listingFilters.ts reads them), so a 100,000-file listing costs a few compares
 * per file. Folder → List and the trigger's file events use this one module.
 */
export interface FileFilters {
	/** Upload-time bounds as Highload writes upload_at ("YYYY-MM-DD HH:MM:SS", its time zone): strings sort in time order. */
	uploadedBefore?: string;
	uploadedAfter?: string;
	downloadsAtMost?: number;
	downloadsAtLeast?: number;
	/** Bytes. */
	sizeAtLeast?: number;
	sizeAtMost?: number;
	name?: RegExp;
	conversionStatus?: ConversionStatus;
}

export type ConversionStatus = 'completed' | 'notCompleted' | 'pending';

/** Size units: powers of 1,024 (as file managers and Highload's panel count), so 1 MB = 1,048,576 bytes. */
export const SIZE_UNITS = { bytes: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

/**
 * A glob as a case-insensitive regular expression over the whole name: `*` any run of characters (none included),
 * `?` exactly one character, every other character itself.
 */
export function globToRegExp(glob: string): RegExp {
	let source = '';
	for (const character of glob) {
		if (character === '*') source += '.*';
		else if (character === '?') source += '.';
		else source += character.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'isu');
}

const UPLOAD_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;

/**
 * A record's upload time as "YYYY-MM-DD HH:MM:SS", or undefined when Highload gave none it could be compared by
 * (missing, "0000-00-00 00:00:00" = not yet, or another shape): such a file matches no upload-time filter.
 */
export function uploadTime(record: IDataObject): string | undefined {
	const value = record.upload_at;
	if (typeof value !== 'string') return undefined;
	const match = UPLOAD_TIME.exec(value.trim());
	if (!match || match[1] === '0000-00-00') return undefined;
	return `${match[1]} ${match[2]}`;
}

/** A count or size the API sends as a numeric string or a number; undefined when it is neither. */
export function numberOf(record: IDataObject, key: string): number | undefined {
	const value = record[key];
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) ? number : undefined;
}

/** A record's conversion status in lower case ('' when it has none). */
export function conversionStatusOf(record: IDataObject): string {
	return String(record.cstatus ?? '').trim().toLowerCase();
}

function matchesConversion(record: IDataObject, wanted: ConversionStatus): boolean {
	const status = conversionStatusOf(record);
	if (status === '') return false;
	if (wanted === 'notCompleted') return status !== 'completed';
	return status === wanted;
}

/** Whether any filter is set (no filter: every file matches, nothing to compare). */
export function hasFileFilters(filters: FileFilters): boolean {
	return Object.values(filters).some((value) => value !== undefined);
}

/**
 * Whether a file record matches every filter that is set. A value the record lacks (or that cannot be read) does
 * not match a filter about it: a clean-up never deletes a file because its size or upload time was unknown.
 */
export function matchesFileFilters(record: IDataObject, filters: FileFilters): boolean {
	if (filters.name && !filters.name.test(String(record.name ?? ''))) return false;
	if (filters.uploadedBefore !== undefined || filters.uploadedAfter !== undefined) {
		const uploaded = uploadTime(record);
		if (uploaded === undefined) return false;
		if (filters.uploadedBefore !== undefined && !(uploaded < filters.uploadedBefore)) return false;
		if (filters.uploadedAfter !== undefined && !(uploaded > filters.uploadedAfter)) return false;
	}
	if (filters.downloadsAtMost !== undefined || filters.downloadsAtLeast !== undefined) {
		const downloads = numberOf(record, 'download_count');
		if (downloads === undefined) return false;
		if (filters.downloadsAtMost !== undefined && downloads > filters.downloadsAtMost) return false;
		if (filters.downloadsAtLeast !== undefined && downloads < filters.downloadsAtLeast) return false;
	}
	if (filters.sizeAtLeast !== undefined || filters.sizeAtMost !== undefined) {
		const size = numberOf(record, 'size');
		if (size === undefined) return false;
		if (filters.sizeAtLeast !== undefined && size < filters.sizeAtLeast) return false;
		if (filters.sizeAtMost !== undefined && size > filters.sizeAtMost) return false;
	}
	if (filters.conversionStatus !== undefined && !matchesConversion(record, filters.conversionStatus)) return false;
	return true;
}
