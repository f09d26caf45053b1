import { createFolder } from './create';
import { deleteFolder } from './delete';
import { listFolderOperation } from './list';
import { renameFolder } from './rename';
import { FOLDER } from './resource';

export const folderResource = {
	...FOLDER,
	// The first one is the operation a new node starts with.
	operations: [listFolderOperation, createFolder, renameFolder, deleteFolder],
};
