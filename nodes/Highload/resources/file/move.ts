import { defineOperation } from '../../shared/operation';
import { success } from '../../shared/output';
import { fileIdParameter, folderIdParameter } from '../../shared/parameters';

export const moveFile = defineOperation({
	resource: 'file',
	value: 'move',
	name: 'Move',
	action: 'Move a file',
	description: 'Move a file into another folder',
	endpoint: 'file/move',
	parameters: [
		fileIdParameter(),
		// The API cannot move files to the root folder, so a folder must be chosen.
		folderIdParameter({ displayName: 'Destination Folder', required: true, allowRoot: false, description: 'The folder to move the file into' }),
	],
	output: success({ fileId: 'file', folderId: 'folder' }, { kind: 'file', query: 'file' }),
});
