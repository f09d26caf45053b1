import { tryToParseDateTime, type IDataObject } from 'n8n-workflow';

import { globToRegExp, SIZE_UNITS, type ConversionStatus, type FileFilters, type SizeUnit } from '../listing/filters';

/**
 * The Filters collection as the user filled it in, checked and turned into the record's terms (listing/filters.ts):
 * dates into Highload's upload_at form, sizes into bytes, the name pattern into a regular expression. A value that
 * is empty, unreadable or out of range stops the run naming the filter: a filter that silently fell away would make
 * a clean-up delete more than asked.
 */

/** Highload's upload_at carries no time zone; it is read in this one unless the user sets another. */
export const DEFAULT_HIGHLOAD_TIME_ZONE = 'UTC';

export interface FilterReading {
	/** The filters' display names by parameter name, as errors name them (descriptions/listingFilters.ts). */
	labels: Record<string, string>;
	/** The workflow's time zone: a date given without an offset (the date picker's) is read in it. */
	workflowTimeZone: string;
	/** The error for one filter: `message` starts with the filter's display name. */
	fail: (message: string, hint: string) => Error;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const CONVERSION_STATUSES: ConversionStatus[] = ['completed', 'notCompleted', 'pending'];

function labelled(reading: FilterReading, name: string) {
	return (message: string, hint: string) => reading.fail(`Filters → ${reading.labels[name]}: ${message}`, hint);
}

function shown(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A date filter as the upload_at it is compared with, in Highload's time zone, to the second. */
function uploadBound(raw: IDataObject, name: string, zone: string, reading: FilterReading): string {
	const fail = labelled(reading, name);
	const value = raw[name];
	const hint = 'Pick a date and time, or give an expression that gives one, e.g. {{ $now.minus({ days: 30 }) }}. Remove the filter to list files of any age.';
	if (isEmpty(value)) throw fail('is empty', hint);
	let instant;
	try {
		// A number is a moment in milliseconds since 1970 (`{{ Date.now() - 30 * 86400000 }}`).
		instant = tryToParseDateTime(typeof value === 'number' ? new Date(value) : value, reading.workflowTimeZone);
	} catch {
		throw fail(`"${shown(value)}" is not a date`, hint);
	}
	if (!instant.isValid) throw fail(`"${shown(value)}" is not a date`, hint);
	return instant.setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** A whole or fractional number ≥ 0 (a count when `whole`). */
function amount(raw: IDataObject, name: string, whole: boolean, reading: FilterReading): number {
	const fail = labelled(reading, name);
	const value = raw[name];
	const hint = whole
		? 'Enter a whole number, 0 or more, or remove the filter.'
		: "Enter a number, 0 or more (in the 'Size Unit'), or remove the filter.";
	if (isEmpty(value)) throw fail('is empty', hint);
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(number)) throw fail(`"${shown(value)}" is not a number`, hint);
	if (number < 0) throw fail(`${number} is less than 0`, hint);
	if (whole && !Number.isInteger(number)) throw fail(`${number} is not a whole number`, hint);
	return number;
}

function timeZone(raw: IDataObject, reading: FilterReading): string {
	const value = raw.highloadTimeZone;
	if (isEmpty(value)) return DEFAULT_HIGHLOAD_TIME_ZONE;
	const zone = String(value).trim();
	if (!tryToParseDateTime(new Date(0), DEFAULT_HIGHLOAD_TIME_ZONE).setZone(zone).isValid) {
		throw labelled(reading, 'highloadTimeZone')(
			`"${shown(zone)}" is not a time zone`,
			'Give an IANA time zone name such as UTC, Europe/Berlin or America/New_York.',
		);
	}
	return zone;
}

function sizeUnit(raw: IDataObject, reading: FilterReading): number {
	const unit = isEmpty(raw.sizeUnit) ? 'mb' : String(raw.sizeUnit).trim().toLowerCase();
	if (!(unit in SIZE_UNITS)) {
		throw labelled(reading, 'sizeUnit')(`"${shown(raw.sizeUnit)}" is not a size unit`, 'Pick Bytes, KB, MB or GB.');
	}
	return SIZE_UNITS[unit as SizeUnit];
}

/** Reads the Filters collection (only the filters the user added are set). */
export function readFileFilters(raw: IDataObject, reading: FilterReading): FileFilters {
	const filters: FileFilters = {};
	const has = (name: string) => name in raw;
	if (has('uploadedBefore') || has('uploadedAfter')) {
		const zone = timeZone(raw, reading);
		if (has('uploadedBefore')) filters.uploadedBefore = uploadBound(raw, 'uploadedBefore', zone, reading);
		if (has('uploadedAfter')) filters.uploadedAfter = uploadBound(raw, 'uploadedAfter', zone, reading);
	}
	if (has('downloadsAtMost')) filters.downloadsAtMost = amount(raw, 'downloadsAtMost', true, reading);
	if (has('downloadsAtLeast')) filters.downloadsAtLeast = amount(raw, 'downloadsAtLeast', true, reading);
	if (has('sizeAtLeast') || has('sizeAtMost')) {
		const unit = sizeUnit(raw, reading);
		if (has('sizeAtLeast')) filters.sizeAtLeast = amount(raw, 'sizeAtLeast', false, reading) * unit;
		if (has('sizeAtMost')) filters.sizeAtMost = amount(raw, 'sizeAtMost', false, reading) * unit;
	}
	if (has('nameMatches')) {
		if (isEmpty(raw.nameMatches)) {
			throw labelled(reading, 'nameMatches')('is empty', 'Enter a pattern such as *.mp4, or remove the filter to list files of any name.');
		}
		filters.name = globToRegExp(String(raw.nameMatches).trim());
	}
	if (has('conversionStatus')) {
		const given = String(raw.conversionStatus ?? '').replace(/\s+/g, '').toLowerCase();
		const status = CONVERSION_STATUSES.find((known) => known.toLowerCase() === given);
		if (status === undefined) {
			throw labelled(reading, 'conversionStatus')(`"${shown(raw.conversionStatus)}" is not a conversion status`, 'Pick Completed, Not Completed or Pending.');
		}
		filters.conversionStatus = status;
	}
	return filters;
}
