import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { asOutput, type ItemRun, type OperationOutput } from '../../execution/itemRun';
import { FILTER_LABELS, listingFiltersField } from '../../descriptions/listingFilters';
import { listingSortField } from '../../descriptions/listingSort';
import { folderField, FOLDER_PATH_OUTPUT } from '../../descriptions/sentFields';
import { listingPages } from '../../listing/listingPages';
import { selectListing, type Include } from '../../listing/selectListing';
import { walkFolderPages } from '../../listing/walkFolder';
import { readFileFilters } from '../../parameters/listingFilters';
import { readSortRules } from '../../parameters/listingSort';
import { operationError } from '../../transport/errors';
import { FOLDER } from './resource';

/** Files only unless Include says otherwise, so that the everyday chain Folder → List → File → anything acts on files. */
const DEFAULT_INCLUDE: Include = 'files';

/** Pages through the folder (and its subfolders when asked), keeping the matches, until the end or the limit. */
async function listFolder({ session, qs, context }: ItemRun): Promise<OperationOutput[]> {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', 50) as number);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const include = (options.include as Include | undefined) ?? DEFAULT_INCLUDE;
	const rootId = qs.folder === undefined ? undefined : String(qs.folder);
	const fail = (message: string, hint: string) => operationError(session.target, message, hint);
	const filters = readFileFilters(context.getNodeParameter('filters', {}) as IDataObject, { labels: FILTER_LABELS, workflowTimeZone: context.getTimezone(), fail });
	const sort = readSortRules(context.getNodeParameter('sort', {}) as IDataObject, fail);

	const pages = walkFolderPages(listingPages(session), rootId, Boolean(options.includeSubfolders));
	return asOutput(await selectListing(pages, { include, filters, limit, sort }));
}

const folderToList = folderField({ name: 'folderId', displayName: 'Folder', required: false, description: 'The folder to list; leave empty for the root folder' }, 'folder', {
	pathOutput: FOLDER_PATH_OUTPUT,
});

export const listFolderOperation = defineOperation({
	resource: FOLDER,
	value: 'list',
	name: 'List',
	action: 'List folder contents',
	description: 'List the files (and, if asked, the subfolders) of a folder',
	endpoint: 'file/listfolder',
	simplify: 'file',
	sends: [folderToList],
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
				default: DEFAULT_INCLUDE,
				description: "Which entries to output. 'Files Only' suits a following file operation.",
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
	steps: listFolder,
});
