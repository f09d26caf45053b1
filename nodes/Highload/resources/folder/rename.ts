import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';
import { folderIdParameter, textParameter } from '../../shared/parameters';

export const renameFolder = defineOperation({
	resource: 'folder',
	value: 'rename',
	name: 'Rename',
	action: 'Rename a folder',
	description: 'Give a folder a new name',
	endpoint: 'file/renamefolder',
	parameters: [
		folderIdParameter({ required: true, allowRoot: false }),
		textParameter({ name: 'name', displayName: 'New Name', query: 'name', required: true, description: 'The new folder name' }),
	],
	output: success({ folderId: 'folder', name: 'name' }, { kind: 'folder', query: 'folder' }),
});
