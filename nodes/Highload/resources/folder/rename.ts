import { defineOperation } from '../../descriptions/operation';
import { sent, success } from '../../output/results';
import { folderField, FOLDER_PATH_OUTPUT, stringField } from '../../descriptions/sentFields';
import { FOLDER, ROOT_REFUSED } from './resource';

const folderToRename = folderField({ name: 'folderId', displayName: 'Folder', required: true, description: 'The folder to rename' }, 'folder', {
	refuseRoot: ROOT_REFUSED,
	notFoundAs: 'folder',
	pathOutput: FOLDER_PATH_OUTPUT,
});

const newName = stringField({ name: 'name', displayName: 'New Name', required: true, description: 'The new folder name' }, 'name');

export const renameFolder = defineOperation({
	resource: FOLDER,
	value: 'rename',
	name: 'Rename',
	action: 'Rename folder',
	description: 'Give a folder a new name',
	endpoint: 'file/renamefolder',
	sends: [folderToRename, newName],
	about: folderToRename,
	result: success((qs) => ({ folderId: sent(qs, 'folder'), name: sent(qs, 'name') })),
});
