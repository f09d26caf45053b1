import { optionsCollection, sentAs, shownFor } from '../../descriptions/fields';
import { addRemoteUpload } from './add';
import { getRemoteUpload } from './get';
import { removeRemoteUpload } from './remove';
import { removeAllRemoteUploads } from './removeAll';
import { REMOTE_UPLOAD } from './resource';
import { restartFailedRemoteUploads } from './restartFailed';
import { DEFAULT_WAIT_TIMEOUT_SECONDS } from './waitForCompletion';

/** The upload that Get and Remove act on. */
const remoteUploadId = {
	displayName: 'Remote Upload ID',
	name: 'remoteUploadId',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'e.g. 8ykqg0nkqxoh',
	description: 'The ID that Remote Upload → Add returned',
	displayOptions: shownFor(REMOTE_UPLOAD.value, ['get', 'remove']),
	routing: sentAs('id'),
};

/** The Options of Add and Get: waiting until Highload has finished the upload. */
const waitOptions = optionsCollection(
	[
		{
			displayName: 'Wait for Completion',
			name: 'waitForCompletion',
			type: 'boolean',
			default: false,
			description:
				'Whether to check the status again and again (waiting longer each time) until Highload has finished or failed the upload, and output the final status',
		},
		{
			displayName: 'Wait Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_WAIT_TIMEOUT_SECONDS,
			description: 'With Wait for Completion: how long to wait at most, in seconds, before failing (the upload keeps running on Highload)',
		},
	],
	shownFor(REMOTE_UPLOAD.value, ['add', 'get']),
);

export const remoteUploadResource = {
	...REMOTE_UPLOAD,
	// The first one is the operation a new node starts with.
	operations: [addRemoteUpload, getRemoteUpload, removeRemoteUpload, removeAllRemoteUploads, restartFailedRemoteUploads],
	fields: [...addRemoteUpload.fields, remoteUploadId, waitOptions, ...removeAllRemoteUploads.fields],
};
