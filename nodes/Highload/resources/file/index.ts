import { deleteFile } from './delete';
import { getFile } from './get';
import { getThumbnailOperation } from './getThumbnail';
import { getUploadUrl } from './getUploadUrl';
import { moveFile } from './move';
import { renameFile } from './rename';
import { FILE } from './resource';
import { uploadFile } from './upload';

export const fileResource = {
	...FILE,
	// The first one is the operation a new node starts with.
	operations: [getFile, renameFile, moveFile, deleteFile, uploadFile, getThumbnailOperation, getUploadUrl],
};
