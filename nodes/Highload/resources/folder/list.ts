import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { PAGE_SIZE, pageOf, walkFolder, type FolderPage } from '../../shared/listing';
import { defineOperation } from '../../shared/operation';
import { outputOf } from '../../shared/output';
import { folderIdParameter, optionsCollection } from '../../shared/parameters';
import { sendLimited } from '../../shared/transport';

type Include = 'both' | 'files' | 'folders';

/** One page as items, each marked with its `type`; the walker below reads them back. */
const pageItems = outputOf(function (result) {
	const { folders, files } = pageOf(result);
	return [
		...folders.map((folder) => ({ type: 'folder', ...folder })),
		...files.map((file) => ({ type: 'file', ...file })),
	];
}, { kind: 'folder', query: 'folder' });

function asPage(items: INodeExecutionData[]): FolderPage {
	const page: FolderPage = { folders: [], files: [] };
	for (const { json } of items) (json.type === 'folder' ? page.folders : page.files).push(json);
	return page;
}

/** Pages through the folder (and its subfolders when asked) until the end or the limit. */
async function listFolder(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const include = (options.include as Include) ?? 'both';
	const baseQuery = requestData.options.qs ?? {};
	const rootId = baseQuery.folder === undefined ? undefined : String(baseQuery.folder);

	const fetchPage = async (folderId: string | undefined, page: number) => {
		const qs: IDataObject = { ...baseQuery, page, limit: PAGE_SIZE };
		if (folderId === undefined) delete qs.folder;
		else qs.folder = folderId;
		return asPage(await sendLimited(this, { ...requestData, options: { ...requestData.options, qs } }));
	};

	const itemIndex = this.getItemIndex();
	const items: INodeExecutionData[] = [];
	for await (const entry of walkFolder(fetchPage, rootId, Boolean(options.includeSubfolders))) {
		if (items.length >= limit) break;
		if (include !== 'both' && `${entry.type}s` !== include) continue;
		items.push({ json: { type: entry.type, ...entry.record, path: entry.path }, pairedItem: { item: itemIndex } });
	}
	return items;
}

export const listFolderOperation = defineOperation({
	resource: 'folder',
	value: 'list',
	name: 'List',
	action: 'List a folder',
	description: 'List the files and subfolders of a folder',
	endpoint: 'file/listfolder',
	parameters: [folderIdParameter()],
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
		optionsCollection([
			{
				displayName: 'Include',
				name: 'include',
				type: 'options',
				default: 'both',
				description: 'Which entries to output',
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
	],
	output: pageItems,
	run: listFolder,
});
