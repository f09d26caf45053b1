import type { INodeProperties } from 'n8n-workflow';

/** The filters of a folder listing (Folder → List; the trigger's file events show the name and size ones). */

const nameMatches: INodeProperties = {
	displayName: 'Name Matches',
	name: 'nameMatches',
	type: 'string',
	default: '',
	placeholder: 'e.g. *.mp4',
	description: 'Only files whose whole name matches this pattern, ignoring case',
	hint: 'An asterisk (*) matches any run of characters (also none), a question mark (?) exactly one character; every other character matches itself',
};

const sizeFilters: INodeProperties[] = [
	{
		displayName: 'Size at Least',
		name: 'sizeAtLeast',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: "Only files of at least this size, in the 'Size Unit' (MB unless set)",
	},
	{
		displayName: 'Size at Most',
		name: 'sizeAtMost',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: "Only files of at most this size, in the 'Size Unit' (MB unless set)",
	},
	{
		displayName: 'Size Unit',
		name: 'sizeUnit',
		type: 'options',
		default: 'mb',
		description: "The unit of 'Size at Least' and 'Size at Most'",
		hint: '1 KB = 1,024 bytes, 1 MB = 1,024 KB, 1 GB = 1,024 MB',
		options: [
			{ name: 'Bytes', value: 'bytes' },
			{ name: 'GB', value: 'gb' },
			{ name: 'KB', value: 'kb' },
			{ name: 'MB', value: 'mb' },
		],
	},
];

const UPLOAD_TIME_HINT =
	"Highload's upload times carry no time zone: they are read as UTC unless Highload Time Zone says otherwise. A date without an offset is in the workflow's time zone; compared to the second.";

const uploadFilters: INodeProperties[] = [
	{
		displayName: 'Highload Time Zone',
		name: 'highloadTimeZone',
		type: 'string',
		default: 'UTC',
		placeholder: 'e.g. Europe/Berlin',
		description: "The time zone of the upload times Highload reports, for 'Uploaded Before' and 'Uploaded After'",
		hint: 'An IANA time zone name; UTC unless set',
	},
	{
		displayName: 'Uploaded After',
		name: 'uploadedAfter',
		type: 'dateTime',
		default: '',
		description: 'Only files uploaded after this moment',
		hint: UPLOAD_TIME_HINT,
	},
	{
		displayName: 'Uploaded Before',
		name: 'uploadedBefore',
		type: 'dateTime',
		default: '',
		description: 'Only files uploaded before this moment, e.g. {{ $now.minus({ days: 30 }) }} for files older than 30 days',
		hint: UPLOAD_TIME_HINT,
	},
];

const usageFilters: INodeProperties[] = [
	{
		displayName: 'Conversion Status',
		name: 'conversionStatus',
		type: 'options',
		default: 'completed',
		description: "Only files whose conversion status (Highload's cstatus, compared ignoring case) is this",
		options: [
			{ name: 'Completed', value: 'completed' },
			{ name: 'Not Completed', value: 'notCompleted', description: 'Any status other than completed (pending, converting, …)' },
			{ name: 'Pending', value: 'pending' },
		],
	},
	{
		displayName: 'Downloads at Least',
		name: 'downloadsAtLeast',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Only files downloaded at least this many times',
	},
	{
		displayName: 'Downloads at Most',
		name: 'downloadsAtMost',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Only files downloaded at most this many times (0: never downloaded)',
	},
];

const byName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);

function filtersCollection(options: INodeProperties[], description: string): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, description, options: [...options].sort(byName) };
}

/** Folder → List's filters: every one applies to files, all must match. */
export const listingFiltersField = filtersCollection(
	[nameMatches, ...sizeFilters, ...uploadFilters, ...usageFilters],
	"Only files matching every filter are output ('Limit' counts them); folders are output as 'Include' says",
);

/** The filters' display names by parameter name, as errors name them (the trigger's are among them). */
export const FILTER_LABELS: Record<string, string> = Object.fromEntries(
	(listingFiltersField.options as INodeProperties[]).map((option) => [option.name, option.displayName]),
);

/** The trigger's filters: a file that does not match starts no workflow (and is still remembered as seen). */
export const triggerFiltersField = filtersCollection(
	[nameMatches, ...sizeFilters],
	'Only files matching every filter start the workflow; the others are remembered as seen all the same',
);
