import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { readFolderField, resolveFolderPath, type ResolvedFolder } from '../listing/folderPaths';
import { operationError } from '../transport/errors';
import { oncePerRun, runValues } from '../transport/runCache';
import { itemSession } from '../transport/session';

import { canonicalFolderId, FOLDER_ID_HINT, isFileId, isWebAddress, ROOT_FOLDER_ID } from './ids';

/** How a query parameter's value is checked before anything is sent. */
export type Kind = 'fileId' | 'folderId' | 'remoteUploadId' | 'url' | 'text';

/**
 * One query parameter an operation sends: the field it is read from and the rule its value must pass. The fields
 * carry no `routing`: n8n's declarative engine evaluates a routed field's expression twice more per item, so the
 * values are read here, once, when the item's query is built.
 */
export interface QueryCheck {
	query: string;
	/** The field (parameter name) the value is read from; a folder field's By Path mode is resolved to an id. */
	field: string;
	/** The field's display name, as errors name it. */
	label: string;
	kind: Kind;
	required: boolean;
	/** Destructive or impossible on the root folder (delete, rename, move into): refused however it is spelled. */
	refuseRoot?: string;
	/** Folder checks: the operation offers Create Missing Folders under Options (missing folders of a path created). */
	createMissing?: boolean;
	/** Folder checks given By Path: the output fields that carry the resolved id and path (default folderId, folderPath). */
	output?: { id: string; path: string };
}

const RULES: Record<Kind, { empty: string; malformed: string }> = {
	fileId: {
		empty: 'enter a file',
		malformed: 'A file ID is letters and digits, like 9fnelnvpql73 (or pick "By URL" and paste the file link).',
	},
	folderId: {
		empty: 'enter a folder',
		malformed: FOLDER_ID_HINT,
	},
	remoteUploadId: {
		empty: 'enter a remote upload ID',
		malformed: 'A remote upload ID is letters and digits, like 8ykqg0nkqxoh (the id that Remote Upload → Add returned).',
	},
	url: {
		empty: 'enter the link to fetch',
		malformed: 'Give a full http:// or https:// link to the file Highload should fetch.',
	},
	text: { empty: 'enter a value', malformed: '' },
};

const EMPTY_HINT = 'Fill in the field, or check the expression that fills it: it came out empty for this item.';

/** Nothing secret is in a check's message: the mask is the identity. */
const unmasked = (text: string) => text;

function refuse(context: IExecuteSingleFunctions, check: QueryCheck, message: string, hint: string) {
	return operationError({ node: context.getNode(), itemIndex: context.getItemIndex(), mask: unmasked }, `${check.label}: ${message}`, hint);
}

/** The value to send for one parameter, or an error saying what is wrong with it. */
function checkedValue(context: IExecuteSingleFunctions, check: QueryCheck, raw: unknown): string | undefined {
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	const rule = RULES[check.kind];
	if (value === '') {
		if (check.required) throw refuse(context, check, rule.empty, EMPTY_HINT);
		return undefined;
	}
	switch (check.kind) {
		case 'folderId': {
			const id = canonicalFolderId(raw);
			if (id === undefined) throw refuse(context, check, `"${value}" is not a folder ID`, rule.malformed);
			if (id === ROOT_FOLDER_ID && check.refuseRoot) throw refuse(context, check, 'is the root folder, which this operation never acts on', check.refuseRoot);
			return id;
		}
		case 'fileId':
		case 'remoteUploadId':
			if (!isFileId(value)) throw refuse(context, check, `"${value}" is not valid`, rule.malformed);
			// The API reads id=all as "every upload": that is the Remove All operation, never an id field.
			if (check.kind === 'remoteUploadId' && value.toLowerCase() === 'all') {
				throw refuse(context, check, '"all" is not an upload ID; use the Remove All operation to remove every upload', rule.malformed);
			}
			return value;
		case 'url':
			if (!isWebAddress(value)) throw refuse(context, check, `"${value}" is not valid`, rule.malformed);
			return value;
		default:
			return String(raw);
	}
}

/** The folder at `path`, resolved once per run for all items (listing/folderPaths.ts), created where asked. */
async function folderAtPath(context: IExecuteSingleFunctions, check: QueryCheck, path: string): Promise<ResolvedFolder> {
	const options = check.createMissing ? (context.getNodeParameter('options', {}) as IDataObject) : {};
	const session = await itemSession(context);
	return await resolveFolderPath(context, session, path, options.createMissingFolders === true);
}

/**
 * The folder a folder field names By Path, resolved to its id (and created where missing when the operation offers
 * it and the user turned it on); undefined when the field is not in By Path mode or is empty. Asking again costs
 * no request.
 */
export async function folderOfField(context: IExecuteSingleFunctions, check: QueryCheck): Promise<ResolvedFolder | undefined> {
	if (check.kind !== 'folderId') return undefined;
	const field = readFolderField(context, check.field);
	if (!('path' in field) || field.path.trim() === '') return undefined;
	return await folderAtPath(context, check, field.path);
}

/** A field's value as typed (a resource locator's id, taken out of a link where its mode says so). */
const fieldValue = (context: IExecuteSingleFunctions, check: QueryCheck): unknown =>
	context.getNodeParameter(check.field, undefined, { extractValue: true });

/**
 * A parameter's value to send: a folder given By Path resolved to its canonical id, anything else checked as typed.
 * Each field is read once.
 */
async function checkedParameter(context: IExecuteSingleFunctions, check: QueryCheck): Promise<string | undefined> {
	if (check.kind !== 'folderId') return checkedValue(context, check, fieldValue(context, check));
	const field = readFolderField(context, check.field);
	if (!('path' in field)) return checkedValue(context, check, field.value);
	const path = field.path.trim();
	if (path === '') {
		if (check.required) throw refuse(context, check, RULES.folderId.empty, EMPTY_HINT);
		return undefined;
	}
	const folder = await folderAtPath(context, check, field.path);
	if (folder.id === ROOT_FOLDER_ID) {
		if (check.refuseRoot) throw refuse(context, check, `path "${path}" is the root folder, which this operation never acts on`, check.refuseRoot);
		// The root folder is the API's default: no folder parameter at all.
		return undefined;
	}
	return folder.id;
}

/** Input items of this run that are folder records (Folder → List's output), by 1-based position; once a run. */
function folderItems(context: IExecuteSingleFunctions, input: INodeExecutionData[]): number[] {
	return oncePerRun(runValues(context), 'folderItems', () => input.flatMap((item, index) => (item?.json?.type === 'folder' ? [index + 1] : [])));
}

const FOLDER_ITEMS_HINT =
	'File operations act on files. Keep Folder → List on "Files Only" (its default), or filter out items whose type is "folder". Nothing was changed.';

/**
 * A File operation fed folder records (Folder → List with "Files and Folders") would act on folder ids as if they
 * were file ids. Checked over the run's whole input before any item sends: without Continue On Fail the whole run
 * stops before the first request, so a chain never half-runs; with it, only the folder items fail.
 */
function refuseFolderItems(context: IExecuteSingleFunctions): void {
	const input = context.getExecuteData?.()?.data?.main?.[0];
	if (!Array.isArray(input)) return;
	const folders = folderItems(context, input);
	if (folders.length === 0) return;
	const position = context.getItemIndex() + 1;
	const target = { node: context.getNode(), itemIndex: position - 1, mask: unmasked };
	if (folders.includes(position)) throw operationError(target, `Input item ${position} is a folder, not a file`, FOLDER_ITEMS_HINT);
	if (!context.continueOnFail()) {
		const listed = folders.length > 5 ? `${folders.slice(0, 5).join(', ')} and ${folders.length - 5} more` : folders.join(', ');
		const plural = folders.length > 1;
		throw operationError(target, `Not run: input item${plural ? 's' : ''} ${listed} ${plural ? 'are folders' : 'is a folder'}, not files`, FOLDER_ITEMS_HINT);
	}
}

/**
 * preSend of every operation: the item's query built from its fields, each value checked and put in its canonical
 * form; empty optional values are left out (so "no folder" means the API default, never an empty `folder=`); empty
 * required ones and malformed values stop the item before any request.
 */
export function checkQuery(checks: QueryCheck[]) {
	const actsOnFiles = checks.some((check) => check.kind === 'fileId');
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (actsOnFiles) refuseFolderItems(this);
		const qs: IDataObject = { ...(options.qs ?? {}) };
		for (const check of checks) {
			const value = await checkedParameter(this, check);
			if (value !== undefined) qs[check.query] = value;
		}
		return { ...options, qs };
	};
}
