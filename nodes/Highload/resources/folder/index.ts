import { folderLocator, shownFor } from '../../descriptions/fields';
import { createFolder } from './create';
import { deleteFolder } from './delete';
import { listFolderOperation } from './list';
import { renameFolder } from './rename';
import { FOLDER } from './resource';

/** The folder each operation acts on: one field per meaning (optional to list; required, never the root, to change). */
const folderField = (operation: string, required: boolean, description: string) => ({
	...folderLocator({ name: 'folderId', displayName: 'Folder', required, description }),
	displayOptions: shownFor(FOLDER.value, [operation]),
});

export const folderResource = {
	...FOLDER,
	// The first one is the operation a new node starts with.
	operations: [listFolderOperation, createFolder, renameFolder, deleteFolder],
	fields: [
		folderField('list', false, 'The folder to list; leave empty for the root folder'),
		folderField('rename', true, 'The folder to rename'),
		folderField('delete', true, 'The folder to delete, with everything in it'),
		...createFolder.fields,
		...renameFolder.fields,
		...deleteFolder.fields,
		...listFolderOperation.fields,
	],
};
