import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';
import { folderIdParameter } from '../../shared/parameters';

export const deleteFolder = defineOperation({
	resource: 'folder',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a folder',
	description: 'Delete a folder with all its subfolders and files, for good',
	endpoint: 'file/deletefolder',
	// Required and never the root: an empty id must not reach the API, which could read it as "root".
	parameters: [folderIdParameter({ required: true, allowRoot: false })],
	fields: [
		{
			displayName: 'This deletes the folder with all its subfolders and files. It cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
	],
	output: success({ folderId: 'folder' }, { kind: 'folder', query: 'folder' }),
});
