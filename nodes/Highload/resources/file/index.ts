import { deleteFile } from './delete';
import { getFile } from './get';
import { getThumbnail } from './getThumbnail';
import { getUploadUrl } from './getUploadUrl';
import { moveFile } from './move';
import { renameFile } from './rename';
import { uploadFile } from './upload';

export const fileOperations = [getFile, renameFile, moveFile, deleteFile, uploadFile, getThumbnail, getUploadUrl];
