import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../descriptions/fields';
import { asOutput, defineOperation, type OperationOutput, type OperationRun } from '../../descriptions/operation';
import { listingFiltersField } from '../../descriptions/listingFilters';
import { listingSortField } from '../../descriptions/listingSort';
import { listingPages } from '../../listing/listFolder';
import { selectListing, type Include } from '../../listing/selectListing';
import { walkFolderPages } from '../../listing/walkFolder';
import { readFileFilters } from '../../parameters/listingFilters';
import { readSortRules } from '../../parameters/listingSort';
import { operationError } from '../../transport/errors';
import { FOLDER } from './resource';

/**
 * What Include means when the user did not set it. Nodes created from version 1.1 on list files only, so that the
 * everyday chain Folder → List → File → anything acts on files; older nodes keep listing both, as they always did.
 */
function defaultInclude(typeVersion: number): Include {
	return typeVersion >= 1.1 ? 'files' : 'both';
}

/** Pages through the folder (and its subfolders when asked), keeping the matches, until the end or the limit. */
async function listFolder({ session, qs, context }: OperationRun): Promise<OperationOutput[]> {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', 50) as number);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const include = (options.include as Include | undefined) ?? defaultInclude(context.getNode().typeVersion);
	const rootId = qs.folder === undefined ? undefined : String(qs.folder);
	const fail = (message: string, hint: string) => operationError(session.target, message, hint);
	const filters = readFileFilters(context.getNodeParameter('filters', {}) as IDataObject, { workflowTimeZone: context.getTimezone(), fail });
	const sort = readSortRules(context.getNodeParameter('sort', {}) as IDataObject, fail);

	const pages = walkFolderPages(listingPages(session), rootId, Boolean(options.includeSubfolders));
	return asOutput(await selectListing(pages, { include, filters, limit, sort }));
}

export const listFolderOperation = defineOperation({
	resource: FOLDER,
	value: 'list',
	name: 'List',
	action: 'List a folder',
	description: 'List the files (and, if asked, the subfolders) of a folder',
	endpoint: 'file/listfolder',
	checks: [{ query: 'folder', label: 'Folder', kind: 'folderId', required: false, field: 'folderId' }],
	fields: [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		listingFiltersField,
		optionsCollection([
			{
				displayName: 'Include',
				name: 'include',
				type: 'options',
				default: 'files',
				description:
					'Which entries to output. Files Only suits a following File operation; nodes created before version 1.1 output files and folders unless set.',
				options: [
					{ name: 'Files and Folders', value: 'both' },
					{ name: 'Files Only', value: 'files' },
					{ name: 'Folders Only', value: 'folders' },
				],
			},
			{
				displayName: 'Include Subfolders',
				name: 'includeSubfolders',
				type: 'boolean',
				default: false,
				description: "Whether to walk all subfolders too; each item's path field tells where it lies",
			},
		]),
		listingSortField,
	],
	run: listFolder,
});
