import { addRemoteUpload } from './add';
import { getRemoteUpload } from './get';
import { removeRemoteUpload } from './remove';
import { removeAllRemoteUploads } from './removeAll';
import { restartFailedRemoteUploads } from './restartFailed';

export const remoteUploadOperations = [
	addRemoteUpload,
	getRemoteUpload,
	removeRemoteUpload,
	removeAllRemoteUploads,
	restartFailedRemoteUploads,
];
