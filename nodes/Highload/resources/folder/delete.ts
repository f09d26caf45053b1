import { defineOperation } from '../../descriptions/operation';
import { deleted, sent } from '../../output/results';
import { folderField, FOLDER_PATH_OUTPUT } from '../../descriptions/sentFields';
import { FOLDER, ROOT_REFUSED } from './resource';

// Required and never the root, however its id is spelled: the API could read an empty or `00` id as the root.
const folderToDelete = folderField({ name: 'folderId', displayName: 'Folder', required: true, description: 'The folder to delete, with everything in it' }, 'folder', {
	refuseRoot: ROOT_REFUSED,
	notFoundAs: 'folder',
	pathOutput: FOLDER_PATH_OUTPUT,
});

export const deleteFolder = defineOperation({
	resource: FOLDER,
	value: 'delete',
	name: 'Delete',
	action: 'Delete folder',
	description: 'Delete a folder with all its subfolders and files, for good',
	endpoint: 'file/deletefolder',
	sends: [folderToDelete],
	about: folderToDelete,
	deletes: 'folders',
	fields: [
		{
			displayName: 'This deletes the folder with all its subfolders and files. It cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
	],
	result: deleted((qs) => ({ folderId: sent(qs, 'folder') })),
});
