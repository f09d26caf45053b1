import type { INodeProperties } from 'n8n-workflow';

/** Folder → List's Sort, below its Options (n8n's guideline): rules applied in order, later ones break ties. */
export const listingSortField: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'fixedCollection',
	placeholder: 'Add Sort Rule',
	default: {},
	typeOptions: { multipleValues: true },
	description: "The order of the output; with 'Limit', e.g. the 100 oldest files",
	hint: 'Sorting reads the whole listing (every page) before anything is output; only the items returned are kept in memory',
	options: [
		{
			displayName: 'Rule',
			name: 'rules',
			values: [
				{
					displayName: 'Sort By',
					name: 'by',
					type: 'options',
					default: 'uploaded',
					description: 'What to sort by; entries without it (folders have no size) come last',
					options: [
						{ name: 'Downloads', value: 'downloads' },
						{ name: 'Name', value: 'name', description: 'Ignoring case, numbers by value (file2 before file10)' },
						{ name: 'Size', value: 'size' },
						{ name: 'Uploaded', value: 'uploaded', description: 'Upload time' },
					],
				},
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					default: 'ascending',
					options: [
						{ name: 'Ascending', value: 'ascending', description: 'Oldest, smallest, fewest, A to Z first' },
						{ name: 'Descending', value: 'descending', description: 'Newest, largest, most, Z to A first' },
					],
				},
			],
		},
	],
};
