import { optionsCollection, shownFor } from '../../descriptions/fields';
import { addRemoteUpload } from './add';
import { getRemoteUpload } from './get';
import { removeRemoteUpload } from './remove';
import { removeAllRemoteUploads } from './removeAll';
import { REMOTE_UPLOAD } from './resource';
import { restartFailedRemoteUploads } from './restartFailed';
import { waitFields } from './waitForCompletion';

/** The upload that Get and Remove act on. */
const remoteUploadId = {
	displayName: 'Remote Upload ID',
	name: 'remoteUploadId',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'e.g. 8ykqg0nkqxoh',
	description: "The ID that 'Remote Upload → Add' returned",
	displayOptions: shownFor(REMOTE_UPLOAD.value, ['get', 'remove']),
};

/** The Options of Get (Add declares its own, with these among them). */
const getOptions = optionsCollection(waitFields, shownFor(REMOTE_UPLOAD.value, ['get']));

export const remoteUploadResource = {
	...REMOTE_UPLOAD,
	// The first one is the operation a new node starts with.
	operations: [addRemoteUpload, getRemoteUpload, removeRemoteUpload, removeAllRemoteUploads, restartFailedRemoteUploads],
	fields: [...addRemoteUpload.fields, remoteUploadId, getOptions, ...removeAllRemoteUploads.fields],
};
