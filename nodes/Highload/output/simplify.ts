import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * n8n's guidelines for records of more than 10 fields: a "Simplify" switch (on by default) keeping at most 10, the
 * most used first; for the node as an AI tool, an "Output" choice instead (Simplified, Raw, Selected Fields — the
 * id always kept), because an agent's context is small. The two are never shown together (`@tool`).
 */
export type RecordKind = 'file' | 'remoteUpload';

export const MAX_SIMPLIFIED_FIELDS = 10;

/**
 * Each kind's fields, most used first: what identifies the record and what workflows map or filter on. A simplified
 * record has the first 10 of these that it holds (a listing's `type` and `path`, an upload's `skipped` or the
 * `folderId`/`folderPath` of a folder given By Path are there only when the operation adds them).
 */
const PRIORITY: Record<RecordKind, string[]> = {
	file: ['type', 'id', 'name', 'path', 'link', 'size', 'skipped', 'upload_at', 'sha1', 'download_count', 'cstatus', 'folderid', 'folderId', 'folderPath', 'content_type', 'status', 'folder'],
	remoteUpload: ['id', 'status', 'skipped', 'url', 'linkid', 'remoteurl', 'folderid', 'folderId', 'folderPath', 'bytes_loaded', 'bytes_total', 'finished', 'added', 'started'],
};

/** What the Fields list of Selected Fields offers, by kind (sorted by name, as n8n's lint wants options). */
const SELECTABLE: Record<RecordKind, Array<{ name: string; value: string }>> = {
	file: [
		{ name: 'Content Type', value: 'content_type' },
		{ name: 'Conversion Status', value: 'cstatus' },
		{ name: 'Download Count', value: 'download_count' },
		{ name: 'Folder ID', value: 'folderid' },
		{ name: 'Link', value: 'link' },
		{ name: 'Name', value: 'name' },
		{ name: 'Path', value: 'path' },
		{ name: 'SHA-1', value: 'sha1' },
		{ name: 'Size', value: 'size' },
		{ name: 'Status', value: 'status' },
		{ name: 'Type', value: 'type' },
		{ name: 'Uploaded At', value: 'upload_at' },
	],
	remoteUpload: [
		{ name: 'Added At', value: 'added' },
		{ name: 'Bytes Loaded', value: 'bytes_loaded' },
		{ name: 'Bytes Total', value: 'bytes_total' },
		{ name: 'File ID', value: 'linkid' },
		{ name: 'File Link', value: 'url' },
		{ name: 'Finished At', value: 'finished' },
		{ name: 'Folder ID', value: 'folderid' },
		{ name: 'Remote URL', value: 'remoteurl' },
		{ name: 'Started At', value: 'started' },
		{ name: 'Status', value: 'status' },
	],
};

export function simplified(record: IDataObject, kind: RecordKind): IDataObject {
	const keys = PRIORITY[kind].filter((key) => key in record).slice(0, MAX_SIMPLIFIED_FIELDS);
	return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/** The chosen fields, in the record's order, and always the id (and whether it was skipped, which says what happened). */
export function selected(record: IDataObject, fields: string[]): IDataObject {
	const wanted = new Set(['id', 'skipped', ...fields]);
	return Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key)));
}

export type OutputChoice = 'simplified' | 'raw' | 'selected';

/** The record as the node's Simplify / Output settings want it. */
export function shaped(record: IDataObject, kind: RecordKind, choice: OutputChoice, fields: string[]): IDataObject {
	if (choice === 'raw') return record;
	return choice === 'selected' ? selected(record, fields) : simplified(record, kind);
}

/** Where the output settings show: these operations, as the normal node (`tool: false`) or as an AI tool. */
function shownFor(resources: string[], operations: string[], tool: boolean): INodeProperties['displayOptions'] {
	return { show: { resource: resources, operation: operations, '@tool': [tool] } };
}

export interface SimplifiedOperation {
	resource: string;
	operation: string;
	kind: RecordKind;
}

/** One resource's Simplify switch, and the tool's Output choice with its Fields list, for its operations of `kind`. */
function resourceOutputProperties(resource: string, operations: string[], kind: RecordKind): INodeProperties[] {
	const normal = shownFor([resource], operations, false);
	const tool = shownFor([resource], operations, true);
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
			displayOptions: normal,
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simplified',
			options: [
				{ name: 'Raw', value: 'raw', description: 'Return every field Highload sends' },
				{ name: 'Selected Fields', value: 'selected', description: 'Return only the fields chosen below, and always the ID' },
				{ name: 'Simplified', value: 'simplified', description: `Return the ${MAX_SIMPLIFIED_FIELDS} most used fields` },
			],
			displayOptions: tool,
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			default: [],
			description: 'The fields to return; the ID is always included',
			options: SELECTABLE[kind],
			displayOptions: { show: { ...tool!.show, output: ['selected'] } },
		},
	];
}

/** The output settings of every operation whose records have more than 10 fields, one set per resource. */
export function outputProperties(operations: SimplifiedOperation[]): INodeProperties[] {
	const resources = [...new Set(operations.map((entry) => entry.resource))];
	return resources.flatMap((resource) => {
		const own = operations.filter((entry) => entry.resource === resource);
		return resourceOutputProperties(resource, own.map((entry) => entry.operation), own[0].kind);
	});
}

/** The item's Output (as a tool) or Simplify (as a node) setting; an Output left at its default is not saved. */
type ParameterReader = { getNodeParameter(name: string, fallback: unknown): unknown };

function readOutputChoice(context: ParameterReader): { choice: OutputChoice; fields: string[] } {
	const output = context.getNodeParameter('output', '');
	if (output === 'raw' || output === 'selected' || output === 'simplified') {
		return { choice: output, fields: output === 'selected' ? (context.getNodeParameter('fields', []) as string[]) : [] };
	}
	return { choice: context.getNodeParameter('simplify', true) === false ? 'raw' : 'simplified', fields: [] };
}

/** How an item's records leave the node: as the settings say for operations of `kind`, as they are for the others. */
export function outputShaper(context: ParameterReader, kind: RecordKind | undefined): (record: IDataObject) => IDataObject {
	if (!kind) return (record) => record;
	const { choice, fields } = readOutputChoice(context);
	return (record) => shaped(record, kind, choice, fields);
}
