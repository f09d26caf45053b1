import type {
	DeclarativeRestApiSettings,
	IBinaryKeyData,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ResolvedFolder } from '../listing/folderPaths';
import { normalizeRecord } from '../output/normalize';
import { outputShaper, type RecordKind } from '../output/simplify';
import type { ResultReader, ResultRequest } from '../output/results';
import { checkQuery, folderOfField, type QueryCheck } from '../parameters/checks';
import { asNodeError } from '../transport/errors';
import { itemSession, type HighloadSession } from '../transport/session';
import { shownFor } from './fields';

/** What a multi-step operation gets for one item: the item's session, its checked query, and n8n's context. */
export interface OperationRun extends ResultRequest {
	/** The operation's API path, e.g. `file/getsplash`. */
	endpoint: string;
	session: HighloadSession;
	context: IExecutePaginationFunctions;
	/** `kind "id"` of the object the item's request is about, when it names one. */
	subject?: string;
	/** Folders given By Path, as resolved before sending, by the query parameter they were sent as. */
	folders: Record<string, ResolvedFolder>;
}

/** Everything about one operation; a reader finds its whole behaviour in its own file. */
/** A resource as its picker shows it: `{ value: 'file', name: 'File' }`. */
export interface Resource {
	value: string;
	name: string;
}

export interface OperationSpec {
	resource: Resource;
	value: string;
	name: string;
	action: string;
	description: string;
	/** API path, e.g. `file/rename`. */
	endpoint: string;
	/** The query parameters it sends (from its fields), each checked before any request. */
	checks?: QueryCheck[];
	/** Fixed query parameters, e.g. `{ id: 'all' }`. */
	query?: Record<string, string>;
	/** The object a request is about, named in a 404: its kind and the query parameter that carries its id. */
	subject?: { kind: string; query: string };
	/** Fields only this operation shows (fields shared with others are declared in the resource's index.ts). */
	fields?: INodeProperties[];
	/** Reads the envelope's result into the records output (one request operations). */
	result?: ResultReader;
	/** Replaces the single request, for operations of several steps (upload, listing, waiting, downloading). */
	run?: (operation: OperationRun) => Promise<OperationOutput[]>;
	/** Its records have more than 10 fields: the node's Simplify (as a tool: Output) applies to them (output/simplify.ts). */
	simplify?: RecordKind;
}

/** One output item of an operation, before n8n's pairing: a record, and a binary where the operation makes one. */
export interface OperationOutput {
	json: IDataObject;
	binary?: IBinaryKeyData;
}

/** Records as output items. */
export const asOutput = (records: IDataObject[]): OperationOutput[] => records.map((json) => ({ json }));

export interface Operation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	simplify?: RecordKind;
}

/** The folders this item's fields name By Path (already resolved by the checks: no request), by query parameter. */
async function foldersByPath(context: IExecutePaginationFunctions, checks: QueryCheck[]): Promise<Record<string, ResolvedFolder>> {
	const folders: Record<string, ResolvedFolder> = {};
	for (const check of checks) {
		const folder = await folderOfField(context, check);
		if (folder) folders[check.query] = folder;
	}
	return folders;
}

/** The output fields naming the folders given By Path (`folderId`, `folderPath`), for fields a record lacks. */
function folderFields(checks: QueryCheck[], folders: Record<string, ResolvedFolder>): IDataObject {
	const fields: IDataObject = {};
	for (const check of checks) {
		const folder = folders[check.query];
		if (!folder) continue;
		const names = check.output ?? { id: 'folderId', path: 'folderPath' };
		fields[names.id] = folder.id;
		fields[names.path] = folder.path;
	}
	return fields;
}

const withFields = (record: IDataObject, fields: IDataObject): IDataObject => {
	const added = Object.entries(fields).filter(([key]) => !(key in record));
	return added.length === 0 ? record : { ...record, ...Object.fromEntries(added) };
};

/** One item of an operation: its own request (or steps), read into records, normalized, paired with the input item. */
async function runItem(
	context: IExecutePaginationFunctions,
	spec: OperationSpec,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const session = await itemSession(context);
	const qs = { ...(requestData.options.qs ?? {}) } as IDataObject;
	const id = spec.subject ? qs[spec.subject.query] : undefined;
	const subject = spec.subject && id !== undefined && id !== '' ? `${spec.subject.kind} "${String(id)}"` : undefined;
	const operation = `${spec.resource.name} → ${spec.name}`;
	const checks = spec.checks ?? [];
	const folders = await foldersByPath(context, checks);
	const request: OperationRun = { endpoint: spec.endpoint, session, context, qs, subject, target: session.target, operation, folders };
	const output = spec.run ? await spec.run(request) : asOutput(spec.result!(await session.request({ endpoint: spec.endpoint, qs, subject }), request));
	const pairedItem = { item: context.getItemIndex() };
	const added = folderFields(checks, folders);
	const shape = outputShaper(context, spec.simplify);
	return output.map((item) => ({ ...item, json: shape(normalizeRecord(withFields(item.json, added))), pairedItem }));
}

/**
 * The operation's "pagination" function. n8n's declarative engine runs the preSend checks (which read the fields and
 * build the item's query, parameters/checks.ts), then hands the request here: it is sent through the item's session
 * (never n8n's own sender). Any error leaves as a NodeApiError (see operationError).
 */
function execute(spec: OperationSpec) {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		try {
			return await runItem(this, spec, requestData);
		} catch (error) {
			throw asNodeError({ node: this.getNode(), itemIndex: this.getItemIndex(), mask: (text) => text }, error);
		}
	};
}

/** Builds the operation picker entry (with its routing) and the fields shown only for this operation. */
export function defineOperation(spec: OperationSpec): Operation {
	const displayOptions = shownFor(spec.resource.value, [spec.value]);
	return {
		fields: (spec.fields ?? []).map((field) => ({ ...field, displayOptions })),
		simplify: spec.simplify,
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				request: { method: 'GET', url: `/${spec.endpoint}`, ...(spec.query ? { qs: spec.query } : {}) },
				// `paginate` hands the request to `operations.pagination`: our executor, which sends it.
				send: { paginate: true, preSend: [checkQuery(spec.checks ?? [])] },
				operations: { pagination: execute(spec) },
			},
		},
	};
}

/** The operation picker of one resource, options sorted by name as n8n's lint requires; `first` is the default. */
export function operationPicker(resource: string, operations: Operation[]): INodeProperties {
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
	};
	// The first operation listed by the resource is the one a new node starts with.
	picker.default = operations[0].option.value as string;
	return picker;
}
