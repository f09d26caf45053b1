import { addRemoteUpload } from './add';
import { getRemoteUpload } from './get';
import { removeRemoteUpload } from './remove';
import { removeAllRemoteUploads } from './removeAll';
import { REMOTE_UPLOAD } from './resource';
import { restartFailedRemoteUploads } from './restartFailed';

export const remoteUploadResource = {
	...REMOTE_UPLOAD,
	// The first one is the operation a new node starts with.
	operations: [addRemoteUpload, getRemoteUpload, removeRemoteUpload, removeAllRemoteUploads, restartFailedRemoteUploads],
};
