import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';

import { readFolderField, resolveFolderPath, type ResolvedFolder } from '../listing/folderPaths';
import { ROOT_FOLDER_ID } from '../parameters/ids';
import type { FieldRule } from '../parameters/fieldRule';
import { checkEmpty, checkValue, rootRefusal, type Checked } from '../parameters/valueRules';
import { operationError } from '../transport/errors';
import { oncePerRun, runValues } from '../transport/runCache';
import { itemSession } from '../transport/session';
import type { OperationSpec } from './operationSpec';

/**
 * An item's query, built before anything is sent: each sent field read once, its value checked (valueRules.ts),
 * a folder given By Path resolved to its id (requests; folders created where the user asked for it).
 */

/** Nothing secret is in a check's message: the mask is the identity. */
const unmasked = (text: string) => text;

function valueOf(context: IExecuteSingleFunctions, rule: FieldRule, checked: Checked): string | undefined {
	if (!('refused' in checked)) return checked.value;
	const target = { node: context.getNode(), itemIndex: context.getItemIndex(), mask: unmasked };
	throw operationError(target, `${rule.label}: ${checked.refused}`, checked.hint);
}

/** The folder at `path`, resolved once per run for all items (listing/folderPaths.ts), created where asked. */
async function folderAtPath(context: IExecuteSingleFunctions, spec: OperationSpec, path: string): Promise<ResolvedFolder> {
	const options = spec.createsMissingFolders ? (context.getNodeParameter('options', {}) as IDataObject) : {};
	const session = await itemSession(context);
	return await resolveFolderPath(context, session, path, options.createMissingFolders === true);
}

/**
 * The folder a folder field names By Path, resolved to its id; undefined when the field is not in By Path mode or
 * is empty. Asking again costs no request.
 */
export async function folderOfField(context: IExecuteSingleFunctions, spec: OperationSpec, rule: FieldRule): Promise<ResolvedFolder | undefined> {
	if (rule.kind !== 'folderId') return undefined;
	const field = readFolderField(context, rule.field);
	if (!('path' in field) || field.path.trim() === '') return undefined;
	return await folderAtPath(context, spec, field.path);
}

/** A parameter's value to send: a folder given By Path resolved to its canonical id, anything else checked as typed. */
async function sentValue(context: IExecuteSingleFunctions, spec: OperationSpec, rule: FieldRule): Promise<string | undefined> {
	if (rule.kind !== 'folderId') return valueOf(context, rule, checkValue(rule, context.getNodeParameter(rule.field, undefined, { extractValue: true })));
	const field = readFolderField(context, rule.field);
	if (!('path' in field)) return valueOf(context, rule, checkValue(rule, field.value));
	const path = field.path.trim();
	if (path === '') return valueOf(context, rule, checkEmpty(rule));
	const folder = await folderAtPath(context, spec, field.path);
	if (folder.id !== ROOT_FOLDER_ID) return folder.id;
	const refusal = rootRefusal(rule, `path "${path}" is`);
	// The root folder is the API's default: no folder parameter at all.
	return refusal ? valueOf(context, rule, refusal) : undefined;
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
 * The operation's preSend: the item's query, its fixed parameters and the values of its sent fields, each checked
 * and in its canonical form; empty optional values are left out (so "no folder" means the API default, never an
 * empty `folder=`); empty required ones and malformed values stop the item before any request.
 */
export function itemQuery(spec: OperationSpec) {
	const rules = (spec.sends ?? []).map((field) => field.rule);
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (spec.refusesFolderItems) refuseFolderItems(this);
		const qs: IDataObject = { ...spec.query };
		for (const rule of rules) {
			const value = await sentValue(this, spec, rule);
			if (value !== undefined) qs[rule.query] = value;
		}
		return { ...options, qs };
	};
}
