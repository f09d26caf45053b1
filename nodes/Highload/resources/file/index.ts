import { fileLocator, folderLocator, shownFor } from '../../descriptions/fields';
import { deleteFile } from './delete';
import { getFile } from './get';
import { getThumbnailOperation } from './getThumbnail';
import { getUploadUrl } from './getUploadUrl';
import { moveFile } from './move';
import { renameFile } from './rename';
import { FILE } from './resource';
import { uploadFile } from './upload';

/** The file that Get, Rename, Move, Delete and Get Thumbnail act on. */
const file = {
	...fileLocator({ name: 'fileId', displayName: 'File', required: true, description: 'The file to act on' }),
	displayOptions: shownFor(FILE.value, ['get', 'rename', 'move', 'delete', 'getThumbnail']),
};

/** Where Upload and Get Upload URL put the file. */
const uploadFolder = {
	...folderLocator({ name: 'folderId', displayName: 'Folder', required: false, description: 'The folder to upload into; leave empty for the root folder' }),
	displayOptions: shownFor(FILE.value, ['upload', 'getUploadUrl']),
};

export const fileResource = {
	...FILE,
	// The first one is the operation a new node starts with.
	operations: [getFile, renameFile, moveFile, deleteFile, uploadFile, getThumbnailOperation, getUploadUrl],
	fields: [file, ...renameFile.fields, ...moveFile.fields, ...deleteFile.fields, uploadFolder, ...uploadFile.fields, ...getThumbnailOperation.fields],
};
