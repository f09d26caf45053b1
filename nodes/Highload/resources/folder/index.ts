import { createFolder } from './create';
import { deleteFolder } from './delete';
import { listFolderOperation } from './list';
import { renameFolder } from './rename';

export const folderOperations = [listFolderOperation, createFolder, renameFolder, deleteFolder];
