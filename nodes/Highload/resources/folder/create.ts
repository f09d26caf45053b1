import { folderLocator, sentAs } from '../../descriptions/fields';
import { defineOperation } from '../../descriptions/operation';
import { records, sent } from '../../output/results';
import { FOLDER } from './resource';

const newFolder = records('new folder', ['folderid']);

export const createFolder = defineOperation({
	resource: FOLDER,
	value: 'create',
	name: 'Create',
	action: 'Create a folder',
	description: 'Create a folder, in the root folder or inside another one',
	endpoint: 'file/createfolder',
	checks: [
		{ query: 'name', label: 'Name', kind: 'text', required: true },
		{ query: 'pid', label: 'Parent Folder', kind: 'folderId', required: false },
	],
	subject: { kind: 'parent folder', query: 'pid' },
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Name of the new folder', routing: sentAs('name') },
		{
			...folderLocator({
				name: 'parentFolderId',
				displayName: 'Parent Folder',
				required: false,
				description: 'The folder to create it in; leave empty for the root folder',
			}),
			routing: sentAs('pid'),
		},
	],
	// Without its new id a created folder is useless (a following upload would land in the root): an error, never an item.
	result: (result, request) =>
		newFolder(result, request).map((record) => ({
			...record,
			name: sent(request.qs, 'name'),
			parentFolderId: sent(request.qs, 'pid') || null,
		})),
});
